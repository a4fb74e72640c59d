package dev.kindling.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.protocol.Channel;
import dev.kindling.protocol.ConnectionInfo;
import dev.kindling.protocol.Json;
import dev.kindling.protocol.Message;
import dev.kindling.protocol.MessageFactory;
import dev.kindling.protocol.client.KernelConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one Jupyter kernel (Kindling or any other): execute code and follow its output,
 * complete, inspect, history, kernel info, interrupt and shutdown, answer input requests, watch the
 * heartbeat, and talk to kernel-side comm targets (with {@link Comm#call} as an RPC).
 *
 * <pre>{@code
 * try (KindlingClient client = KindlingClient.connect(Path.of("kernel-1234.json"))) {
 *   ExecuteOutcome outcome = client.execute("1 + 1").await(Duration.ofSeconds(30));
 *   System.out.println(outcome.result().flatMap(Output.ExecuteResult::text).orElse(""));
 * }
 * }</pre>
 *
 * <p>Threads: every method is safe to call from any thread. One I/O thread owns the sockets (it
 * only moves messages); one callback thread sorts what arrives and runs every callback and every
 * future's completion, one at a time, in arrival order. A slow callback delays other callbacks but
 * never the network. Never block in a callback waiting for another reply of the same client; chain
 * on the futures instead. All threads are daemons and end on {@link #close()}.
 *
 * <p>Several clients may share one kernel: each gets its own replies and input requests, every
 * client sees every IOPub message (outputs of other clients' requests are ignored here), and
 * execution counts are the kernel's. See docs/clients.md.
 */
public final class KindlingClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KindlingClient.class);

  /** How long {@link #connect(ConnectionInfo)} waits for the kernel to answer. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);

  private final ConnectionInfo info;
  private final MessageFactory messages;
  private final CallbackThread callbacks;
  private final IncomingRouter router;
  private final KernelConnection connection;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicReference<HeartbeatWatcher> heartbeat = new AtomicReference<>();
  private volatile InputHandler inputHandler;

  private KindlingClient(ConnectionInfo info) {
    this.info = info;
    this.messages = new MessageFactory(System.getProperty("user.name", "kindling"));
    String name = messages.session().substring(0, 8);
    this.callbacks = new CallbackThread("kindling-client-callbacks-" + name);
    this.router = new IncomingRouter(callbacks, this::sendCommMessage, this::answerInput);
    try {
      this.connection =
          KernelConnection.open(
              info,
              messages,
              (channel, message) -> callbacks.execute(() -> router.route(channel, message)));
    } catch (RuntimeException e) {
      callbacks.stop(1000);
      throw e;
    }
  }

  /**
   * Connects to the kernel a connection file describes and waits until it answers (up to {@link
   * #DEFAULT_CONNECT_TIMEOUT}).
   *
   * @throws IOException when the file cannot be read
   * @throws TimeoutException when the kernel does not answer in time
   */
  public static KindlingClient connect(Path connectionFile)
      throws IOException, TimeoutException, InterruptedException {
    return connect(ConnectionInfo.read(connectionFile));
  }

  /** Connects to a kernel and waits until it answers (up to {@link #DEFAULT_CONNECT_TIMEOUT}). */
  public static KindlingClient connect(ConnectionInfo info)
      throws TimeoutException, InterruptedException {
    return connect(info, DEFAULT_CONNECT_TIMEOUT);
  }

  /**
   * Connects to a kernel and waits until it has answered a {@code kernel_info_request}, IOPub is
   * subscribed (so no output of the first execution is missed) and stdin is connected (so the first
   * execution's {@code input_request} reaches the input handler).
   *
   * @throws TimeoutException when that does not happen within {@code timeout}; the client is closed
   *     then
   */
  public static KindlingClient connect(ConnectionInfo info, Duration timeout)
      throws TimeoutException, InterruptedException {
    KindlingClient client = new KindlingClient(Objects.requireNonNull(info, "info"));
    try {
      client.awaitReady(timeout);
      return client;
    } catch (TimeoutException | InterruptedException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Connects to a kernel on {@code host} with these ports and HMAC-SHA256 key (empty for none). */
  public static KindlingClient connect(
      String host,
      int shellPort,
      int iopubPort,
      int stdinPort,
      int controlPort,
      int heartbeatPort,
      String key)
      throws TimeoutException, InterruptedException {
    return connect(
        new ConnectionInfo(
            "tcp",
            host,
            shellPort,
            iopubPort,
            stdinPort,
            controlPort,
            heartbeatPort,
            key,
            "hmac-sha256",
            ""));
  }

  private void awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ReadinessCheck.await(
        this::kernelInfo, router.iopubReady(), deadline, info.endpoint(Channel.SHELL));
    // Until then the kernel's stdin socket drops input_requests for this client.
    if (!connection.awaitStdinConnected(
        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
      throw new TimeoutException("no connection to the stdin port " + info.endpoint(Channel.STDIN));
    }
  }

  /** The connection this client uses. */
  public ConnectionInfo connectionInfo() {
    return info;
  }

  /** This client's session id (also the identity of its sockets). */
  public String session() {
    return messages.session();
  }

  /** Runs code with the default {@link ExecuteOptions}. */
  public Execution execute(String code) {
    return execute(code, ExecuteOptions.defaults());
  }

  /** Runs code with these options; follow it through the returned handle. */
  public Execution execute(String code, ExecuteOptions options) {
    ObjectNode content = RequestContents.execute(code, options);
    Message request = messages.request("execute_request", content);
    Execution execution = new Execution(request.msgId(), code, callbacks);
    router.track(execution);
    send(Channel.SHELL, request);
    return execution;
  }

  /** Asks for completions of {@code code} at {@code cursorPos} (in Unicode code points). */
  public CompletableFuture<CompleteReply> complete(String code, int cursorPos) {
    return request(
        Channel.SHELL,
        "complete_request",
        RequestContents.complete(code, cursorPos),
        CompleteReply::from);
  }

  /** Asks for information about the object at {@code cursorPos}. */
  public CompletableFuture<InspectReply> inspect(String code, int cursorPos, int detailLevel) {
    return request(
        Channel.SHELL,
        "inspect_request",
        RequestContents.inspect(code, cursorPos, detailLevel),
        InspectReply::from);
  }

  /** Asks whether {@code code} is complete or needs more lines. */
  public CompletableFuture<IsCompleteReply> isComplete(String code) {
    return request(
        Channel.SHELL,
        "is_complete_request",
        RequestContents.isComplete(code),
        IsCompleteReply::from);
  }

  /** The last {@code n} history entries (with output when {@code output} is true). */
  public CompletableFuture<HistoryReply> history(int n, boolean output) {
    return request(
        Channel.SHELL,
        "history_request",
        RequestContents.historyTail(n, output),
        HistoryReply::from);
  }

  /**
   * History entries {@code start} (inclusive) to {@code stop} (exclusive) of session {@code
   * session}; {@code 0} is the kernel's current session, negative numbers count back from it.
   */
  public CompletableFuture<HistoryReply> historyRange(
      int session, int start, int stop, boolean output) {
    return request(
        Channel.SHELL,
        "history_request",
        RequestContents.historyRange(session, start, stop, output),
        HistoryReply::from);
  }

  /**
   * History entries whose input matches the glob {@code pattern} ({@code *} and {@code ?}), the
   * last {@code n} of them ({@code 0}: all), each input once when {@code unique} is true.
   */
  public CompletableFuture<HistoryReply> historySearch(
      String pattern, int n, boolean unique, boolean output) {
    return request(
        Channel.SHELL,
        "history_request",
        RequestContents.historySearch(pattern, n, unique, output),
        HistoryReply::from);
  }

  /** Asks for the kernel's info on the shell channel. */
  public CompletableFuture<KernelInfo> kernelInfo() {
    return kernelInfo(Channel.SHELL);
  }

  /**
   * Asks for the kernel's info on {@code channel}: {@link Channel#SHELL}, or {@link
   * Channel#CONTROL} to get an answer also while cells are running or queued.
   */
  public CompletableFuture<KernelInfo> kernelInfo(Channel channel) {
    if (channel != Channel.SHELL && channel != Channel.CONTROL) {
      throw new IllegalArgumentException("kernel_info goes on shell or control, not " + channel);
    }
    return request(channel, "kernel_info_request", Json.object(), KernelInfo::from);
  }

  /** The kernel's open comms, for every target. */
  public CompletableFuture<CommInfo> commInfo() {
    return request(Channel.SHELL, "comm_info_request", Json.object(), CommInfo::from);
  }

  /** The kernel's open comms for one target. */
  public CompletableFuture<CommInfo> commInfo(String targetName) {
    return request(
        Channel.SHELL, "comm_info_request", RequestContents.commInfo(targetName), CommInfo::from);
  }

  /**
   * Interrupts the cell running now (on the control channel), whichever client started it; cells
   * queued behind it are not affected.
   */
  public CompletableFuture<InterruptReply> interrupt() {
    return request(Channel.CONTROL, "interrupt_request", Json.object(), InterruptReply::from);
  }

  /**
   * Asks the kernel to shut down (on the control channel). The kernel exits after replying, for
   * every client; with {@code restart}, whoever manages the process may start it again.
   */
  public CompletableFuture<ShutdownReply> shutdown(boolean restart) {
    return request(
        Channel.CONTROL,
        "shutdown_request",
        RequestContents.shutdown(restart),
        ShutdownReply::from);
  }

  /**
   * Answers the kernel's input requests with {@code handler} (null: answer with an empty line).
   * Only requests caused by this client's executions come here.
   */
  public KindlingClient onInputRequest(InputHandler handler) {
    this.inputHandler = handler;
    return this;
  }

  /** Watches the heartbeat: a ping a second, loss after three unanswered in a row. */
  public KindlingClient watchHeartbeat(HeartbeatListener listener) {
    return watchHeartbeat(Duration.ofSeconds(1), 3, listener);
  }

  /**
   * Watches the heartbeat: one ping every {@code period} (each waits up to {@code period} for its
   * echo), {@link HeartbeatListener#lost()} after {@code missesForLoss} unanswered in a row, {@link
   * HeartbeatListener#recovered()} on the next answer after that. Replaces an earlier watcher.
   */
  public KindlingClient watchHeartbeat(
      Duration period, int missesForLoss, HeartbeatListener listener) {
    requireOpen();
    HeartbeatWatcher watcher =
        new HeartbeatWatcher(
            connection,
            period,
            Math.max(1, missesForLoss),
            Objects.requireNonNull(listener),
            callbacks,
            "kindling-client-heartbeat-" + messages.session().substring(0, 8));
    HeartbeatWatcher previous = heartbeat.getAndSet(watcher);
    if (previous != null) {
      previous.close();
    }
    watcher.start();
    return this;
  }

  /** Opens a comm to the kernel's target {@code targetName}, sending {@code data} with it. */
  public Comm openComm(String targetName, Map<String, ?> data) {
    requireOpen();
    String commId = UUID.randomUUID().toString().replace("-", "");
    Comm comm = router.newComm(commId, targetName);
    send(
        Channel.SHELL,
        messages.request("comm_open", RequestContents.commOpen(commId, targetName, data)));
    return comm;
  }

  /** Opens a comm to {@code targetName} with no data. */
  public Comm openComm(String targetName) {
    return openComm(targetName, Map.of());
  }

  /** Handles comms the kernel opens to {@code targetName}. */
  public KindlingClient registerCommTarget(String targetName, CommTarget target) {
    router.registerTarget(targetName, Objects.requireNonNull(target));
    return this;
  }

  /** Stops handling comms the kernel opens to {@code targetName}. */
  public KindlingClient unregisterCommTarget(String targetName) {
    router.unregisterTarget(targetName);
    return this;
  }

  /**
   * How many replies and input requests arrived here that answer no request of this client: a
   * duplicate, or a message meant for another client. Zero when the kernel routes correctly.
   */
  public long strayMessages() {
    return router.strays();
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Stops the heartbeat watcher, closes the sockets (messages already sent may leave for up to a
   * second), fails every pending future with {@link ClientClosedException}, and ends the client's
   * threads. Does not shut the kernel down. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    HeartbeatWatcher watcher = heartbeat.getAndSet(null);
    if (watcher != null) {
      watcher.close();
    }
    connection.close();
    ClientClosedException reason = new ClientClosedException("the client was closed");
    callbacks.execute(() -> router.abandonAll(reason));
    callbacks.stop(5000);
  }

  private <T> CompletableFuture<T> request(
      Channel channel, String msgType, ObjectNode content, Function<ObjectNode, T> parse) {
    Message request = messages.request(msgType, content);
    CompletableFuture<T> reply = router.expectReply(request.msgId(), msgType, parse);
    send(channel, request);
    return reply;
  }

  private void send(Channel channel, Message message) {
    requireOpen();
    try {
      connection.send(channel, message);
    } catch (IllegalStateException e) {
      router.forget(message.msgId());
      throw new ClientClosedException("the connection is closed: " + e.getMessage());
    }
  }

  private void sendCommMessage(String msgType, Map<String, Object> content, List<byte[]> buffers) {
    Message plain = messages.request(msgType, JsonValues.object(content));
    Message message =
        new Message(
            List.of(),
            plain.header(),
            plain.parentHeader(),
            plain.metadata(),
            plain.content(),
            buffers);
    if (msgType.equals("comm_close")) {
      router.forgetComm(String.valueOf(content.get("comm_id")));
    }
    send(Channel.SHELL, message);
  }

  /** Answers an {@code input_request}; runs on the callback thread. */
  private void answerInput(Message request) {
    if (!request.msgType().equals("input_request")) {
      LOG.debug("ignored {} on stdin", request);
      return;
    }
    String prompt = request.content().path("prompt").asText("");
    boolean password = request.content().path("password").asBoolean(false);
    InputHandler handler = inputHandler;
    String value = "";
    if (handler == null) {
      LOG.warn(
          "the kernel asked for input ('{}') but no input handler is set; answering ''", prompt);
    } else {
      try {
        value = Objects.requireNonNullElse(handler.answer(prompt, password), "");
      } catch (RuntimeException e) {
        LOG.error("the input handler failed; answering ''", e);
      }
    }
    if (!closed.get()) {
      connection.send(
          Channel.STDIN, messages.reply(request, "input_reply", RequestContents.inputReply(value)));
    }
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new ClientClosedException("the client is closed");
    }
  }

  @Override
  public String toString() {
    return "KindlingClient[" + session() + " -> " + info.endpoint(Channel.SHELL) + "]";
  }
}
