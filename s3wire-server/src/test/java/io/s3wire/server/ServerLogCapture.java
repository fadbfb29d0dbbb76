package io.s3wire.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The server's log lines at WARNING and above, as "LEVEL message [exception class]", from {@link
 * #start} to {@link #close}.
 */
final class ServerLogCapture extends Handler implements AutoCloseable {
  /** Held: java.util.logging keeps loggers only weakly, and a collected one would lose the handler. */
  private static final Logger SERVER_LOG = Logger.getLogger("io.s3wire.server");

  private final SimpleFormatter formatter = new SimpleFormatter();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ServerLogCapture() {}

  static ServerLogCapture start() {
    ServerLogCapture c = new ServerLogCapture();
    SERVER_LOG.addHandler(c);
    return c;
  }

  /** The lines captured so far; a live list (tests may clear it). */
  List<String> lines() {
    return lines;
  }

  @Override
  public void publish(LogRecord r) {
    if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
      lines.add(r.getLevel() + " " + formatter.formatMessage(r)
          + (r.getThrown() == null ? "" : " [" + r.getThrown().getClass().getSimpleName() + "]"));
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    SERVER_LOG.removeHandler(this);
  }
}
