package io.s3wire.cli.commands;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a recursive copy or a sync will do, computed from listings alone (no network): tests assert
 * these plans directly.
 */
final class Plans {
  private Plans() {}

  /**
   * A file or object found under a source or destination base.
   *
   * @param relative the path below the base, {@code /}-separated
   * @param modified last modification, or {@code null} when unknown
   * @param etag the object's ETag, a local file's MD5 in hex when a checksum comparison asked for it, or {@code null}
   */
  record Entry(String relative, long size, Instant modified, String etag) {}

  /** One object or file to copy. */
  record Transfer(Location source, Location target, long size) {}

  /** What sync will copy and delete. */
  record SyncPlan(List<Transfer> copies, List<Location> deletes) {}

  /** How sync decides that a destination is out of date. */
  enum Compare {
    /** Size differs, or the source is newer than the destination (the AWS CLI's rule). */
    SIZE_AND_TIME,
    /** Size differs. */
    SIZE_ONLY,
    /** Content hash differs (MD5 against a single-part ETag; size where no comparable hash exists). */
    CHECKSUM
  }

  /** Every source entry the filters include, mapped below {@code targetBase}. */
  static List<Transfer> copy(List<Entry> sources, Location sourceBase, Location targetBase, Filters filters) {
    List<Transfer> out = new ArrayList<>();
    for (Entry e : sources) {
      if (filters.includes(e.relative())) {
        out.add(new Transfer(below(sourceBase, e.relative()), below(targetBase, e.relative()), e.size()));
      }
    }
    return out;
  }

  /** The copies that bring the destination up to date and, with {@code delete}, the extra destination entries. */
  static SyncPlan sync(List<Entry> sources, Map<String, Entry> targets, Location sourceBase, Location targetBase,
      Filters filters, Compare compare, boolean delete) {
    List<Transfer> copies = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Entry s : sources) {
      if (!filters.includes(s.relative())) {
        continue;
      }
      seen.add(s.relative());
      Entry t = targets.get(s.relative());
      if (t == null || outOfDate(s, t, compare)) {
        copies.add(new Transfer(below(sourceBase, s.relative()), below(targetBase, s.relative()), s.size()));
      }
    }
    List<Location> deletes = new ArrayList<>();
    if (delete) {
      for (Entry t : targets.values()) {
        if (!seen.contains(t.relative()) && filters.includes(t.relative())) {
          deletes.add(below(targetBase, t.relative()));
        }
      }
      deletes.sort(java.util.Comparator.comparing(Location::toString));
    }
    return new SyncPlan(copies, deletes);
  }

  static boolean outOfDate(Entry source, Entry target, Compare compare) {
    if (source.size() != target.size()) {
      return true;
    }
    return switch (compare) {
      case SIZE_ONLY -> false;
      // Whole seconds: S3 keeps Last-Modified to the second, file systems finer; a file written in
      // the same second as its upload must not look newer than the object on the next run.
      case SIZE_AND_TIME -> source.modified() != null && target.modified() != null
          && source.modified().getEpochSecond() > target.modified().getEpochSecond();
      case CHECKSUM -> comparable(source.etag()) && comparable(target.etag())
          && !source.etag().equalsIgnoreCase(target.etag());
    };
  }

  /** A single-part ETag or a local MD5 is a content hash; a multipart ETag ({@code ...-N}) is not. */
  static boolean comparable(String etag) {
    return etag != null && etag.length() == 32 && etag.indexOf('-') < 0;
  }

  /** The base as a directory or key prefix (a key prefix gains a trailing {@code /}). */
  static Location asBase(Location base) {
    if (base instanceof Location.Remote r && !r.key().isEmpty() && !r.key().endsWith("/")) {
      return r.withKey(r.key() + "/");
    }
    return base;
  }

  /** {@code relative} under {@code base}. */
  static Location below(Location base, String relative) {
    if (base instanceof Location.Remote r) {
      return r.withKey(((Location.Remote) asBase(r)).key() + relative);
    }
    if (base instanceof Location.Local l) {
      return new Location.Local(l.path().resolve(relative.replace('/', java.io.File.separatorChar)));
    }
    throw new IllegalArgumentException("'-' cannot be used with --recursive or sync");
  }
}
