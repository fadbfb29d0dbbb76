package io.s3wire.observe;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test SLF4J binding that keeps, while {@link #capture} runs, every line logged at any level
 * (s3wire's and Netty's) with its throwable's messages; otherwise every level is off, so the
 * server suite stays quiet and pays nothing.
 */
public final class CapturingLogProvider implements SLF4JServiceProvider {
  private static final List<String> LINES = new ArrayList<>();
  private static volatile boolean capturing;

  /** Runs {@code body} and returns what was logged meanwhile, one entry per line. */
  public static synchronized List<String> capture(ThrowingRunnable body) throws Exception {
    synchronized (LINES) {
      LINES.clear();
    }
    capturing = true;
    try {
      body.run();
    } finally {
      capturing = false;
    }
    synchronized (LINES) {
      return List.copyOf(LINES);
    }
  }

  /** A block that may throw. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  private final ILoggerFactory loggers = CapturingLogger::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class CapturingLogger extends LegacyAbstractLogger {
    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
      StringBuilder line = new StringBuilder(level + " " + name + " " + MessageFormatter.basicArrayFormat(pattern, args));
      for (Throwable c = t; c != null; c = c.getCause()) {
        line.append(" | ").append(c);
      }
      synchronized (LINES) {
        LINES.add(line.toString());
      }
    }

    @Override public boolean isTraceEnabled() { return capturing; }
    @Override public boolean isDebugEnabled() { return capturing; }
    @Override public boolean isInfoEnabled() { return capturing; }
    @Override public boolean isWarnEnabled() { return capturing; }
    @Override public boolean isErrorEnabled() { return capturing; }
  }
}
