package dev.kindling.protocol.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailboxTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final SocketWaiter waiter = new SocketWaiter();

  @AfterEach
  void closeWaiter() {
    waiter.close();
  }

  @Test
  void deliversItemsFromOneThreadInOrder() throws Exception {
    try (Mailbox<String> mailbox = new Mailbox<>("fifo", waiter)) {
      Thread poster = start(() -> postRange(mailbox, "", 10_000));

      List<String> received = receive(mailbox, 10_000);

      poster.join();
      assertThat(received).hasSize(10_000);
      for (int i = 0; i < received.size(); i++) {
        assertThat(received.get(i)).isEqualTo(String.valueOf(i));
      }
    }
  }

  @Test
  void deliversEveryItemFromManyThreadsExactlyOnceInEachThreadsOrder() throws Exception {
    try (Mailbox<String> mailbox = new Mailbox<>("many", waiter)) {
      List<Thread> posters = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String prefix = "t" + t + ":";
        posters.add(start(() -> postRange(mailbox, prefix, 10_000)));
      }

      List<String> received = receive(mailbox, 40_000);

      for (Thread poster : posters) {
        poster.join();
      }
      assertThat(received).hasSize(40_000).doesNotHaveDuplicates();
      Map<String, Integer> next = new HashMap<>();
      for (String item : received) {
        String[] parts = item.split(":");
        int expected = next.getOrDefault(parts[0], 0);
        assertThat(Integer.parseInt(parts[1])).as(item).isEqualTo(expected);
        next.put(parts[0], expected + 1);
      }
      assertThat(next)
          .containsOnlyKeys("t0", "t1", "t2", "t3")
          .allSatisfy((k, n) -> assertThat(n).isEqualTo(10_000));
    }
  }

  @Test
  void postingFromAnInterruptedThreadWorksAndLeavesTheMailboxUsable() throws Exception {
    try (Mailbox<String> mailbox = new Mailbox<>("interrupted", waiter)) {
      CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
      Thread poster =
          start(
              () -> {
                Thread.currentThread().interrupt();
                for (int i = 0; i < 100; i++) {
                  mailbox.post("interrupted-" + i);
                }
                stillInterrupted.complete(Thread.currentThread().isInterrupted());
              });

      assertThat(receive(mailbox, 100)).startsWith("interrupted-0").endsWith("interrupted-99");
      poster.join();
      assertThat(stillInterrupted.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

      mailbox.post("after");
      assertThat(receive(mailbox, 1)).containsExactly("after");
    }
  }

  @Test
  void drainReturnsNothingWhenNothingWasPosted() {
    try (Mailbox<String> mailbox = new Mailbox<>("empty", waiter)) {
      assertThat(mailbox.drain()).isEmpty();
    }
  }

  @Test
  void closeIsIdempotentAndLaterPostsAreDropped() {
    Mailbox<String> mailbox = new Mailbox<>("closing", waiter);
    mailbox.post("before");

    mailbox.close();
    mailbox.close();
    mailbox.post("after");

    assertThat(mailbox.drain()).isEmpty();
  }

  private static void postRange(Mailbox<String> mailbox, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      mailbox.post(prefix + i);
    }
  }

  /** Waits in the waiter, as an owner thread does, until {@code count} items have arrived. */
  private <T> List<T> receive(Mailbox<T> mailbox, int count) {
    List<T> received = new ArrayList<>();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (received.size() < count) {
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      assertThat(remaining).as("items still missing: %d", count - received.size()).isPositive();
      waiter.await(remaining);
      received.addAll(mailbox.drain());
    }
    return received;
  }

  private static Thread start(Runnable body) {
    Thread thread = new Thread(body);
    thread.start();
    return thread;
  }
}
