package io.s3wire.cli.commands;

import java.util.List;

/** The end of a recursive operation: a summary line, the failures on stderr, and exit code 0 or 3. */
final class Summary {
  private Summary() {}

  /** One object that failed and why. */
  record Failed(String what, String reason, io.s3wire.error.S3Exception cause) {
    Failed(String what, String reason) {
      this(what, reason, null);
    }
  }

  /**
   * Prints the failures and a summary when anything failed.
   *
   * @return {@link ExitCodes#OK} when nothing failed, else {@link ExitCodes#PARTIAL}
   */
  static int finish(Session s, String verb, int total, List<Failed> failures) {
    if (failures.isEmpty()) {
      return ExitCodes.OK;
    }
    for (Failed f : failures) {
      s.err.println("s3wire: " + verb + " failed: " + f.what() + ": " + f.reason());
      if (f.cause() != null && s.settings.verbose()) {
        StorageCommand.report(s.err, f.cause(), true);
      }
    }
    s.err.println("s3wire: " + failures.size() + " of " + total + " failed (" + (total - failures.size()) + " done)");
    if (s.settings.json()) {
      s.out.println(new Json().num("total", total).num("failed", failures.size()).build());
    }
    s.err.flush();
    return ExitCodes.PARTIAL;
  }
}
