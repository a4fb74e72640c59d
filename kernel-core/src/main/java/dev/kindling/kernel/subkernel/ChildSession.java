package dev.kindling.kernel.subkernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.ChildKernelException;
import dev.kindling.api.ChildKernelSpec;
import dev.kindling.api.Stdin;
import dev.kindling.kernel.execution.CellScope;
import dev.kindling.kernel.iopub.Iopub;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import dev.kindling.protocol.client.KernelConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running child kernel and the kernel's client connection to it. The child's messages are
 * handled as they arrive, on the connection's I/O thread, by code that never blocks: shell and
 * control replies complete the pending {@link ChildRequest}s, IOPub goes through the {@link
 * IopubRelay} (which queues for the kernel's IOPub publisher), and {@code input_request}s on stdin
 * go to the {@link InputRelay}, which asks the front end on a thread of its own. No reader threads
 * in between: each would add a thread hand-over to every message of every cell.
 */
final class ChildSession implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChildSession.class);

  private final ChildKernelSpec spec;
  private final ChildKernelProcess process;
  private final KernelConnection connection;
  private final Map<String, ChildRequest> pending = new ConcurrentHashMap<>();
  private final InputRelay input;
  private final IopubRelay relay;
  private volatile ObjectNode kernelInfo = Json.object();

  private ChildSession(
      ChildKernelSpec spec,
      ChildKernelProcess process,
      ChildComms comms,
      CellScope scope,
      Iopub iopub,
      MessageFactory messages,
      Stdin stdin) {
    this.spec = spec;
    this.process = process;
    this.relay =
        new IopubRelay(
            spec.name(), id -> Optional.ofNullable(pending.get(id)), comms, scope, iopub, messages);
    this.input = new InputRelay(spec.name(), this::sendInputReply, stdin);
    // Messages may arrive before this constructor returns (IOPub's first status): everything the
    // listener uses is assigned above.
    this.connection = KernelConnection.open(process.connection(), this::received);
  }

  /** Launches the child, waits until it answers on shell and IOPub, and runs the start-up code. */
  static ChildSession start(
      ChildKernelSpec spec,
      ChildComms comms,
      CellScope scope,
      Iopub iopub,
      MessageFactory messages,
      Stdin stdin)
      throws ChildKernelException, InterruptedException {
    ChildKernelProcess process = ChildKernelProcess.launch(spec);
    ChildSession session;
    try {
      session = new ChildSession(spec, process, comms, scope, iopub, messages, stdin);
    } catch (RuntimeException e) {
      process.kill();
      throw new ChildKernelException("cannot connect to " + spec.name() + ": " + e, e);
    }
    try {
      session.handshake();
      if (spec.startupCode().isPresent()) {
        session.runStartupCode(spec.startupCode().get());
      }
      return session;
    } catch (ChildDiedException e) {
      session.kill();
      throw new ChildKernelException(
          spec.name()
              + " exited with code "
              + e.exitCode()
              + " while starting"
              + session.lastOutput());
    } catch (ChildKernelException | InterruptedException | RuntimeException e) {
      session.kill();
      throw e;
    }
  }

  private void sendInputReply(Message request, ObjectNode content) {
    connection.send(Channel.STDIN, connection.messages().reply(request, "input_reply", content));
  }

  /** A message from the child, on the connection's I/O thread: must not block. */
  private void received(Channel channel, Message message) {
    try {
      switch (channel) {
        case SHELL, CONTROL -> onReply(message);
        case IOPUB -> relay.relay(message);
        case STDIN -> input.onMessage(message);
        default -> log.debug("[{}] ignored a message on {}", spec.name(), channel.wireName());
      }
    } catch (RuntimeException e) {
      log.warn("[{}] could not handle {}", spec.name(), message, e);
    }
  }

  private void onReply(Message reply) {
    ChildRequest request = pending.get(reply.parentHeader().path("msg_id").asText(""));
    if (request != null) {
      request.reply().complete(reply);
    }
  }

  /**
   * Waits until the stdin channel is connected (before that, the child's ROUTER socket drops an
   * {@code input_request} addressed to this connection, and the cell would wait forever), then
   * sends {@code kernel_info_request}s until one is answered on shell and its {@code idle} has come
   * through IOPub, so no output of a later request can be missed.
   */
  private void handshake() throws ChildKernelException, InterruptedException {
    long deadline = System.nanoTime() + spec.startTimeout().toNanos();
    while (!connection.awaitStdinConnected(Duration.ofMillis(100))) {
      if (!process.isAlive()) {
        throw new ChildDiedException(process.exit().join(), process.lastOutput());
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      if (System.nanoTime() - deadline >= 0) {
        throw tooSlow("accept a connection on its stdin port");
      }
    }
    while (true) {
      Sent sent =
          send(Channel.SHELL, "kernel_info_request", Json.object(), Optional.empty(), false);
      try {
        Message reply = await(sent.request().reply(), remaining(deadline));
        kernelInfo = reply.content();
        await(
            sent.request().idle(),
            Duration.ofMillis(Math.min(1000, remaining(deadline).toMillis())));
        return;
      } catch (TimeoutException e) {
        if (System.nanoTime() - deadline >= 0) {
          throw tooSlow("answer");
        }
      } finally {
        pending.remove(sent.message().msgId());
      }
    }
  }

  /** The error for a child that did not do {@code what} within its start timeout. */
  private ChildKernelException tooSlow(String what) {
    return new ChildKernelException(
        spec.name()
            + " did not "
            + what
            + " within "
            + spec.startTimeout().toSeconds()
            + " s"
            + lastOutput());
  }

  private void runStartupCode(String code) throws ChildKernelException, InterruptedException {
    ObjectNode content = executeContent(code, true, false, false);
    Sent sent = send(Channel.SHELL, "execute_request", content, Optional.empty(), true);
    try {
      Message reply = await(sent.request().reply(), spec.startTimeout());
      if (!reply.content().path("status").asText("").equals("ok")) {
        throw new ChildKernelException(
            reply.content().path("ename").asText("Error")
                + ": "
                + reply.content().path("evalue").asText(""));
      }
    } catch (TimeoutException e) {
      throw tooSlow("finish its start-up code");
    } finally {
      pending.remove(sent.message().msgId());
    }
  }

  static ObjectNode executeContent(
      String code, boolean silent, boolean storeHistory, boolean allowStdin) {
    ObjectNode content = Json.object();
    content.put("code", code);
    content.put("silent", silent);
    content.put("store_history", storeHistory);
    content.putObject("user_expressions");
    content.put("allow_stdin", allowStdin);
    content.put("stop_on_error", false);
    return content;
  }

  /** A request that has been sent, and its tracking. */
  record Sent(Message message, ChildRequest request) {}

  /** Sends a request to the child, tracked until {@link #forget}. */
  Sent send(
      Channel channel,
      String msgType,
      ObjectNode content,
      Optional<ObjectNode> frontEndParent,
      boolean capturesResult) {
    return send(
        channel, connection.messages().request(msgType, content), frontEndParent, capturesResult);
  }

  /** Sends a message built elsewhere (with metadata and buffers), tracked until {@link #forget}. */
  Sent send(
      Channel channel,
      Message message,
      Optional<ObjectNode> frontEndParent,
      boolean capturesResult) {
    ChildRequest request = new ChildRequest(frontEndParent, capturesResult);
    pending.put(message.msgId(), request);
    connection.send(channel, message);
    return new Sent(message, request);
  }

  /** A message of this child connection's session, for forwarding front-end messages. */
  Message newMessage(
      String msgType, ObjectNode content, ObjectNode metadata, List<byte[]> buffers) {
    MessageFactory factory = connection.messages();
    return new Message(
        List.of(), factory.header(msgType), Json.object(), metadata, content, buffers);
  }

  void forget(Sent sent) {
    pending.remove(sent.message().msgId());
  }

  /**
   * Waits for {@code future}, or for the child to die.
   *
   * @throws ChildDiedException when the child exits first
   * @throws TimeoutException when neither happens in time
   */
  <T> T await(CompletableFuture<T> future, Duration timeout)
      throws InterruptedException, TimeoutException {
    CompletableFuture<Object> either = CompletableFuture.anyOf(future, process.exit());
    try {
      either.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (future.isDone()) {
      return future.join();
    }
    throw new ChildDiedException(process.exit().join(), process.lastOutput());
  }

  /**
   * Sends {@code interrupt_request} on the child's control channel, or SIGINT to the process when
   * the spec asks for signals; does not wait.
   */
  void interrupt() {
    if (process.isAlive()) {
      log.info("Interrupting {} (pid {})", spec.name(), process.pid());
      if (spec.interruptMode() == ChildKernelSpec.InterruptMode.SIGNAL) {
        process.signalInterrupt();
      } else {
        connection.send(Channel.CONTROL, "interrupt_request", Json.object());
      }
    }
  }

  /** Ends a pending input request of the front end, once the child's cell is over. */
  void endInput() {
    input.cancel();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  ObjectNode kernelInfo() {
    return kernelInfo;
  }

  String lastOutput() {
    List<String> lines = process.lastOutput();
    return lines.isEmpty() ? "" : "; its last output:\n" + String.join("\n", lines);
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  /** Asks the child to shut down, then ends the process and the connection. */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        ObjectNode content = Json.object();
        content.put("restart", false);
        connection.send(Channel.CONTROL, "shutdown_request", content);
      } catch (IllegalStateException e) {
        log.debug("shutdown_request not sent: {}", e.toString());
      }
    }
    process.close();
    input.close();
    connection.close();
  }

  /** Ends the child at once. */
  void kill() {
    process.kill();
    input.close();
    connection.close();
  }

  /** The child exited while the kernel waited for it. */
  static final class ChildDiedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final transient List<String> lastOutput;

    ChildDiedException(int exitCode, List<String> lastOutput) {
      super("child kernel exited with code " + exitCode);
      this.exitCode = exitCode;
      this.lastOutput = List.copyOf(lastOutput);
    }

    int exitCode() {
      return exitCode;
    }

    List<String> lastOutput() {
      return lastOutput;
    }
  }
}
