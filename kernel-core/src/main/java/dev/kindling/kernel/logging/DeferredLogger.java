package dev.kindling.kernel.logging;

import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A logger handed out before logging started: it gives its messages to its factory to keep, and
 * once handed over, passes everything to its delegate. Every level counts as enabled until then,
 * because the configuration is not read yet; the delegate filters the kept messages when they are
 * written.
 */
final class DeferredLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  /** The class whose caller log4j reports as the location: where the logging methods are. */
  private static final String CALLER_BOUNDARY = AbstractLogger.class.getName();

  private final transient DeferredLoggerFactory factory;
  private transient volatile Logger delegate;

  DeferredLogger(String name, DeferredLoggerFactory factory) {
    this.name = name;
    this.factory = factory;
  }

  void delegateTo(Logger logger) {
    delegate = logger;
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Logger::isTraceEnabled);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Logger::isDebugEnabled);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Logger::isInfoEnabled);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Logger::isWarnEnabled);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Logger::isErrorEnabled);
  }

  private boolean enabled(Predicate<Logger> level) {
    Logger to = delegate;
    return to == null || level.test(to);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return CALLER_BOUNDARY;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    if (delegate == null && factory.keep(this, level, marker, pattern, arguments, throwable)) {
      return;
    }
    write(delegate, level, marker, pattern, arguments, throwable);
  }

  /** Logs one message through {@code to}, which filters it by its level. */
  static void write(
      Logger to,
      Level level,
      Marker marker,
      String pattern,
      Object[] arguments,
      Throwable throwable) {
    if (to instanceof LocationAwareLogger located) {
      located.log(marker, CALLER_BOUNDARY, level.toInt(), pattern, arguments, throwable);
      return;
    }
    if (!to.isEnabledForLevel(level)) {
      return;
    }
    LoggingEventBuilder event = to.makeLoggingEventBuilder(level).setMessage(pattern);
    if (marker != null) {
      event.addMarker(marker);
    }
    if (arguments != null) {
      for (Object argument : arguments) {
        event.addArgument(argument);
      }
    }
    if (throwable != null) {
      event.setCause(throwable);
    }
    event.log();
  }
}
