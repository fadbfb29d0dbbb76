package io.s3wire.cli.commands;

import io.s3wire.error.Attempt;
import io.s3wire.error.S3Exception;
import io.s3wire.error.UploadLeft;
import io.s3wire.wire.Redaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every storage command shares: the global options, the environment, and one way of turning
 * failures into exit codes. A bad argument is a usage error (exit 2); a failed operation prints
 * the one-line explanation on stderr (with {@code -v}, every attempt and its trace tail), exit 1.
 */
abstract class StorageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GlobalOptions global = new GlobalOptions();

  final Map<String, String> env;

  StorageCommand(Map<String, String> env) {
    this.env = env;
  }

  /** Runs the command with a usable session; returns the exit code. */
  abstract int run() throws IOException;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    } catch (S3Exception e) {
      report(err(), e, global.verbose);
      return ExitCodes.FAILED;
    } catch (IOException | UncheckedIOException e) {
      err().println("s3wire: " + Redaction.DEFAULT.text(String.valueOf(e.getMessage())));
      return ExitCodes.FAILED;
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** The settings for a command on these addresses; a usage error when they clash. */
  ClientSettings settings(List<Location> addresses) {
    try {
      return global.settings(env).forAddresses(addresses);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  Session open(ClientSettings settings) {
    return Session.open(settings, env, out(), err());
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints a failure: one line, then with {@code verbose} each attempt and its trace tail. */
  static void report(PrintWriter err, S3Exception e, boolean verbose) {
    err.println("s3wire: " + oneLine(e));
    // A second line only when storage may stay in use: the failure alone does not say so.
    UploadLeft.in(e).ifPresent(left -> err.println("s3wire: " + Redaction.DEFAULT.text(left.getMessage())));
    if (verbose) {
      List<Attempt> attempts = e.attempts();
      for (int i = 0; i < attempts.size(); i++) {
        err.println("  attempt " + (i + 1) + ": " + attempts.get(i).summary());
        for (String line : attempts.get(i).traceTail()) {
          err.println("    " + line);
        }
      }
    }
    err.flush();
  }

  /** The exception's explanation on one line, redacted. */
  static String oneLine(S3Exception e) {
    String text = e.explain();
    if (text == null || text.isBlank()) {
      text = e.getMessage();
    }
    return Redaction.DEFAULT.text(text.replace('\n', ' ').replace('\r', ' '));
  }
}
