package io.s3wire.server.crashloop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a key of the versioned bucket may hold: every acknowledged object version by id (oldest
 * first), each of which must stay readable until its deletion is acknowledged, and the current
 * state (a delete marker reads as {@link Blob#ABSENT}).
 */
final class VersionedKey {
  final Map<String, Blob> versions = new LinkedHashMap<>();
  final KeyState current = new KeyState();
  /** The id of the current version if it is an object version the worker knows; else null. */
  private String headId;
  /** A version whose deletion was in flight at the kill: it may be gone or not. */
  String deletionInDoubt;

  int versionCount() {
    return versions.size();
  }

  /** The oldest known version that is not the current one, or null. */
  String oldestDeletable() {
    for (String id : versions.keySet()) {
      if (!id.equals(headId)) {
        return id;
      }
    }
    return null;
  }

  void deleting(String id) {
    deletionInDoubt = id;
  }

  void deleted(String id) {
    versions.remove(id);
    deletionInDoubt = null;
  }

  void put(String id, Blob b) {
    versions.put(id, b);
    headId = id;
    current.acknowledged(b);
  }

  void marked() {
    headId = null;
    current.acknowledged(Blob.ABSENT);
  }
}
