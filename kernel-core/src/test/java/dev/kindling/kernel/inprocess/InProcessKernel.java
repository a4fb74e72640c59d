package dev.kindling.kernel.inprocess;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.CellMagic;
import dev.kindling.api.InterpreterFactory;
import dev.kindling.api.LineMagic;
import dev.kindling.kernel.Kernel;
import dev.kindling.kernel.KernelExtensions;
import dev.kindling.kernel.KernelOptions;
import dev.kindling.kernel.execution.OutputCapture;
import dev.kindling.kernel.iopub.RecordingIopub;
import dev.kindling.kernel.transport.Replies;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.ConnectionInfo;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real {@link Kernel} with fake sockets: requests go straight to the kernel's entry points,
 * replies and IOPub messages are recorded. For fast tests of dispatch, ordering and execution
 * rules.
 */
final class InProcessKernel implements AutoCloseable {

  record Sent(Channel channel, Message message) {}

  final MessageFactory client = new MessageFactory("test-client");
  final MessageFactory kernelMessages = new MessageFactory("kernel");
  final RecordingIopub iopub = new RecordingIopub(kernelMessages);
  final BlockingQueue<Sent> replies = new LinkedBlockingQueue<>();
  final Kernel kernel;
  private final OutputCapture capture;

  InProcessKernel(
      InterpreterFactory interpreter, List<LineMagic> lineMagics, List<CellMagic> cellMagics) {
    Replies recording =
        (channel, message, beforeSend) -> {
          beforeSend.run();
          replies.add(new Sent(channel, message));
          return CompletableFuture.completedFuture(null);
        };
    ConnectionInfo connection =
        new ConnectionInfo("tcp", "127.0.0.1", 1, 2, 3, 4, 5, "", "hmac-sha256", "test");
    KernelOptions options =
        new KernelOptions(connection, Path.of("none"), interpreter.name(), Map.of());
    KernelExtensions extensions =
        new KernelExtensions(
            List.of(interpreter), lineMagics, cellMagics, List.of(), List.of(), List.of("test"));
    kernel = new Kernel(options, kernelMessages, iopub, recording, extensions);
    capture = OutputCapture.install(kernel.scope(), iopub);
    kernel.start();
  }

  /** Sends a request as a client would and returns it. */
  Message send(Channel channel, String msgType, ObjectNode content) {
    return send(channel, msgType, content, "client");
  }

  /** Sends a request as the client with this routing identity would and returns it. */
  Message send(Channel channel, String msgType, ObjectNode content, String identity) {
    Message request =
        client
            .request(msgType, content)
            .withIdentities(List.of(identity.getBytes(StandardCharsets.UTF_8)));
    switch (channel) {
      case SHELL -> kernel.onShellMessage(request);
      case CONTROL -> kernel.onControlMessage(request);
      case STDIN -> kernel.onStdinMessage(request);
      default -> throw new IllegalArgumentException(channel.toString());
    }
    return request;
  }

  Message execute(String code) {
    ObjectNode content = Json.object();
    content.put("code", code);
    return send(Channel.SHELL, "execute_request", content);
  }

  /** The reply to a request. */
  Message awaitReply(Message request) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (true) {
      Sent sent =
          replies.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      if (sent == null) {
        throw new AssertionError("no reply to " + request);
      }
      if (sent.message().parentHeader().path("msg_id").asText().equals(request.msgId())
          && !sent.message().msgType().equals("input_request")) {
        return sent.message();
      }
      replies.add(sent); // someone else's: keep it
    }
  }

  /** Everything published for a request up to and including its idle. */
  List<Message> awaitIdle(Message request) throws InterruptedException {
    return iopub.awaitIdle(request.msgId(), 5000);
  }

  @Override
  public void close() {
    kernel.close();
    capture.uninstall();
  }
}
