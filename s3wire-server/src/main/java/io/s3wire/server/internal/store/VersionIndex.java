package io.s3wire.server.internal.store;

import io.s3wire.server.BucketVersioning;
import io.s3wire.server.StoredObject;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.VersionEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The versions of one bucket's keys, kept next to the store's map of current objects: a key's chain
 * lists its versions and delete markers newest first, and the current map holds the newest one
 * while it is an object (so reads and listings of current objects stay as they were). A key that
 * was only ever written while the bucket had no versioning has no chain: its object is its null
 * version.
 *
 * <p>Changes are planned ({@link #put}, {@link #mark}, {@link #remove}, {@link #replace}), made
 * durable by the store if it is durable, then {@link #apply applied}; callers hold the bucket's
 * lock across the three steps. Reads need no lock.
 *
 * @param <T> the store's entry for an object version (its description plus where its bytes are)
 */
final class VersionIndex<T> {
  /** One version: an object ({@code object} non-null) or a delete marker. */
  record Slot<T>(String versionId, T object, Instant lastModified) {}

  /**
   * A planned change of one key: its versions afterwards, the versions it drops (whose bytes the
   * store frees once the change is durable), and the version it adds, replaces or removes.
   */
  record Change<T>(String key, List<Slot<T>> after, List<Slot<T>> dropped, Slot<T> touched) {}

  private final ConcurrentSkipListMap<String, T> current;
  private final ConcurrentSkipListMap<String, List<Slot<T>>> chains = new ConcurrentSkipListMap<>(KeyOrder.UTF8);
  private final Function<T, StoredObject> info;
  private final BiFunction<T, StoredObject, T> withInfo;
  private volatile BucketVersioning state = BucketVersioning.UNVERSIONED;

  /**
   * @param current the store's map of current objects, which this index keeps up to date
   * @param info an entry's description
   * @param withInfo an entry with another description (same bytes)
   */
  VersionIndex(ConcurrentSkipListMap<String, T> current, Function<T, StoredObject> info,
      BiFunction<T, StoredObject, T> withInfo) {
    this.current = current;
    this.info = info;
    this.withInfo = withInfo;
  }

  /** A fresh version id of {@link VersionEntry#ID_FORM}, as unguessable as a random UUID. */
  static String newVersionId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  BucketVersioning state() {
    return state;
  }

  void state(BucketVersioning state) {
    this.state = state;
  }

  /** Whether the bucket holds no version or delete marker at all. */
  boolean isEmpty() {
    return current.isEmpty() && chains.isEmpty();
  }

  /** Whether {@code key} has a chain (it was written while the bucket had versioning configured). */
  boolean chained(String key) {
    return chains.containsKey(key);
  }

  /** The key's versions, newest first; empty when it has none. */
  List<Slot<T>> versions(String key) {
    List<Slot<T>> chain = chains.get(key);
    if (chain != null) {
      return chain;
    }
    T object = current.get(key);
    return object == null ? List.of() : List.of(slot(VersionEntry.NULL_ID, object));
  }

  /** A slot for {@code object}, whose description carries the version id once the bucket has versioning. */
  private Slot<T> slot(String versionId, T object) {
    StoredObject i = info.apply(object);
    T stored = state == BucketVersioning.UNVERSIONED ? object : withInfo.apply(object, i.withVersionId(versionId));
    return new Slot<>(versionId, stored, i.lastModified());
  }

  /**
   * Adds {@code object} as the key's newest version: with a fresh id while versioning is enabled,
   * else as the null version, replacing the earlier null version.
   */
  Change<T> put(String key, T object) {
    String id = state == BucketVersioning.ENABLED ? newVersionId() : VersionEntry.NULL_ID;
    return prepend(key, slot(id, object));
  }

  /** Adds a delete marker as the key's newest version, with an id as {@link #put} chooses it. */
  Change<T> mark(String key, Instant now) {
    String id = state == BucketVersioning.ENABLED ? newVersionId() : VersionEntry.NULL_ID;
    return prepend(key, new Slot<>(id, null, now));
  }

  private Change<T> prepend(String key, Slot<T> added) {
    List<Slot<T>> after = new ArrayList<>();
    List<Slot<T>> dropped = new ArrayList<>();
    after.add(added);
    for (Slot<T> s : versions(key)) {
      (s.versionId.equals(added.versionId) ? dropped : after).add(s);
    }
    return new Change<>(key, List.copyOf(after), List.copyOf(dropped), added);
  }

  /** Removes version {@code versionId} for good; {@code null} when the key has no such version. */
  Change<T> remove(String key, String versionId) {
    List<Slot<T>> after = new ArrayList<>(versions(key));
    for (int i = 0; i < after.size(); i++) {
      if (after.get(i).versionId.equals(versionId)) {
        Slot<T> gone = after.remove(i);
        return new Change<>(key, List.copyOf(after), List.of(gone), gone);
      }
    }
    return null;
  }

  /** Replaces object version {@code versionId} by {@code changed} (same bytes, other attributes). */
  Change<T> replace(String key, String versionId, Function<T, T> change) {
    List<Slot<T>> after = new ArrayList<>(versions(key));
    for (int i = 0; i < after.size(); i++) {
      Slot<T> s = after.get(i);
      if (s.versionId.equals(versionId)) {
        if (s.object == null) {
          throw markerAddressed(versionId);
        }
        Slot<T> replaced = new Slot<>(versionId, change.apply(s.object), s.lastModified);
        after.set(i, replaced);
        return new Change<>(key, List.copyOf(after), List.of(), replaced);
      }
    }
    throw new S3ErrorException(S3ErrorCode.NO_SUCH_VERSION);
  }

  /**
   * Makes {@code c} the index's state. A key whose chain would be just its null version, written
   * while the bucket had no versioning, keeps no chain.
   */
  void apply(Change<T> c) {
    if (c.after.isEmpty()) {
      chains.remove(c.key);
      current.remove(c.key);
      return;
    }
    Slot<T> latest = c.after.get(0);
    if (state == BucketVersioning.UNVERSIONED) {
      chains.remove(c.key);
    } else {
      chains.put(c.key, c.after);
    }
    if (latest.object == null) {
      current.remove(c.key);
    } else {
      current.put(c.key, latest.object);
    }
  }

  /** Version {@code versionId} of {@code key}; NoSuchVersion when absent. */
  Slot<T> find(String key, String versionId) {
    for (Slot<T> s : versions(key)) {
      if (s.versionId.equals(versionId)) {
        return s;
      }
    }
    throw new S3ErrorException(S3ErrorCode.NO_SUCH_VERSION);
  }

  /** Version {@code versionId} of {@code key} as listings describe it; NoSuchVersion when absent. */
  VersionEntry describe(String key, String versionId) {
    List<Slot<T>> all = versions(key);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).versionId.equals(versionId)) {
        return entry(key, all.get(i), i == 0);
      }
    }
    throw new S3ErrorException(S3ErrorCode.NO_SUCH_VERSION);
  }

  /** Object version {@code versionId} of {@code key}; NoSuchVersion when absent, MethodNotAllowed for a marker. */
  T object(String key, String versionId) {
    Slot<T> s = find(key, versionId);
    if (s.object == null) {
      throw markerAddressed(versionId);
    }
    return s.object;
  }

  /** What S3 answers to a GET, HEAD or change of a delete marker named by its version id. */
  static S3ErrorException markerAddressed(String versionId) {
    return new S3ErrorException(S3ErrorCode.METHOD_NOT_ALLOWED, S3ErrorCode.METHOD_NOT_ALLOWED.message(),
        Map.of("header:x-amz-delete-marker", "true", "header:x-amz-version-id", versionId));
  }

  /**
   * NoSuchKey for a key without current object, telling (as S3 does) when its newest version is a
   * delete marker.
   */
  S3ErrorException noSuchKey(String key) {
    List<Slot<T>> chain = chains.get(key);
    if (chain != null && !chain.isEmpty() && chain.get(0).object == null) {
      return new S3ErrorException(S3ErrorCode.NO_SUCH_KEY, S3ErrorCode.NO_SUCH_KEY.message(),
          Map.of("header:x-amz-delete-marker", "true", "header:x-amz-version-id", chain.get(0).versionId));
    }
    return new S3ErrorException(S3ErrorCode.NO_SUCH_KEY);
  }

  /** The entry S3 lists for version {@code s} of {@code key}. */
  VersionEntry entry(String key, Slot<T> s, boolean latest) {
    return new VersionEntry(key, s.versionId, latest, s.lastModified, s.object == null ? null : info.apply(s.object));
  }

  /** As {@link io.s3wire.server.ObjectStore#listVersions} describes it. */
  Iterator<VersionEntry> list(String prefix, String keyMarker, String versionIdMarker) {
    return new Iterator<>() {
      private String key = keyMarker.isEmpty() || KeyOrder.UTF8.compare(prefix, keyMarker) > 0 ? null : keyMarker;
      private List<VersionEntry> pending = startAfterMarker();
      private int at;

      private List<VersionEntry> startAfterMarker() {
        if (key == null || versionIdMarker.isEmpty()) {
          return List.of();
        }
        List<VersionEntry> rest = new ArrayList<>();
        boolean found = false;
        List<Slot<T>> all = versions(key);
        for (int i = 0; i < all.size(); i++) {
          if (found) {
            rest.add(entry(key, all.get(i), i == 0));
          }
          found |= all.get(i).versionId.equals(versionIdMarker);
        }
        return rest;
      }

      @Override
      public boolean hasNext() {
        while (at == pending.size()) {
          String next = nextKey();
          if (next == null || !next.startsWith(prefix)) {
            return false;
          }
          key = next;
          List<Slot<T>> all = versions(next);
          List<VersionEntry> entries = new ArrayList<>();
          for (int i = 0; i < all.size(); i++) {
            entries.add(entry(next, all.get(i), i == 0));
          }
          pending = entries;
          at = 0;
        }
        return true;
      }

      private String nextKey() {
        String a = key == null ? current.ceilingKey(prefix) : current.higherKey(key);
        String b = key == null ? chains.ceilingKey(prefix) : chains.higherKey(key);
        if (a == null || b == null) {
          return a == null ? b : a;
        }
        return KeyOrder.UTF8.compare(a, b) <= 0 ? a : b;
      }

      @Override
      public VersionEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.get(at++);
      }
    };
  }
}
