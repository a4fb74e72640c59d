package dev.kindling.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shutdown with restart, heartbeat loss and recovery, against real kernel processes. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class KernelLifecycleIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void shutdownWithRestartThenTheSameClientWorksWithTheRestartedKernel() throws Exception {
    try (KernelProcess kernel = TestKernels.start("restart");
        KindlingClient client = kernel.connect()) {
      List<String> heartbeat = new CopyOnWriteArrayList<>();
      CountDownLatch lost = new CountDownLatch(1);
      CountDownLatch recovered = new CountDownLatch(1);
      client.watchHeartbeat(
          Duration.ofMillis(500),
          2,
          new HeartbeatListener() {
            @Override
            public void lost() {
              heartbeat.add("lost");
              lost.countDown();
            }

            @Override
            public void recovered() {
              heartbeat.add("recovered");
              recovered.countDown();
            }
          });
      client.execute("set before restart").await(WAIT);

      ShutdownReply reply = client.shutdown(true).get(30, TimeUnit.SECONDS);

      assertThat(reply.restart()).isTrue();
      assertThat(kernel.waitForExit(WAIT)).as("kernel exits after shutdown_reply").isTrue();
      assertThat(lost.await(30, TimeUnit.SECONDS)).as("heartbeat loss reported").isTrue();

      kernel.restart();

      assertThat(recovered.await(60, TimeUnit.SECONDS)).as("heartbeat recovery").isTrue();
      assertThat(heartbeat).containsExactly("lost", "recovered");
      ExecuteOutcome after = awaitFirstSuccess(client);
      assertThat(after.result().flatMap(Output.ExecuteResult::text))
          .as("a new kernel process: the shared data is gone")
          .contains("null");
    }
  }

  @Test
  void heartbeatLossIsReportedWhenTheKernelProcessIsKilled() throws Exception {
    try (KernelProcess kernel = TestKernels.start("kill");
        KindlingClient client = kernel.connect()) {
      CountDownLatch lost = new CountDownLatch(1);
      client.watchHeartbeat(Duration.ofMillis(500), 2, lost::countDown);
      assertThat(client.kernelInfo().get(30, TimeUnit.SECONDS).implementation())
          .isEqualTo("kindling");
      long killedAt = System.nanoTime();

      kernel.kill();

      assertThat(lost.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(10));
    }
  }

  /**
   * The first execute after a restart can be sent while the shell socket is still reconnecting;
   * ZeroMQ delivers it once connected, so one execute is enough.
   */
  private static ExecuteOutcome awaitFirstSuccess(KindlingClient client) throws Exception {
    client.kernelInfo().get(60, TimeUnit.SECONDS);
    return client.execute("get before").await(WAIT);
  }
}
