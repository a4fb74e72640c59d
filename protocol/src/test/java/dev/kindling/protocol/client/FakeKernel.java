package dev.kindling.protocol.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.ConnectionInfo;
import dev.kindling.protocol.InvalidMessageException;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import dev.kindling.protocol.WireCodec;
import dev.kindling.protocol.zmq.Mailbox;
import dev.kindling.protocol.zmq.SocketWaiter;
import dev.kindling.protocol.zmq.Sockets;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A tiny kernel for tests, on loopback ports it picks itself. One thread owns its sockets and runs
 * commands the test posts through a {@link Mailbox}.
 *
 * <p>Shell and control requests get {@code status: busy}, a {@code <type>_reply} parented to the
 * request, and {@code status: idle}. Content flags change that: {@code "decoy": true} first sends a
 * reply to someone else's request, {@code "garbage": true} first sends a wrongly signed message,
 * {@code "input": true} asks for input on stdin and replies only once the input arrives (with
 * {@code content.input} = the value). Types starting with {@code ignored_} get no reply. IOPub
 * subscriptions get an {@code iopub_welcome}; the heartbeat is a REP echo.
 */
final class FakeKernel implements AutoCloseable {

  private final ZContext context = new ZContext(1);
  private final MessageFactory messages = new MessageFactory("fake-kernel");
  private final WireCodec codec;
  private final Mailbox<Consumer<FakeKernel>> commands;
  private final Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
  private final SocketWaiter waiter = new SocketWaiter();
  private final ConnectionInfo info;
  private final Thread thread;
  private Message waitingForInput;
  private boolean running = true;

  FakeKernel(String key) {
    Map<Channel, Integer> ports = new EnumMap<>(Channel.class);
    for (Channel channel : List.of(Channel.SHELL, Channel.CONTROL, Channel.STDIN)) {
      sockets.put(channel, Sockets.bindRouter(context, "tcp://127.0.0.1:*"));
    }
    sockets.put(Channel.IOPUB, Sockets.bindXpub(context, "tcp://127.0.0.1:*"));
    sockets.forEach((channel, socket) -> ports.put(channel, port(socket)));
    ZMQ.Socket heartbeat = context.createSocket(SocketType.REP);
    heartbeat.setLinger(0);
    ports.put(Channel.HEARTBEAT, heartbeat.bindToRandomPort("tcp://127.0.0.1"));
    sockets.put(Channel.HEARTBEAT, heartbeat);
    info =
        new ConnectionInfo(
            "tcp",
            "127.0.0.1",
            ports.get(Channel.SHELL),
            ports.get(Channel.IOPUB),
            ports.get(Channel.STDIN),
            ports.get(Channel.CONTROL),
            ports.get(Channel.HEARTBEAT),
            key,
            "hmac-sha256",
            "fake");
    codec = new WireCodec(info.signer());
    commands = new Mailbox<>("fake-kernel", waiter);
    thread = new Thread(this::run, "fake-kernel");
    thread.setDaemon(true);
    thread.start();
  }

  ConnectionInfo info() {
    return info;
  }

  /** Closes the heartbeat socket, as a kernel whose heartbeat died; returns once it is closed. */
  void stopHeartbeat() throws Exception {
    runOnKernelThread(kernel -> kernel.sockets.remove(Channel.HEARTBEAT).close());
  }

  /** Binds a new heartbeat socket on the same port. */
  void restartHeartbeat() throws Exception {
    runOnKernelThread(
        kernel -> {
          ZMQ.Socket heartbeat = context.createSocket(SocketType.REP);
          heartbeat.setLinger(0);
          heartbeat.bind(info.endpoint(Channel.HEARTBEAT));
          kernel.sockets.put(Channel.HEARTBEAT, heartbeat);
        });
  }

  @Override
  public void close() {
    commands.post(kernel -> kernel.running = false);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runOnKernelThread(Consumer<FakeKernel> command) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    commands.post(
        kernel -> {
          command.accept(kernel);
          done.complete(null);
        });
    done.get(10, TimeUnit.SECONDS);
  }

  private void run() {
    try {
      while (running) {
        // Commands may close and replace sockets (the heartbeat): watch the ones there are now.
        for (ZMQ.Socket socket : waiter.sockets()) {
          if (!sockets.containsValue(socket)) {
            waiter.unregister(socket);
          }
        }
        sockets.values().forEach(waiter::register);
        waiter.await(-1);
        for (Channel channel : List.copyOf(sockets.keySet())) {
          List<byte[]> frames;
          while (sockets.containsKey(channel)
              && !(frames = Sockets.receiveFrames(sockets.get(channel), ZMQ.DONTWAIT)).isEmpty()) {
            handle(channel, frames);
          }
        }
        commands.drain().forEach(command -> command.accept(this));
      }
    } finally {
      waiter.close();
      commands.close();
      sockets.values().forEach(ZMQ.Socket::close);
      context.close();
    }
  }

  private void handle(Channel channel, List<byte[]> frames) {
    switch (channel) {
      case HEARTBEAT -> Sockets.sendFrames(sockets.get(channel), frames, 0);
      case IOPUB -> {
        byte[] event = frames.get(0);
        if (Sockets.applySubscription(sockets.get(channel), event) && event[0] == 1) {
          String topic = new String(event, 1, event.length - 1, StandardCharsets.UTF_8);
          publish(null, "iopub_welcome", Json.object().put("subscription", topic));
        }
      }
      default -> {
        try {
          handleRequest(channel, codec.decode(frames));
        } catch (InvalidMessageException e) {
          throw new IllegalStateException("the client sent an invalid message", e);
        }
      }
    }
  }

  private void handleRequest(Channel channel, Message request) {
    if (channel == Channel.STDIN && waitingForInput != null) {
      Message execute = waitingForInput;
      waitingForInput = null;
      reply(
          Channel.SHELL,
          execute,
          Json.object().put("input", request.content().path("value").asText()));
      return;
    }
    if (request.msgType().startsWith("ignored_")) {
      return;
    }
    publish(request, "status", Json.object().put("execution_state", "busy"));
    ObjectNode content = request.content();
    if (content.path("garbage").asBoolean()) {
      List<byte[]> bad = codec.encode(messages.reply(request, "garbage_reply", Json.object()));
      bad.set(request.identities().size() + 1, "0123abcd".getBytes(StandardCharsets.US_ASCII));
      Sockets.sendFrames(sockets.get(channel), bad, 0);
    }
    if (content.path("decoy").asBoolean()) {
      ObjectNode otherParent = messages.header("execute_request").put("msg_id", "someone-else");
      Message decoy =
          new Message(
              request.identities(),
              messages.header("execute_reply"),
              otherParent,
              Json.object(),
              Json.object().put("status", "ok"),
              List.of());
      Sockets.send(sockets.get(channel), codec, decoy);
    }
    if (content.path("input").asBoolean()) {
      waitingForInput = request;
      Message inputRequest =
          messages.reply(request, "input_request", Json.object().put("prompt", "name? "));
      Sockets.send(sockets.get(Channel.STDIN), codec, inputRequest);
      return;
    }
    reply(channel, request, Json.object());
  }

  private void reply(Channel channel, Message request, ObjectNode extra) {
    ObjectNode content = Json.object().put("status", "ok");
    content.setAll(extra);
    String replyType = request.msgType().replaceFirst("_request$", "_reply");
    Sockets.send(sockets.get(channel), codec, messages.reply(request, replyType, content));
    publish(request, "status", Json.object().put("execution_state", "idle"));
  }

  private void publish(Message parent, String msgType, ObjectNode content) {
    Sockets.send(sockets.get(Channel.IOPUB), codec, messages.broadcast(parent, msgType, content));
  }

  private static int port(ZMQ.Socket socket) {
    String endpoint = socket.getLastEndpoint();
    return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
  }
}
