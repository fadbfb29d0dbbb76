package io.s3wire.server.crashloop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The file store's directory after it opened, read behind the server's back: what a crash left
 * that the store neither cleaned nor uses — temp files, data files no metadata names, upload
 * directories without their {@code upload.meta}, part data no part metadata names. Each is disk
 * that would never be given back.
 */
final class StoreFiles {
  private StoreFiles() {}

  /** Descriptions of the leftover files under {@code root}; empty when the store is clean. */
  static List<String> leftovers(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
      tmp.forEach(p -> out.add("temp file " + root.relativize(p)));
    }
    try (Stream<Path> buckets = Files.list(root.resolve("buckets"))) {
      for (Path b : (Iterable<Path>) buckets::iterator) {
        unreferenced(root, b.resolve("objects"), out);
        try (Stream<Path> uploads = Files.list(b.resolve("uploads"))) {
          for (Path u : (Iterable<Path>) uploads::iterator) {
            if (!Files.isRegularFile(u.resolve("upload.meta"))) {
              out.add("upload directory without upload.meta " + root.relativize(u) + " " + names(u));
            } else {
              unreferenced(root, u, out);
            }
          }
        }
      }
    }
    return out;
  }

  /** Adds every {@code .data} file in {@code dir} that no {@code .meta} file there names. */
  private static void unreferenced(Path root, Path dir, List<String> out) throws IOException {
    Set<String> named = new HashSet<>();
    List<Path> data = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".meta")) {
          Properties props = new Properties();
          try (InputStream in = Files.newInputStream(p)) {
            props.load(in);
          }
          // "data" in an object's or part's metadata, "v<n>.data" in a key's file of versions.
          props.stringPropertyNames().stream().filter(k -> k.equals("data") || k.endsWith(".data"))
              .forEach(k -> named.add(props.getProperty(k)));
        } else {
          data.add(p);
        }
      }
    }
    for (Path p : data) {
      if (!named.contains(p.getFileName().toString())) {
        out.add("unreferenced " + root.relativize(p));
      }
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
