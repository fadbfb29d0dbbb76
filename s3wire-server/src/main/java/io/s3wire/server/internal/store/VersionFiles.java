package io.s3wire.server.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * The metadata file of a key whose versions are kept (the file store's {@code <h>.meta} once the
 * bucket has versioning): every version and delete marker of the key, newest first, in one
 * properties file, so that adding or removing a version is one atomic rename.
 *
 * <pre>
 * key=the key                 versions=n
 * v0.versionId=...            v0.lastModified=epoch millis    v0.marker=true (delete marker)
 * v0.&lt;object property&gt;=...   (an object version: what {@link MetaFiles#writeObject} writes)
 * v1. ...
 * </pre>
 * A metadata file without {@code versions} is an object written while the bucket had no
 * versioning (by this build or an older one).
 */
final class VersionFiles {
  private static final String COUNT = "versions";

  private VersionFiles() {}

  /** Whether {@code p} is a file of versions (else: one object, as unversioned buckets keep it). */
  static boolean isChain(Properties p) {
    return p.getProperty(COUNT) != null;
  }

  static <T> Properties write(String key, List<VersionIndex.Slot<T>> chain, Function<T, Properties> object) {
    Properties p = new Properties();
    p.setProperty("key", key);
    p.setProperty(COUNT, Integer.toString(chain.size()));
    for (int i = 0; i < chain.size(); i++) {
      VersionIndex.Slot<T> s = chain.get(i);
      String prefix = "v" + i + ".";
      if (s.object() == null) {
        p.setProperty(prefix + "marker", "true");
      } else {
        object.apply(s.object()).forEach((k, v) -> p.setProperty(prefix + k, (String) v));
      }
      p.setProperty(prefix + "versionId", s.versionId());
      p.setProperty(prefix + "lastModified", Long.toString(s.lastModified().toEpochMilli()));
    }
    return p;
  }

  static <T> List<VersionIndex.Slot<T>> read(Properties p, Function<Properties, T> object) {
    int n = Integer.parseInt(p.getProperty(COUNT));
    List<VersionIndex.Slot<T>> chain = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String prefix = "v" + i + ".";
      Properties sub = new Properties();
      for (String name : p.stringPropertyNames()) {
        if (name.startsWith(prefix)) {
          sub.setProperty(name.substring(prefix.length()), p.getProperty(name));
        }
      }
      T o = "true".equals(sub.getProperty("marker")) ? null : object.apply(sub);
      chain.add(new VersionIndex.Slot<>(sub.getProperty("versionId"), o,
          Instant.ofEpochMilli(Long.parseLong(sub.getProperty("lastModified")))));
    }
    return chain;
  }

  /**
   * The data files of the versions {@code c} dropped that no version it keeps refers to: a
   * completion retried after its upload outlived the commit (a failed removal) reuses its data name.
   */
  static <T> List<String> unreferenced(VersionIndex.Change<T> c, Function<T, String> dataName) {
    List<String> out = dataNames(c.dropped(), dataName);
    out.removeAll(dataNames(c.after(), dataName));
    return out;
  }

  /** The data files {@code chain} refers to, by name. */
  static <T> List<String> dataNames(List<VersionIndex.Slot<T>> chain, Function<T, String> dataName) {
    List<String> out = new ArrayList<>();
    for (VersionIndex.Slot<T> s : chain) {
      if (s.object() != null) {
        out.add(dataName.apply(s.object()));
      }
    }
    return out;
  }
}
