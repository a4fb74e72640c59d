package dev.kindling.client;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One comm between this client and a kernel-side target: a two-way message channel identified by a
 * comm id. Opened by the client ({@link KindlingClient#openComm}) or by the kernel (delivered to a
 * registered {@link CommTarget}). Thread-safe; handlers run on the client's callback thread, in
 * arrival order, and a handler registered late first gets the messages that already arrived.
 *
 * <h2>RPC convention</h2>
 *
 * {@link #call(Map)} turns a comm into request/response: the client adds a field {@value #RPC_ID}
 * (a string unique on this comm) to the message data, and the kernel-side target must copy that
 * field, unchanged, into the data of its one reply. The returned future completes with the reply's
 * data (without {@value #RPC_ID}); replies may come in any order and are paired by the id. Messages
 * without a pending {@value #RPC_ID} go to the {@link #onMessage} handlers as usual.
 */
public final class Comm {

  /** The data field that pairs an RPC request with its reply. */
  public static final String RPC_ID = "_rpc_id";

  /** What a comm needs from its client to send. */
  interface Sender {
    void send(String msgType, Map<String, Object> content, List<byte[]> buffers);
  }

  private final String id;
  private final String targetName;
  private final Sender sender;
  private final ReplayingEvents events;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong rpcIds = new AtomicLong();
  private final Map<String, CompletableFuture<Map<String, Object>>> calls =
      new ConcurrentHashMap<>();

  /** The data the kernel sent when it closed the comm. */
  private record Closed(Map<String, Object> data) {}

  Comm(String id, String targetName, Sender sender, CallbackThread callbacks) {
    this.id = id;
    this.targetName = targetName;
    this.sender = sender;
    this.events = new ReplayingEvents(callbacks);
  }

  /** The comm id. */
  public String id() {
    return id;
  }

  /** The target the comm was opened for. */
  public String targetName() {
    return targetName;
  }

  /** Whether either side has closed the comm. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Sends a {@code comm_msg} with this data. */
  public void send(Map<String, ?> data) {
    send(data, List.of());
  }

  /** Sends a {@code comm_msg} with this data and binary buffers. */
  public void send(Map<String, ?> data, List<byte[]> buffers) {
    requireOpen();
    sender.send("comm_msg", content(data), buffers);
  }

  /**
   * Sends {@code data} as an RPC request and returns its reply's data (see the class comment for
   * the {@value #RPC_ID} convention). The future fails with {@link ClientClosedException} when the
   * comm or the client closes before the reply.
   */
  public CompletableFuture<Map<String, Object>> call(Map<String, ?> data) {
    requireOpen();
    String rpcId = Long.toString(rpcIds.incrementAndGet());
    Map<String, Object> request = new HashMap<>(data);
    request.put(RPC_ID, rpcId);
    CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
    calls.put(rpcId, reply);
    sender.send("comm_msg", content(request), List.of());
    return reply;
  }

  /** Calls {@code handler} for every message the kernel sends on this comm (RPC replies aside). */
  public Comm onMessage(Consumer<CommMessage> handler) {
    events.subscribe(CommMessage.class, handler);
    return this;
  }

  /** Calls {@code handler} with the close data when the kernel closes this comm. */
  public Comm onClose(Consumer<Map<String, Object>> handler) {
    events.subscribe(Closed.class, closedEvent -> handler.accept(closedEvent.data()));
    return this;
  }

  /** Closes the comm with no data. */
  public void close() {
    close(Map.of());
  }

  /** Sends {@code comm_close} with this data; pending calls fail. Idempotent. */
  public void close(Map<String, ?> data) {
    if (closed.compareAndSet(false, true)) {
      sender.send("comm_close", content(data), List.of());
      failCalls(new ClientClosedException("comm " + id + " was closed"));
    }
  }

  /** A message from the kernel; callback thread only. */
  void received(CommMessage message) {
    Object rpcId = message.data().get(RPC_ID);
    if (rpcId != null) {
      CompletableFuture<Map<String, Object>> call = calls.remove(String.valueOf(rpcId));
      if (call != null) {
        Map<String, Object> data = new HashMap<>(message.data());
        data.remove(RPC_ID);
        call.complete(Collections.unmodifiableMap(data));
        return;
      }
    }
    events.add(message);
  }

  /** The kernel closed the comm; callback thread only. */
  void closedByKernel(Map<String, Object> data) {
    closed.set(true);
    failCalls(new ClientClosedException("the kernel closed comm " + id));
    events.add(new Closed(data));
  }

  /** The client closed; fails pending calls. */
  void abandon(RuntimeException reason) {
    closed.set(true);
    failCalls(reason);
  }

  private void failCalls(RuntimeException reason) {
    calls
        .keySet()
        .forEach(
            key -> {
              CompletableFuture<Map<String, Object>> call = calls.remove(key);
              if (call != null) {
                call.completeExceptionally(reason);
              }
            });
  }

  private Map<String, Object> content(Map<String, ?> data) {
    Map<String, Object> content = new HashMap<>();
    content.put("comm_id", id);
    content.put("data", data == null ? Map.of() : data);
    return content;
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("comm " + id + " (" + targetName + ") is closed");
    }
  }

  @Override
  public String toString() {
    return "Comm[" + id + " " + targetName + "]";
  }
}
