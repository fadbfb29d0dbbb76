package io.s3wire.cli.commands;

import io.s3wire.BucketKey;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a command reads or writes: a local path, standard input/output ({@code -}), or an object
 * address {@code s3://bucket/key} ({@code gs://bucket/key} means the gcs profile).
 */
public sealed interface Location {

  /** A local file or directory. */
  record Local(Path path) implements Location {
    @Override
    public String toString() {
      return path.toString();
    }
  }

  /** Standard input (as a source) or standard output (as a destination). */
  record Std() implements Location {
    @Override
    public String toString() {
      return "-";
    }
  }

  /**
   * An object, or a bucket and key prefix.
   *
   * @param scheme {@code s3} or {@code gs}
   * @param bucket the bucket, never empty
   * @param key the key or prefix, {@code ""} for the whole bucket
   */
  record Remote(String scheme, String bucket, String key) implements Location {
    public boolean gcs() {
      return scheme.equals("gs");
    }

    public boolean isPrefix() {
      return key.isEmpty() || key.endsWith("/");
    }

    public BucketKey object() {
      return BucketKey.of(bucket, key);
    }

    public Remote withKey(String k) {
      return new Remote(scheme, bucket, k);
    }

    @Override
    public String toString() {
      return scheme + "://" + bucket + "/" + key;
    }
  }

  /** Whether {@code text} names an object store ({@code s3://} or {@code gs://}). */
  static boolean isRemote(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.startsWith("s3://") || t.startsWith("gs://");
  }

  /**
   * Parses a command-line address.
   *
   * @throws IllegalArgumentException when an {@code s3://} or {@code gs://} address names no bucket
   */
  static Location parse(String text) {
    if (text.equals("-")) {
      return new Std();
    }
    if (!isRemote(text)) {
      return new Local(Path.of(text));
    }
    String scheme = text.substring(0, 2).toLowerCase(Locale.ROOT);
    String rest = text.substring(5);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' names no bucket: write " + scheme + "://BUCKET/KEY");
    }
    return new Remote(scheme, bucket, key);
  }

  /** Parses an address that must be an object store address. */
  static Remote parseRemote(String text) {
    if (!isRemote(text)) {
      throw new IllegalArgumentException("'" + text + "' is not an s3://BUCKET/KEY or gs://BUCKET/KEY address");
    }
    return (Remote) parse(text);
  }
}
