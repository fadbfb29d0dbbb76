package io.s3wire.server;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a key: an object version or a delete marker, as ListObjectVersions reports it.
 *
 * @param key the key the version belongs to
 * @param versionId the version's id, {@code "null"} for the null version
 * @param latest whether it is the key's newest version
 * @param lastModified when it was stored (for a delete marker: when the key was deleted)
 * @param object the object version's description; {@code null} for a delete marker
 */
public record VersionEntry(String key, String versionId, boolean latest, Instant lastModified, StoredObject object) {
  /** The id of the version a bucket without versioning, or with versioning suspended, writes. */
  public static final String NULL_ID = "null";

  /**
   * The form (a regular expression) of every other version id a store gives: 32 lower-case hex
   * digits. The server answers InvalidArgument to a version id of another form.
   */
  public static final String ID_FORM = "[0-9a-f]{32}";

  /**
   * Checks that key, version id and time are given.
   *
   * @param key the key the version belongs to
   * @param versionId the version's id, {@link #NULL_ID} for the null version
   * @param latest whether it is the key's newest version
   * @param lastModified when it was stored
   * @param object the object version's description; {@code null} for a delete marker
   * @throws NullPointerException when key, version id or time is {@code null}
   */
  public VersionEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(lastModified, "lastModified");
  }

  /**
   * Whether this is a delete marker rather than an object version.
   *
   * @return {@code true} for a delete marker
   */
  public boolean deleteMarker() {
    return object == null;
  }
}
