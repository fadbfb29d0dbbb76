package io.s3wire.cli.commands;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte streams {@code -} means: standard input for uploads, standard output for {@code cat} and
 * downloads to {@code -}. picocli's writers carry text; object bytes must not pass through a
 * charset. Tests running the entry point in this JVM swap them with {@link #use}.
 */
public final class StdStreams {
  private static volatile InputStream in = System.in;
  private static volatile OutputStream out = System.out;
  private static volatile boolean terminal = System.console() != null;

  private StdStreams() {}

  /** Replaces the streams (tests); {@link #reset()} restores the process's own. */
  public static void use(InputStream newIn, OutputStream newOut) {
    in = newIn;
    out = newOut;
    terminal = false;
  }

  public static void reset() {
    in = System.in;
    out = System.out;
    terminal = System.console() != null;
  }

  static InputStream in() {
    return in;
  }

  static OutputStream out() {
    return out;
  }

  /** Whether standard error is a terminal worth drawing progress on. */
  static boolean terminal() {
    return terminal;
  }
}
