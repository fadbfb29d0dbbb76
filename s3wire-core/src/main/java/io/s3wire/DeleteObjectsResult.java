package io.s3wire;

import java.util.List;

/**
 * Per-key outcome of a batch delete. Every requested key is in exactly one of the two lists.
 *
 * @param deleted the keys deleted (including keys that did not exist, which S3 reports as deleted)
 * @param failures the keys the server refused to delete, with why
 */
public record DeleteObjectsResult(List<String> deleted, List<Failure> failures) {
  /**
   * Copies both lists into unmodifiable ones.
   *
   * @param deleted the keys deleted
   * @param failures the keys not deleted
   */
  public DeleteObjectsResult {
    deleted = List.copyOf(deleted);
    failures = List.copyOf(failures);
  }

  /**
   * A key the server did not delete, with its S3 error code and message.
   *
   * @param key the key
   * @param errorCode the S3 error code, e.g. {@code AccessDenied}
   * @param errorMessage the server's message, possibly empty
   */
  public record Failure(String key, String errorCode, String errorMessage) {}

  /**
   * Whether every key was deleted.
   *
   * @return {@code true} when no key failed
   */
  public boolean allDeleted() {
    return failures.isEmpty();
  }
}
