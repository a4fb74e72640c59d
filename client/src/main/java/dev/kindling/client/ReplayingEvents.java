package dev.kindling.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The events of one execution (or comm) and the callbacks registered for them. Every callback sees
 * every matching event exactly once and in order, whenever it was registered: a late callback first
 * gets what already arrived, then the rest as it comes. All delivery happens on the client's {@link
 * CallbackThread}, which keeps a cursor per callback.
 */
final class ReplayingEvents {

  private record Subscriber<T>(Class<T> type, Consumer<? super T> callback, int[] cursor) {

    void deliver(Object event) {
      if (type.isInstance(event)) {
        callback.accept(type.cast(event));
      }
    }
  }

  private final CallbackThread callbacks;
  private final List<Object> events = new ArrayList<>();
  private final List<Subscriber<?>> subscribers = new ArrayList<>();

  ReplayingEvents(CallbackThread callbacks) {
    this.callbacks = callbacks;
  }

  /** Records an event and delivers it to every callback. Call on the callback thread only. */
  void add(Object event) {
    List<Subscriber<?>> current;
    synchronized (this) {
      events.add(event);
      current = List.copyOf(subscribers);
    }
    current.forEach(this::catchUp);
  }

  /**
   * Completed on the callback thread once every callback registered before this call has caught up
   * with the events recorded so far.
   */
  CompletableFuture<Void> caughtUp() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    callbacks.execute(() -> done.complete(null));
    return done;
  }

  /** Whether the calling thread is the callback thread. */
  boolean onCallbackThread() {
    return callbacks.isCurrent();
  }

  /** Registers a callback for events of {@code type}; any thread. */
  <T> void subscribe(Class<T> type, Consumer<? super T> callback) {
    Subscriber<T> subscriber = new Subscriber<>(type, callback, new int[] {0});
    synchronized (this) {
      subscribers.add(subscriber);
    }
    callbacks.execute(() -> catchUp(subscriber));
  }

  /** Delivers the events a callback has not seen yet. Callback thread only. */
  private void catchUp(Subscriber<?> subscriber) {
    while (true) {
      Object event;
      synchronized (this) {
        if (subscriber.cursor()[0] >= events.size()) {
          return;
        }
        event = events.get(subscriber.cursor()[0]++);
      }
      try {
        subscriber.deliver(event);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(ReplayingEvents.class).error("a callback failed", e);
      }
    }
  }
}
