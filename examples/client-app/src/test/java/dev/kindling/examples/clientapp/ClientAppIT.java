package dev.kindling.examples.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the example application against the packaged distribution's Scala interpreter. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClientAppIT {

  @Test
  void startsAKernelDefinesTheFunctionOnceAndCallsItThroughAComm() throws Exception {
    Path launcher = Path.of(required("kindling.dist.dir")).resolve("bin/kindling");
    assertThat(launcher).as("build the distribution first: ./mvnw -B verify").exists();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int exit;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      exit =
          ClientApp.run(
              List.of(
                  "--launch",
                  launcher.toString(),
                  "--default-interpreter",
                  "scala",
                  "--spark-init",
                  "lazy",
                  "--values",
                  "5"),
              out);
    }

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(output).isZero();
    assertThat(output)
        .contains("kernel: Kindling")
        .contains("sumOfSquares is ready")
        .contains(
            "sumOfSquares(1) = 1\nsumOfSquares(2) = 5\nsumOfSquares(3) = 14\n"
                + "sumOfSquares(4) = 30\nsumOfSquares(5) = 55\n");
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property " + property + " (run through Maven)").isNotNull();
    return value;
  }
}
