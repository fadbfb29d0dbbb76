package io.s3wire;

import io.s3wire.error.ClientException;

/** The one rule for a version id in a request: absent, or a non-blank value without control characters. */
final class VersionIds {
  private VersionIds() {}

  static String check(String versionId) {
    if (versionId == null) {
      return null;
    }
    if (versionId.isBlank() || !versionId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new ClientException("version id", "must be a non-empty printable value without spaces, was '"
          + versionId + "'");
    }
    return versionId;
  }
}
