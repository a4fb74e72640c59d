package dev.kindling.kernel.logging;

import dev.kindling.kernel.logging.DeferredLoggerFactory.Kept;
import dev.kindling.kernel.logging.DeferredLoggerFactory.KeptWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.slf4j.ILoggerFactory;

/**
 * Writes kept messages straight to log4j's configuration as events that carry the time they were
 * logged and the thread that logged them, so a start-up line in the log file shows when it
 * happened, not when logging started (up to a few hundred milliseconds later). Where log4j's core
 * is not what SLF4J's loggers write to, it writes through SLF4J instead.
 */
final class Log4jKeptWriter implements KeptWriter {

  @Override
  public void write(ILoggerFactory factory, Kept message) {
    if (!(LogManager.getContext(false).getLogger(message.loggerName()) instanceof Logger logger)) {
      KeptWriter.THROUGH_SLF4J.write(factory, message);
      return;
    }
    Level level = Level.getLevel(message.level().name());
    Marker marker =
        message.marker() == null ? null : MarkerManager.getMarker(message.marker().getName());
    if (!logger.isEnabled(level, marker)) {
      return;
    }
    // As SLF4J does, a Throwable after the pattern's last argument is the message's throwable.
    Message text =
        message.throwable() == null
            ? new ParameterizedMessage(message.pattern(), message.arguments())
            : new ParameterizedMessage(message.pattern(), message.arguments(), message.throwable());
    logger
        .get()
        .log(
            Log4jLogEvent.newBuilder()
                .setLoggerName(message.loggerName())
                .setLoggerFqcn(DeferredLogger.class.getName())
                .setLevel(level)
                .setMarker(marker)
                .setMessage(text)
                .setThrown(text.getThrowable())
                .setThreadName(message.thread())
                .setTimeMillis(message.loggedAtMillis())
                .build());
  }
}
