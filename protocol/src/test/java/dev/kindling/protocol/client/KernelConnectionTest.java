package dev.kindling.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.protocol.Channel;
import dev.kindling.protocol.ConnectionInfo;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

class KernelConnectionTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeKernel kernel;
  private KernelConnection connection;

  @BeforeEach
  void start() {
    kernel = new FakeKernel("test-key");
    connection = KernelConnection.open(kernel.info());
  }

  @AfterEach
  void stop() {
    connection.close();
    kernel.close();
  }

  @Test
  void requestReturnsTheReplyToItAndLeavesOtherMessagesQueued() {
    Message reply =
        connection.request(
            Channel.SHELL, "execute_request", Json.object().put("decoy", true), WAIT);

    assertThat(reply.msgType()).isEqualTo("execute_reply");
    assertThat(reply.content().path("status").asText()).isEqualTo("ok");
    assertThat(reply.parentHeader().path("session").asText())
        .isEqualTo(connection.messages().session());
    Message decoy = connection.receive(Channel.SHELL, WAIT).orElseThrow();
    assertThat(decoy.parentHeader().path("msg_id").asText()).isEqualTo("someone-else");
    assertThat(connection.receive(Channel.SHELL, Duration.ZERO)).isEmpty();
  }

  @Test
  void sendReturnsTheMessageWhoseIdTheReplyCarries() {
    Message sent = connection.send(Channel.CONTROL, "kernel_info_request", Json.object());

    Message reply = connection.receive(Channel.CONTROL, WAIT).orElseThrow();

    assertThat(reply.msgType()).isEqualTo("kernel_info_reply");
    assertThat(reply.parentHeader()).isEqualTo(sent.header());
  }

  @Test
  void receivesIopubBroadcasts() {
    awaitIopubSubscription();

    Message request = connection.send(Channel.SHELL, "kernel_info_request", Json.object());

    List<String> states = new ArrayList<>();
    while (states.size() < 2) {
      Message message = connection.receive(Channel.IOPUB, WAIT).orElseThrow();
      assertThat(message.msgType()).isEqualTo("status");
      assertThat(message.parentHeader().path("msg_id").asText()).isEqualTo(request.msgId());
      states.add(message.content().path("execution_state").asText());
    }
    assertThat(states).containsExactly("busy", "idle");
  }

  @Test
  void stdinSharesTheShellIdentitySoTheKernelCanAskForInput() {
    // A round trip on stdin first: the kernel can route to the stdin socket only once connected.
    connection.request(Channel.STDIN, "hello_request", Json.object(), WAIT);
    Message execute =
        connection.send(Channel.SHELL, "execute_request", Json.object().put("input", true));

    Message inputRequest = connection.receive(Channel.STDIN, WAIT).orElseThrow();
    assertThat(inputRequest.msgType()).isEqualTo("input_request");
    assertThat(inputRequest.parentHeader().path("msg_id").asText()).isEqualTo(execute.msgId());
    connection.send(
        Channel.STDIN,
        connection
            .messages()
            .reply(inputRequest, "input_reply", Json.object().put("value", "Ada")));

    Message reply = connection.receive(Channel.SHELL, WAIT).orElseThrow();
    assertThat(reply.parentHeader().path("msg_id").asText()).isEqualTo(execute.msgId());
    assertThat(reply.content().path("input").asText()).isEqualTo("Ada");
  }

  @Test
  void dropsWronglySignedMessages() {
    Message reply =
        connection.request(
            Channel.SHELL, "execute_request", Json.object().put("garbage", true), WAIT);

    assertThat(reply.msgType()).isEqualTo("execute_reply");
    assertThat(connection.receive(Channel.SHELL, Duration.ZERO)).isEmpty();
  }

  @Test
  void requestWithoutReplyTimesOut() {
    assertThatThrownBy(
            () ->
                connection.request(
                    Channel.SHELL, "ignored_request", Json.object(), Duration.ofMillis(200)))
        .isInstanceOf(NoReplyException.class)
        .hasMessageContaining("ignored_request")
        .extracting(e -> ((NoReplyException) e).reason())
        .isEqualTo(NoReplyException.Reason.TIMEOUT);
  }

  @Test
  void pingsTheHeartbeat() {
    assertThat(connection.ping(WAIT)).isTrue();
    assertThat(connection.ping(WAIT)).isTrue();
  }

  @Test
  void pingFailsWhenTheHeartbeatIsGoneAndRecoversWhenItIsBack() throws Exception {
    assertThat(connection.ping(WAIT)).isTrue();

    kernel.stopHeartbeat();
    assertThat(connection.ping(Duration.ofMillis(300))).isFalse();
    assertThat(connection.ping(Duration.ofMillis(300))).isFalse();

    kernel.restartHeartbeat();
    assertThat(connection.ping(WAIT)).isTrue();
  }

  @Test
  void worksFromAnInterruptedThread() throws Exception {
    CompletableFuture<Message> reply = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                Thread.currentThread().interrupt();
                Message sent = connection.send(Channel.SHELL, "kernel_info_request", Json.object());
                Optional<Message> received = connection.receive(Channel.SHELL, WAIT);
                assertThat(received).as("receive returns at once when interrupted").isEmpty();
                assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
                reply.complete(
                    connection
                        .receive(Channel.SHELL, WAIT)
                        .filter(m -> m.parentHeader().path("msg_id").asText().equals(sent.msgId()))
                        .orElseThrow());
              } catch (Throwable t) {
                reply.completeExceptionally(t);
              }
            });
    caller.start();

    assertThat(reply.get(WAIT.toSeconds(), TimeUnit.SECONDS).msgType())
        .isEqualTo("kernel_info_reply");
    assertThat(connection.ping(WAIT)).isTrue();
  }

  @Test
  void closeReleasesEverythingAndWakesReaders() throws Exception {
    String session = connection.messages().session();
    CompletableFuture<Optional<Message>> blocked =
        CompletableFuture.supplyAsync(
            () -> connection.receive(Channel.CONTROL, Duration.ofMinutes(1)));

    connection.close();
    connection.close();

    assertThat(blocked.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEmpty();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().endsWith(session) && t.isAlive());
    assertThatThrownBy(() -> connection.send(Channel.SHELL, "kernel_info_request", Json.object()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(connection.ping(Duration.ofMillis(100))).isFalse();

    connection = KernelConnection.open(kernel.info());
    assertThat(
            connection.request(Channel.SHELL, "kernel_info_request", Json.object(), WAIT).msgType())
        .isEqualTo("kernel_info_reply");
    assertThat(connection.ping(WAIT)).isTrue();
  }

  @Test
  void messagesTheSocketHasNoRoomForWaitUntilItHas() throws Exception {
    // No kernel listens yet: the shell socket queues up to its high-water mark (1000 messages),
    // the rest wait in the connection's backlog until the socket has room again.
    int shellPort = freePort();
    ConnectionInfo info =
        new ConnectionInfo(
            "tcp",
            "127.0.0.1",
            shellPort,
            freePort(),
            freePort(),
            freePort(),
            freePort(),
            "test-key",
            "hmac-sha256",
            "late");
    int count = 2_500;
    try (ZContext context = new ZContext(1);
        KernelConnection early = KernelConnection.open(info)) {
      for (int i = 0; i < count; i++) {
        early.send(Channel.SHELL, "execute_request", Json.object().put("n", i));
      }
      ZMQ.Socket shell = context.createSocket(SocketType.ROUTER);
      shell.setReceiveTimeOut((int) WAIT.toMillis());
      shell.bind("tcp://127.0.0.1:" + shellPort);
      for (int i = 0; i < count; i++) {
        assertThat(ZMsg.recvMsg(shell)).as("message %d of %d", i + 1, count).isNotNull();
      }
    }
  }

  @Test
  void stdinCountsAsConnectedOnlyOnceAKernelListensThere() throws Exception {
    assertThat(connection.awaitStdinConnected(WAIT)).isTrue(); // the fake kernel listens
    assertThat(connection.awaitStdinConnected(Duration.ZERO)).isTrue(); // and it is remembered

    int stdinPort = freePort();
    ConnectionInfo info =
        new ConnectionInfo(
            "tcp",
            "127.0.0.1",
            freePort(),
            freePort(),
            stdinPort,
            freePort(),
            freePort(),
            "test-key",
            "hmac-sha256",
            "late");
    try (ZContext context = new ZContext(1);
        KernelConnection early = KernelConnection.open(info)) {
      assertThat(early.awaitStdinConnected(Duration.ofMillis(300))).isFalse();
      ZMQ.Socket stdin = context.createSocket(SocketType.ROUTER);
      stdin.bind("tcp://127.0.0.1:" + stdinPort);
      assertThat(early.awaitStdinConnected(WAIT)).isTrue();
      early.close();
      assertThat(early.awaitStdinConnected(WAIT)).isTrue(); // the answer does not change
    }
    KernelConnection closed = KernelConnection.open(info);
    closed.close();
    assertThat(closed.awaitStdinConnected(WAIT)).isFalse(); // closed: no wait
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void refusesChannelsAClientCannotUse() {
    assertThatThrownBy(() -> connection.send(Channel.IOPUB, "status", Json.object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("iopub");
    assertThatThrownBy(() -> connection.receive(Channel.HEARTBEAT, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("heartbeat");
  }

  /** The kernel welcomes every subscription: once a welcome arrives, IOPub is live. */
  private void awaitIopubSubscription() {
    Message welcome = connection.receive(Channel.IOPUB, WAIT).orElseThrow();
    assertThat(welcome.msgType()).isEqualTo("iopub_welcome");
    assertThat(welcome.content().path("subscription").asText()).isEmpty();
  }
}
