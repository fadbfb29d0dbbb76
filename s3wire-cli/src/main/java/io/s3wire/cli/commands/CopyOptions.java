package io.s3wire.cli.commands;

import io.s3wire.ObjectMetadata;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code cp}, {@code mv} and {@code sync} write with an object, and how a download reads it.
 *
 * @param contentType {@code --content-type}, or {@code null} (the server's default)
 * @param metadata {@code --metadata k=v} pairs (user metadata)
 * @param storageClass {@code --storage-class}, or {@code null}
 * @param features encryption, tags, ACL and the other content headers
 * @param read a download's version and SSE-C key
 */
public record CopyOptions(String contentType, Map<String, String> metadata, String storageClass, WriteFeatures features,
    ReadFeatures read) {
  public CopyOptions {
    metadata = Map.copyOf(metadata);
    features = features == null ? WriteFeatures.NONE : features;
    read = read == null ? ReadFeatures.NONE : read;
  }

  /** Options that read the current version without a key. */
  public CopyOptions(String contentType, Map<String, String> metadata, String storageClass, WriteFeatures features) {
    this(contentType, metadata, storageClass, features, ReadFeatures.NONE);
  }

  /** Options without request features. */
  public CopyOptions(String contentType, Map<String, String> metadata, String storageClass) {
    this(contentType, metadata, storageClass, WriteFeatures.NONE);
  }

  public static final CopyOptions NONE = new CopyOptions(null, Map.of(), null);

  /** Whether anything was given (a server-side copy then replaces the metadata instead of copying it). */
  boolean given() {
    return contentType != null || storageClass != null || !metadata.isEmpty() || features.givesMetadata();
  }

  ObjectMetadata toMetadata() {
    ObjectMetadata m = ObjectMetadata.NONE;
    if (contentType != null) {
      m = m.withContentType(contentType);
    }
    if (storageClass != null) {
      m = m.withStorageClass(storageClass);
    }
    for (Map.Entry<String, String> e : new TreeMap<>(metadata).entrySet()) {
      m = m.withUserMetadata(e.getKey(), e.getValue());
    }
    return features.onto(m);
  }

  /** Parses {@code --metadata k=v} values. */
  static Map<String, String> parseMetadata(java.util.List<String> pairs) {
    return parsePairs("--metadata", pairs);
  }

  /** Parses the {@code NAME=VALUE} values of a repeatable {@code option}. */
  static Map<String, String> parsePairs(String option, java.util.List<String> pairs) {
    Map<String, String> m = new TreeMap<>();
    for (String p : pairs) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(option + " takes NAME=VALUE, not '" + p + "'");
      }
      m.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return m;
  }
}
