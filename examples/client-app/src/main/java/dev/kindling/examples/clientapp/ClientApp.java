package dev.kindling.examples.clientapp;

import dev.kindling.client.Comm;
import dev.kindling.client.ExecuteOutcome;
import dev.kindling.client.KernelProcess;
import dev.kindling.client.KindlingClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An application that uses a Kindling kernel as a long-lived compute service: it defines a Scala
 * function once in the kernel, then applies it to many data values through a comm, as RPC calls.
 *
 * <pre>
 * ClientApp --connection-file kernel.json [--values N]
 * ClientApp --launch path/to/bin/kindling [kernel options...] [--values N]
 * </pre>
 *
 * The kernel must run the Scala interpreter (its default, or {@code --default-interpreter scala}).
 * With {@code --launch}, everything after the launcher up to {@code --values} is passed to {@code
 * kindling kernel} (for example {@code --spark-init lazy}); the kernel is stopped at the end.
 */
public final class ClientApp {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private ClientApp() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(Arrays.asList(args), System.out));
  }

  /** Runs the application, printing to {@code out}; returns the exit code. */
  public static int run(List<String> args, PrintStream out) throws Exception {
    Options options = Options.parse(args);
    FunctionDefinition function = FunctionDefinition.sumOfSquares();
    if (options.connectionFile() != null) {
      try (KindlingClient client = KindlingClient.connect(options.connectionFile())) {
        return useKernel(client, function, options.values(), out);
      }
    }
    Path work = Files.createTempDirectory("kindling-client-app");
    List<String> command = new ArrayList<>();
    command.add(options.launcher());
    command.addAll(List.of("kernel", "-f", KernelProcess.CONNECTION_FILE));
    command.addAll(options.kernelArgs());
    try (KernelProcess kernel = KernelProcess.start(command, work);
        KindlingClient client = kernel.connect()) {
      out.println("started a kernel; its log is " + kernel.logFile());
      return useKernel(client, function, options.values(), out);
    }
  }

  private static int useKernel(
      KindlingClient client, FunctionDefinition function, int values, PrintStream out)
      throws Exception {
    out.println(
        "kernel: "
            + client
                .kernelInfo()
                .get(60, TimeUnit.SECONDS)
                .banner()
                .lines()
                .findFirst()
                .orElse(""));
    ExecuteOutcome defined =
        client.execute(function.code()).onStream(s -> out.print(s.text())).await(WAIT);
    if (!defined.status().equals("ok")) {
      out.println("defining the function failed: " + defined.error().orElseThrow());
      return 1;
    }
    Comm comm = client.openComm(function.targetName());
    List<CompletableFuture<Map<String, Object>>> replies = new ArrayList<>();
    for (int x = 1; x <= values; x++) {
      replies.add(comm.call(Map.of("n", x)));
    }
    for (int x = 1; x <= values; x++) {
      Map<String, Object> reply = replies.get(x - 1).get(60, TimeUnit.SECONDS);
      out.println("sumOfSquares(" + x + ") = " + reply.get("result"));
    }
    comm.close();
    return 0;
  }

  /** The command line. */
  private record Options(
      Path connectionFile, String launcher, List<String> kernelArgs, int values) {

    static Options parse(List<String> args) {
      Path connectionFile = null;
      String launcher = null;
      List<String> kernelArgs = new ArrayList<>();
      int values = 10;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--connection-file" -> connectionFile = Path.of(args.get(++i));
          case "--values" -> values = Integer.parseInt(args.get(++i));
          case "--launch" -> {
            launcher = args.get(++i);
            while (i + 1 < args.size() && !args.get(i + 1).equals("--values")) {
              kernelArgs.add(args.get(++i));
            }
          }
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + arg
                      + "; use --connection-file FILE or --launch LAUNCHER ...");
        }
      }
      if ((connectionFile == null) == (launcher == null)) {
        throw new IllegalArgumentException("give exactly one of --connection-file and --launch");
      }
      return new Options(connectionFile, launcher, kernelArgs, values);
    }
  }
}
