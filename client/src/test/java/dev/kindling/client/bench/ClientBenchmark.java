package dev.kindling.client.bench;

import dev.kindling.client.Comm;
import dev.kindling.client.KernelProcess;
import dev.kindling.client.KindlingClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Measures the client library against a real kernel (the test language, no Spark): comm RPC round
 * trips (one at a time for latency, pipelined for throughput) and execute round trips with 1 and 8
 * clients. Prints a Markdown table; measures, never asserts. Run with {@code bench/client-bench}.
 *
 * <pre>ClientBenchmark LAUNCHER TEST_PLUGINS_DIR [iterations]</pre>
 */
public final class ClientBenchmark {

  private static final Duration WAIT = Duration.ofSeconds(120);

  private ClientBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ClientBenchmark LAUNCHER TEST_PLUGINS_DIR [iterations]");
      System.exit(2);
    }
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    List<String> command =
        List.of(
            args[0],
            "kernel",
            "-f",
            KernelProcess.CONNECTION_FILE,
            "--plugins-dir",
            args[1],
            "--default-interpreter",
            "test",
            "--spark-init",
            "lazy");
    Path work = Files.createTempDirectory("kindling-client-bench");
    try (KernelProcess kernel = KernelProcess.start(command, work);
        KindlingClient client = kernel.connect()) {
      System.out.printf(
          "| measurement | n | per second | p50 ms | p99 ms |%n|---|---|---|---|---|%n");
      Comm comm = client.openComm("rpc-echo");
      rpcSequential(comm, iterations / 2); // warm-up
      row("comm RPC, one at a time", rpcSequential(comm, iterations));
      rpcPipelined(comm, iterations); // warm-up
      long started = System.nanoTime();
      rpcPipelined(comm, iterations * 5);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "| comm RPC, pipelined (256 in flight) | %d | %.0f | | |%n",
          iterations * 5, iterations * 5 / seconds);
      executes(client, iterations / 4); // warm-up
      row("execute, 1 client", executes(client, iterations));
      row("execute, 8 clients at once", eightClients(kernel, iterations / 8));
    }
  }

  /** Latencies of one-at-a-time calls, and the elapsed time as the last element. */
  private static long[] rpcSequential(Comm comm, int n) throws Exception {
    long[] nanos = new long[n + 1];
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long sent = System.nanoTime();
      comm.call(Map.of("x", i)).get(120, TimeUnit.SECONDS);
      nanos[i] = System.nanoTime() - sent;
    }
    nanos[n] = System.nanoTime() - started;
    return nanos;
  }

  private static void rpcPipelined(Comm comm, int n) throws Exception {
    Semaphore window = new Semaphore(256);
    List<CompletableFuture<Map<String, Object>>> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      window.acquire();
      calls.add(comm.call(Map.of("x", i)).whenComplete((r, e) -> window.release()));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
  }

  private static long[] executes(KindlingClient client, int n) throws Exception {
    long[] nanos = new long[n + 1];
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long sent = System.nanoTime();
      client.execute("value " + i).await(WAIT);
      nanos[i] = System.nanoTime() - sent;
    }
    nanos[n] = System.nanoTime() - started;
    return nanos;
  }

  private static long[] eightClients(KernelProcess kernel, int perClient) throws Exception {
    List<KindlingClient> clients = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (int k = 0; k < 8; k++) {
        clients.add(kernel.connect());
      }
      long started = System.nanoTime();
      List<Future<long[]>> runs = new ArrayList<>();
      for (KindlingClient client : clients) {
        runs.add(threads.submit(() -> executes(client, perClient)));
      }
      long[] all = new long[8 * perClient + 1];
      int at = 0;
      for (Future<long[]> run : runs) {
        long[] one = run.get();
        System.arraycopy(one, 0, all, at, perClient);
        at += perClient;
      }
      all[8 * perClient] = System.nanoTime() - started;
      return all;
    } finally {
      threads.shutdownNow();
      clients.forEach(KindlingClient::close);
    }
  }

  private static void row(String name, long[] nanosAndElapsed) {
    int n = nanosAndElapsed.length - 1;
    long[] sorted = Arrays.copyOf(nanosAndElapsed, n);
    Arrays.sort(sorted);
    double perSecond = n / (nanosAndElapsed[n] / 1e9);
    System.out.printf(
        "| %s | %d | %.0f | %.2f | %.2f |%n",
        name, n, perSecond, sorted[n / 2] / 1e6, sorted[(int) Math.ceil(n * 0.99) - 1] / 1e6);
  }
}
