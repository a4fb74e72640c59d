package dev.kindling.kernel.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class DeferredLoggerFactoryTest {

  /** What a real factory's loggers wrote: logger, level, thread and the formatted message. */
  private static class Written implements ILoggerFactory {
    final List<String> lines = new ArrayList<>();
    final Level threshold;

    Written(Level threshold) {
      this.threshold = threshold;
    }

    @Override
    public Logger getLogger(String loggerName) {
      return new LegacyAbstractLogger() {
        {
          this.name = loggerName;
        }

        private boolean on(Level level) {
          return level.toInt() >= threshold.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
          return on(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
          return on(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
          return on(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
          return on(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
          return on(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
          return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
          beforeWriting(pattern);
          synchronized (lines) {
            lines.add(
                name
                    + " "
                    + level
                    + " ["
                    + Thread.currentThread().getName()
                    + "] "
                    + MessageFormatter.basicArrayFormat(pattern, arguments)
                    + (throwable == null ? "" : " !" + throwable.getMessage()));
          }
        }
      };
    }

    /** Called as a message is written, before it is recorded. */
    void beforeWriting(String pattern) {}
  }

  @Test
  void keepsMessagesUntilTheHandOverThenWritesThemInOrderWithTheirThreadsAndLevelsFiltered()
      throws InterruptedException {
    DeferredLoggerFactory factory = new DeferredLoggerFactory();
    Logger kernel = factory.getLogger("kernel");
    Logger plugins = factory.getLogger("plugins");
    kernel.info("ready on {}", "127.0.0.1");
    kernel.debug("not written: below the level");
    Thread other =
        new Thread(() -> plugins.warn("plugin {} skipped", "x", new IllegalStateException("why")));
    other.setName("kindling-plugins");
    other.start();
    other.join();
    kernel.error("last");
    Written target = new Written(Level.INFO);

    factory.handOver(target);

    String self = Thread.currentThread().getName();
    assertThat(target.lines)
        .containsExactly(
            "kernel INFO [" + self + "] ready on 127.0.0.1",
            "plugins WARN [kindling-plugins] plugin x skipped !why",
            "kernel ERROR [" + self + "] last");
    assertThat(Thread.currentThread().getName()).isEqualTo(self);
  }

  @Test
  void aKeptMessageCarriesTheTimeItWasLoggedAndItsThread() {
    DeferredLoggerFactory factory = new DeferredLoggerFactory();
    long before = System.currentTimeMillis();
    factory.getLogger("kernel").info("ready on {}", "127.0.0.1");
    long after = System.currentTimeMillis();
    // The hand-over happens on a later millisecond, so its time cannot pass for the message's.
    while (System.currentTimeMillis() <= after) {
      Thread.onSpinWait();
    }
    List<DeferredLoggerFactory.Kept> written = new ArrayList<>();

    factory.handOver(new Written(Level.INFO), (to, message) -> written.add(message));

    assertThat(written).hasSize(1);
    DeferredLoggerFactory.Kept kept = written.get(0);
    assertThat(kept.loggedAtMillis()).isBetween(before, after);
    assertThat(kept.thread()).isEqualTo(Thread.currentThread().getName());
    assertThat(kept.loggerName()).isEqualTo("kernel");
    assertThat(kept.arguments()).containsExactly("127.0.0.1");
  }

  @Test
  void afterTheHandOverLoggersWriteAtOnceAndNewOnesComeFromTheTarget() {
    DeferredLoggerFactory factory = new DeferredLoggerFactory();
    Logger early = factory.getLogger("early");
    Written target = new Written(Level.INFO);
    factory.handOver(target);

    early.info("now {}", 1);
    assertThat(early.isDebugEnabled()).isFalse();
    assertThat(target.lines)
        .containsExactly("early INFO [" + Thread.currentThread().getName() + "] now 1");
    assertThat(factory.getLogger("late")).isNotInstanceOf(DeferredLogger.class);
    assertThat(factory.target()).isSameAs(target);
  }

  @Test
  void beforeTheHandOverEveryLevelIsEnabledSinceNoConfigurationIsReadYet() {
    Logger logger = new DeferredLoggerFactory().getLogger("any");
    assertThat(logger.isTraceEnabled()).isTrue();
    assertThat(logger.isDebugEnabled()).isTrue();
  }

  @Test
  void keepsAtMostItsLimitAndCountsTheRest() {
    DeferredLoggerFactory factory = new DeferredLoggerFactory();
    Logger logger = factory.getLogger("chatty");
    for (int i = 0; i < DeferredLoggerFactory.MOST_KEPT + 5; i++) {
      logger.info("line {}", i);
    }
    Written target = new Written(Level.INFO);
    factory.handOver(target);

    assertThat(target.lines).hasSize(DeferredLoggerFactory.MOST_KEPT + 1);
    assertThat(target.lines.get(DeferredLoggerFactory.MOST_KEPT - 1)).endsWith("line 9999");
    assertThat(target.lines.get(DeferredLoggerFactory.MOST_KEPT))
        .contains(StartupLogging.class.getName() + " WARN")
        .endsWith("5 messages logged while the kernel started were dropped");
  }

  @Test
  void aMessageLoggedDuringTheHandOverComesAfterTheKeptOnes() throws InterruptedException {
    DeferredLoggerFactory factory = new DeferredLoggerFactory();
    Logger logger = factory.getLogger("race");
    logger.info("kept");
    CountDownLatch writingKept = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Written target =
        new Written(Level.INFO) {
          @Override
          void beforeWriting(String pattern) {
            if (pattern.equals("kept")) {
              writingKept.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    Thread handOver = new Thread(() -> factory.handOver(target), "hand-over");
    handOver.start();
    writingKept.await(); // the hand-over is writing the kept message now
    Thread late = new Thread(() -> logger.info("late"), "late");
    late.start();
    // Either the late message waits for the hand-over (right), or it was written at once (wrong,
    // and then it precedes the kept one below).
    awaitState(late, Thread.State.BLOCKED, Thread.State.TERMINATED);
    release.countDown();
    handOver.join();
    late.join();

    String self = Thread.currentThread().getName();
    assertThat(target.lines)
        .containsExactly("race INFO [" + self + "] kept", "race INFO [late] late");
  }

  /** Waits until {@code thread} is in one of {@code states}; nothing can signal that. */
  private static void awaitState(Thread thread, Thread.State... states)
      throws InterruptedException {
    List<Thread.State> wanted = List.of(states);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (!wanted.contains(thread.getState())) {
      assertThat(System.nanoTime())
          .as("thread %s reaching %s", thread, wanted)
          .isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
