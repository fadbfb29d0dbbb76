package io.s3wire.server.internal.net;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** The server's log lines: one line per event, never a stack trace for a client's misbehaviour. */
public final class ServerLog {
  private static final Logger LOG = System.getLogger("io.s3wire.server");

  private ServerLog() {}

  /** A client broke a limit or a protocol rule; its connection or stream is being closed. */
  public static void abuse(String who, String what) {
    LOG.log(Level.WARNING, "{0}: {1}", who, what);
  }

  /** A condition of the host the operator must fix (a full disk); one line, no stack trace. */
  public static void warn(String text) {
    LOG.log(Level.WARNING, text);
  }

  public static void info(String text) {
    LOG.log(Level.INFO, text);
  }

  /** A failure inside the server (a bug or a store error): these do get a stack trace. */
  public static void error(String text, Throwable cause) {
    LOG.log(Level.ERROR, text, cause);
  }

  public static void debug(String text) {
    LOG.log(Level.DEBUG, text);
  }
}
