package io.s3wire;

import java.util.List;

/**
 * Per-key outcome of a batch delete. Every requested key is in exactly one of the two lists.
 */
public record DeleteObjectsResult(List<String> deleted, List<Failure> failures) {
  public DeleteObjectsResult {
    deleted = List.copyOf(deleted);
    failures = List.copyOf(failures);
  }

  /** A key the server did not delete, with its S3 error code and message. */
  public record Failure(String key, String errorCode, String errorMessage) {}

  public boolean allDeleted() {
    return failures.isEmpty();
  }
}
