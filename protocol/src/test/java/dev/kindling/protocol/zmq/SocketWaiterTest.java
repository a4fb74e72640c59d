package dev.kindling.protocol.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class SocketWaiterTest {

  private final ZContext context = new ZContext(1);
  private final SocketWaiter waiter = new SocketWaiter();

  @AfterEach
  void close() {
    waiter.close();
    context.close();
  }

  @Test
  void aMessageEndsTheWait() throws Exception {
    ZMQ.Socket pull = pair("arriving");
    ZMQ.Socket push = pusher("arriving");
    waiter.register(pull);
    CompletableFuture<Void> woken = CompletableFuture.runAsync(() -> waiter.await(-1));
    push.send("hello");
    woken.get(10, TimeUnit.SECONDS);
    assertThat(pull.recvStr(ZMQ.DONTWAIT)).isEqualTo("hello");
  }

  @Test
  void aMessageLeftUnreadEndsTheNextWaitAtOnce() throws Exception {
    // ZMQ_FD signals only once for a burst: the waiter must look at the socket before sleeping.
    ZMQ.Socket pull = pair("burst");
    ZMQ.Socket push = pusher("burst");
    waiter.register(pull);
    push.send("one");
    push.send("two");
    waiter.await(10_000);
    assertThat(pull.recvStr()).isEqualTo("one");
    CompletableFuture.runAsync(() -> waiter.await(-1)).get(10, TimeUnit.SECONDS);
    assertThat(pull.recvStr(ZMQ.DONTWAIT)).isEqualTo("two");
  }

  @Test
  void everyMessageOfAManyThreadedStreamIsSeen() throws Exception {
    ZMQ.Socket pull = pair("stream");
    waiter.register(pull);
    Thread sender =
        new Thread(
            () -> {
              try (ZMQ.Socket push = pusher("stream")) {
                for (int i = 0; i < 5_000; i++) {
                  push.send(String.valueOf(i));
                }
              }
            });
    sender.start();
    List<String> received = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (received.size() < 5_000 && System.nanoTime() < deadline) {
      waiter.await(1_000);
      String message;
      while ((message = pull.recvStr(ZMQ.DONTWAIT)) != null) {
        received.add(message);
      }
    }
    sender.join();
    assertThat(received).hasSize(5_000);
    assertThat(received.get(4_999)).isEqualTo("4999");
  }

  @Test
  void aWakeUpFromAnInterruptedThreadEndsTheWait() throws Exception {
    waiter.register(pair("idle"));
    CompletableFuture<Void> woken = CompletableFuture.runAsync(() -> waiter.await(-1));
    Thread waker =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              waiter.wakeUp();
            });
    waker.start();
    woken.get(10, TimeUnit.SECONDS);
    waker.join();
  }

  @Test
  void aWakeUpBeforeTheWaitEndsItAtOnce() throws Exception {
    waiter.register(pair("early"));
    waiter.wakeUp();
    CompletableFuture.runAsync(() -> waiter.await(-1)).get(10, TimeUnit.SECONDS);
  }

  private ZMQ.Socket pair(String name) {
    ZMQ.Socket pull = context.createSocket(SocketType.PULL);
    pull.bind("inproc://waiter-" + name);
    return pull;
  }

  private ZMQ.Socket pusher(String name) {
    ZMQ.Socket push = context.createSocket(SocketType.PUSH);
    push.connect("inproc://waiter-" + name);
    return push;
  }
}
