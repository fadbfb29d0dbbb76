package io.s3wire.cli.commands;

/** The exit codes of every command (documented in docs/cli.md). */
public final class ExitCodes {
  public static final int OK = 0;
  /** The operation failed; one line on stderr says why. */
  public static final int FAILED = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** Some objects of a recursive operation failed; a summary on stderr lists them. */
  public static final int PARTIAL = 3;

  private ExitCodes() {}
}
