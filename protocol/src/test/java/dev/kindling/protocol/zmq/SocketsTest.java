package dev.kindling.protocol.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import dev.kindling.protocol.Signer;
import dev.kindling.protocol.WireCodec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

class SocketsTest {

  private static final int RECEIVE_TIMEOUT_MILLIS = 10_000;

  private final ZContext context = new ZContext(1);
  private final WireCodec codec = new WireCodec(new Signer("key", "hmac-sha256"));
  private final MessageFactory messages = new MessageFactory("test");

  @AfterEach
  void closeContext() {
    context.close();
  }

  @Test
  void sendsAndReceivesOneMultipartMessageBetweenDealerAndRouter() throws Exception {
    ZMQ.Socket router = Sockets.bindRouter(context, "inproc://sockets-test");
    ZMQ.Socket dealer =
        Sockets.connectDealer(context, "inproc://sockets-test", Sockets.identity("client-1"));
    router.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
    dealer.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
    Message request =
        new Message(
            List.of(),
            messages.header("comm_msg"),
            Json.object(),
            Json.object(),
            Json.object().put("comm_id", "c"),
            List.of(new byte[] {7, 8}));

    assertThat(Sockets.send(dealer, codec, request)).isTrue();
    Message received = codec.decode(Sockets.receiveFrames(router, 0));

    assertThat(received.identities()).containsExactly("client-1".getBytes(StandardCharsets.UTF_8));
    assertThat(received.header()).isEqualTo(request.header());
    assertThat(received.buffers()).containsExactly(new byte[] {7, 8});

    Sockets.send(router, codec, messages.reply(received, "comm_msg", Json.object()));
    Message reply = codec.decode(Sockets.receiveFrames(dealer, 0));
    assertThat(reply.parentHeader()).isEqualTo(request.header());
    assertThat(reply.identities()).isEmpty();
  }

  @Test
  void receiveWithoutWaitingReturnsNothingWhenNoMessageIsThere() {
    ZMQ.Socket router = Sockets.bindRouter(context, "inproc://sockets-empty");

    assertThat(Sockets.receiveFrames(router, ZMQ.DONTWAIT)).isEmpty();
  }

  @Test
  void configuresSocketsLikeIpykernel() {
    ZMQ.Socket iopub = Sockets.bindXpub(context, "tcp://127.0.0.1:*");
    ZMQ.Socket shell = Sockets.bindRouter(context, "tcp://127.0.0.1:*");
    ZMQ.Socket heartbeat = Sockets.bindHeartbeat(context, "tcp://127.0.0.1:*");

    assertThat(iopub.getSndHWM()).isEqualTo(Sockets.IOPUB_SEND_HWM);
    assertThat(List.of(iopub.getLinger(), shell.getLinger(), heartbeat.getLinger()))
        .containsOnly(Sockets.LINGER_MILLIS);
    assertThat(shell.getLastEndpoint()).startsWith("tcp://127.0.0.1:");
  }

  @Test
  void xpubReportsEverySubscriberEvenWithTheSameTopic() {
    ZMQ.Socket iopub = Sockets.bindXpub(context, "inproc://sockets-xpub");
    iopub.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
    Sockets.connectSub(context, "inproc://sockets-xpub");
    Sockets.connectSub(context, "inproc://sockets-xpub");

    List<byte[]> events = new ArrayList<>();
    events.add(iopub.recv(0));
    events.add(iopub.recv(0));

    assertThat(events).containsExactly(new byte[] {1}, new byte[] {1});
  }

  @Test
  void xpubDeliversNothingToASubscriberUntilItsSubscriptionIsApplied() {
    ZMQ.Socket iopub = Sockets.bindXpub(context, "inproc://sockets-manual");
    iopub.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
    ZMQ.Socket everything = Sockets.connectSub(context, "inproc://sockets-manual");
    everything.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
    byte[] event = iopub.recv(0);

    iopub.send("before".getBytes(StandardCharsets.UTF_8));
    assertThat(Sockets.applySubscription(iopub, event)).isTrue();
    iopub.send("after".getBytes(StandardCharsets.UTF_8));

    assertThat(everything.recvStr()).isEqualTo("after");
  }

  @Test
  void appliedTopicSubscriptionsFilterLikeAutomaticOnes() {
    ZMQ.Socket iopub = Sockets.bindXpub(context, "inproc://sockets-topic");
    iopub.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
    ZMQ.Socket sub = context.createSocket(org.zeromq.SocketType.SUB);
    sub.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
    sub.connect("inproc://sockets-topic");
    sub.subscribe("kernel.".getBytes(StandardCharsets.UTF_8));
    Sockets.applySubscription(iopub, iopub.recv(0));

    iopub.send("other.status".getBytes(StandardCharsets.UTF_8));
    iopub.send("kernel.status".getBytes(StandardCharsets.UTF_8));

    assertThat(sub.recvStr()).isEqualTo("kernel.status");
  }

  @Test
  void onlySubscriptionEventsAreApplied() {
    ZMQ.Socket iopub = Sockets.bindXpub(context, "inproc://sockets-noise");

    assertThat(Sockets.applySubscription(iopub, new byte[0])).isFalse();
    assertThat(Sockets.applySubscription(iopub, new byte[] {7, 'x'})).isFalse();
  }

  @Test
  void bindFailureNamesTheEndpoint() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String endpoint = "tcp://127.0.0.1:" + busy.getLocalPort();

      assertThatThrownBy(() -> Sockets.bindRouter(context, endpoint))
          .isInstanceOf(ZMQException.class)
          .hasMessageContaining(endpoint);
    }
  }

  @Test
  void invalidEndpointsAreReportedByName() {
    assertThatThrownBy(() -> Sockets.connectSub(context, "nonsense://x"))
        .isInstanceOf(ZMQException.class)
        .hasMessageContaining("nonsense://x");
  }
}
