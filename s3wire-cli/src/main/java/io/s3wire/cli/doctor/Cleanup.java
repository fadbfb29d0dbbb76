package io.s3wire.cli.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of the test objects the doctor created (and only those: a PUT that failed created
 * nothing, so nothing of it is deleted or counted).
 *
 * @param deleted one line per created object now gone: {@code key: deleted (204)}, or {@code key:
 *     deleted by its row's DELETE (204)} when the matrix itself removed it
 * @param left one line per created object the cleanup could not delete, with the server's answer
 */
public record Cleanup(List<String> deleted, List<String> left) {
  public static final Cleanup NONE = new Cleanup(List.of(), List.of());

  public Cleanup {
    deleted = List.copyOf(deleted);
    left = List.copyOf(left);
  }

  public int created() {
    return deleted.size() + left.size();
  }

  /** Every line, deleted ones first: the JSON document's {@code cleanup} array. */
  public List<String> lines() {
    List<String> all = new ArrayList<>(deleted);
    all.addAll(left);
    return all;
  }

  /**
   * The text output's last line without its timing: {@code cleanup: deleted 14 test object(s) under
   * P/}, {@code cleanup: deleted 12 of 14 test object(s) under P/; left: ...}, or that none was created.
   */
  public String summary(String prefix) {
    if (created() == 0) {
      return "cleanup: no test object was created, so there was none to delete";
    }
    if (left.isEmpty()) {
      return "cleanup: deleted " + deleted.size() + " test object(s) under " + prefix + "/";
    }
    return "cleanup: deleted " + deleted.size() + " of " + created() + " test object(s) under " + prefix + "/; left: "
        + String.join("; ", left);
  }
}
