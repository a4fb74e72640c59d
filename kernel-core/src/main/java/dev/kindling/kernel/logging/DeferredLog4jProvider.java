package dev.kindling.kernel.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of a kernel process ({@code -Dslf4j.provider}, set by {@link
 * StartupLogging#deferInThisProcess()}): log4j's own provider, except that until logging has
 * started its logger factory keeps messages in memory (see {@link StartupLogging}). Markers and the
 * MDC are log4j's from the start.
 */
public final class DeferredLog4jProvider implements SLF4JServiceProvider {

  private final org.apache.logging.slf4j.SLF4JServiceProvider log4j =
      new org.apache.logging.slf4j.SLF4JServiceProvider();
  private final DeferredLoggerFactory deferred = new DeferredLoggerFactory();

  /** For SLF4J, which instantiates the class named in {@code slf4j.provider}. */
  public DeferredLog4jProvider() {}

  @Override
  public ILoggerFactory getLoggerFactory() {
    ILoggerFactory live = deferred.target();
    return live != null ? live : deferred;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return log4j.getMarkerFactory();
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return log4j.getMDCAdapter();
  }

  @Override
  public String getRequestedApiVersion() {
    return log4j.getRequestedApiVersion();
  }

  /** Creates log4j's factories (which does not start log4j yet) and defers the start. */
  @Override
  public void initialize() {
    log4j.initialize();
    StartupLogging.deferUntilStarted(deferred, log4j::getLoggerFactory);
  }
}
