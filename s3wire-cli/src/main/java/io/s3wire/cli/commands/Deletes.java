package io.s3wire.cli.commands;

import io.s3wire.DeleteObjectsResult;
import io.s3wire.ListObjectsRequest;
import io.s3wire.S3Client;
import io.s3wire.error.S3Exception;
import java.util.ArrayList;
import java.util.List;

/** Deleting many keys: batches of up to 1,000 (the client sends one DELETE per key where the profile has no batch delete). */
final class Deletes {
  static final int BATCH = 1000;

  private Deletes() {}

  /** A key that could not be deleted and why. */
  record Failure(String key, String reason) {}

  /** Deletes {@code keys} from {@code bucket}; returns what failed (empty when all went). */
  static List<Failure> delete(S3Client client, String bucket, List<String> keys) {
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += BATCH) {
      List<String> batch = keys.subList(i, Math.min(keys.size(), i + BATCH));
      try {
        DeleteObjectsResult r = client.deleteObjects(bucket, List.copyOf(batch));
        for (DeleteObjectsResult.Failure f : r.failures()) {
          failures.add(new Failure(f.key(), f.errorCode() + ": " + f.errorMessage()));
        }
      } catch (S3Exception e) {
        for (String k : batch) {
          failures.add(new Failure(k, StorageCommand.oneLine(e)));
        }
      }
    }
    return failures;
  }

  /** Every key under {@code prefix} in {@code bucket}. */
  static List<String> keysUnder(S3Client client, String bucket, String prefix) {
    List<String> keys = new ArrayList<>();
    client.listObjects(ListObjectsRequest.of(bucket).withPrefix(prefix)).objects().forEach(o -> keys.add(o.key()));
    return keys;
  }
}
