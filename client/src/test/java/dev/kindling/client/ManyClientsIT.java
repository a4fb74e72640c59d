package dev.kindling.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.client.KernelConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load test of issue 8: 8 clients x 500 executes on one kernel, interleaved, with comm RPC
 * calls and input requests mixed in. Nothing may be lost, duplicated or misrouted, execution counts
 * are the kernel's, and control requests are answered throughout.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ManyClientsIT {

  private static final int CLIENTS = 8;
  private static final int EXECUTES = 500;
  private static final int WINDOW = 16;
  private static final Duration CONTROL_DEADLINE = Duration.ofSeconds(5);

  /** What one client sent, to check against what came back. */
  private record Sent(int client, int index, Execution execution, boolean input) {}

  @Test
  void eightClientsFiveHundredExecutesEachWithCommsAndStdinMixedIn() throws Exception {
    try (KernelProcess kernel = TestKernels.start("many-clients");
        KernelConnection observer = KernelConnection.open(kernel.connectionInfo())) {
      List<KindlingClient> clients = new ArrayList<>();
      ExecutorService workers = Executors.newFixedThreadPool(CLIENTS + 1);
      try {
        for (int k = 0; k < CLIENTS; k++) {
          int client = k;
          clients.add(
              kernel
                  .connect()
                  .onInputRequest((prompt, password) -> "answer-" + client + "-" + prompt));
        }
        awaitObserverSubscribed(observer);
        AtomicBoolean loadRunning = new AtomicBoolean(true);
        Future<List<Duration>> control =
            workers.submit(() -> pollControl(clients.get(0), loadRunning));
        List<Future<List<Sent>>> runs = new ArrayList<>();
        long started = System.nanoTime();
        for (int k = 0; k < CLIENTS; k++) {
          int client = k;
          runs.add(workers.submit(() -> load(client, clients.get(client))));
        }
        List<Sent> sent = new ArrayList<>();
        for (Future<List<Sent>> run : runs) {
          sent.addAll(run.get(240, TimeUnit.SECONDS));
        }
        Duration loadTime = Duration.ofNanos(System.nanoTime() - started);
        loadRunning.set(false);
        List<Duration> controlLatencies = control.get(60, TimeUnit.SECONDS);

        checkEveryExecution(sent);
        for (KindlingClient client : clients) {
          assertThat(client.strayMessages()).as("misrouted or duplicated replies").isZero();
        }
        checkIopubAsAThirdPartySawIt(observer, sent);
        assertThat(controlLatencies).isNotEmpty().allMatch(d -> d.compareTo(CONTROL_DEADLINE) < 0);
        System.out.printf(
            "many clients: %d executes in %d ms; %d control kernel_info, max %d ms%n",
            sent.size(),
            loadTime.toMillis(),
            controlLatencies.size(),
            controlLatencies.stream().mapToLong(Duration::toMillis).max().orElse(0));
      } finally {
        workers.shutdownNow();
        clients.forEach(KindlingClient::close);
      }
    }
  }

  /**
   * One client's share: executes in a window of WINDOW, every 25th asks for input, RPC every 5th.
   */
  private static List<Sent> load(int client, KindlingClient kindling) throws Exception {
    Comm rpc = kindling.openComm("rpc-echo");
    Semaphore window = new Semaphore(WINDOW);
    List<Sent> sent = new ArrayList<>();
    List<CompletableFuture<Map<String, Object>>> calls = new ArrayList<>();
    for (int i = 0; i < EXECUTES; i++) {
      window.acquire();
      boolean input = i % 25 == 0;
      String tag = "c" + client + "-" + i;
      String code = input ? "input " + tag : "print " + tag + "\nvalue " + tag;
      Execution execution = kindling.execute(code);
      execution.outcome().whenComplete((outcome, failure) -> window.release());
      sent.add(new Sent(client, i, execution, input));
      if (i % 5 == 0) {
        calls.add(rpc.call(Map.of("x", i, "client", client)));
      }
    }
    for (int j = 0; j < calls.size(); j++) {
      Map<String, Object> reply = calls.get(j).get(120, TimeUnit.SECONDS);
      int x = j * 5;
      assertThat(((Number) reply.get("square")).longValue()).isEqualTo((long) x * x);
      assertThat(reply.get("echo")).isEqualTo(Map.of("x", x, "client", client));
    }
    for (Sent one : sent) {
      one.execution().await(Duration.ofSeconds(120));
    }
    rpc.close();
    return sent;
  }

  private static void checkEveryExecution(List<Sent> sent) throws Exception {
    Set<Integer> counts = ConcurrentHashMap.newKeySet();
    for (Sent one : sent) {
      ExecuteOutcome outcome = one.execution().await(Duration.ofSeconds(1));
      String tag = "c" + one.client() + "-" + one.index();
      assertThat(outcome.status()).as(tag).isEqualTo("ok");
      if (one.input()) {
        assertThat(outcome.stdout())
            .as(tag)
            .isEqualTo("got: answer-" + one.client() + "-" + tag + "\n");
      } else {
        assertThat(outcome.stdout()).as(tag).isEqualTo(tag + "\n");
        assertThat(outcome.result().flatMap(Output.ExecuteResult::text)).as(tag).contains(tag);
      }
      assertThat(counts.add(outcome.reply().executionCount()))
          .as("execution count %d used once", outcome.reply().executionCount())
          .isTrue();
    }
    int min = counts.stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
    assertThat(max - min + 1).as("one kernel-wide count, no gaps").isEqualTo(sent.size());
  }

  /** Every execute has exactly one busy, one execute_input and one idle on IOPub, seen by all. */
  private static void checkIopubAsAThirdPartySawIt(KernelConnection observer, List<Sent> sent) {
    Map<String, List<String>> byParent = new HashMap<>();
    Set<String> wanted = ConcurrentHashMap.newKeySet();
    sent.forEach(one -> wanted.add(one.execution().msgId()));
    Map<String, Integer> idles = new HashMap<>();
    // The last idle is published right after the last reply; wait for it with a deadline.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (idles.size() < wanted.size() && System.nanoTime() - deadline < 0) {
      Optional<Message> next = observer.receive(Channel.IOPUB, Duration.ofSeconds(5));
      if (next.isEmpty()) {
        continue;
      }
      Message message = next.get();
      String parent = message.parentHeader().path("msg_id").asText("");
      if (!wanted.contains(parent)) {
        continue;
      }
      String type = message.msgType();
      if (type.equals("status")) {
        type = message.content().path("execution_state").asText();
        if (type.equals("idle")) {
          idles.merge(parent, 1, Integer::sum);
        }
      }
      byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(type);
    }
    assertThat(idles).hasSize(wanted.size());
    for (Sent one : sent) {
      List<String> types = byParent.get(one.execution().msgId());
      assertThat(types).as("IOPub of c%d-%d", one.client(), one.index()).isNotNull();
      assertThat(types.stream().filter("busy"::equals).count()).isEqualTo(1);
      assertThat(types.stream().filter("idle"::equals).count()).isEqualTo(1);
      assertThat(types.stream().filter("execute_input"::equals).count()).isEqualTo(1);
      assertThat(types.get(0)).isEqualTo("busy");
      assertThat(types.get(types.size() - 1)).isEqualTo("idle");
    }
  }

  private static void awaitObserverSubscribed(KernelConnection observer) {
    // The kernel greets each new IOPub subscriber with iopub_welcome before anything else.
    Optional<Message> first = observer.receive(Channel.IOPUB, Duration.ofSeconds(60));
    assertThat(first).as("observer's first IOPub message").isPresent();
  }

  /** Sends kernel_info on control every 100 ms while the load runs; returns the round trips. */
  private static List<Duration> pollControl(KindlingClient client, AtomicBoolean running)
      throws Exception {
    List<Duration> latencies = new CopyOnWriteArrayList<>();
    while (running.get()) {
      long sentAt = System.nanoTime();
      client
          .kernelInfo(Channel.CONTROL)
          .get(CONTROL_DEADLINE.toMillis() * 2, TimeUnit.MILLISECONDS);
      latencies.add(Duration.ofNanos(System.nanoTime() - sentAt));
      TimeUnit.MILLISECONDS.sleep(100); // pacing only, not synchronisation
    }
    return latencies;
  }
}
