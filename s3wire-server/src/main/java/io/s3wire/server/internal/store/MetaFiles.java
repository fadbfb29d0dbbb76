package io.s3wire.server.internal.store;

import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.ObjectInfo;
import io.s3wire.server.PartInfo;
import io.s3wire.server.UploadInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * FileStore's metadata files as {@link Properties} (which escapes any Unicode text safely). Fields
 * added later ({@code crc32c}, {@code checksumType}, {@code checksumAlgorithm}) are optional, so
 * files written before them still read (as "no checksum").
 */
final class MetaFiles {
  private MetaFiles() {}

  static Properties writeObject(ObjectInfo info, String dataName) {
    Properties p = attributes(info.attributes());
    p.setProperty("key", info.key());
    p.setProperty("size", Long.toString(info.size()));
    p.setProperty("etag", info.etag());
    p.setProperty("lastModified", Long.toString(info.lastModified().toEpochMilli()));
    p.setProperty("data", dataName);
    setIfPresent(p, "crc32c", info.checksumCrc32c());
    setIfPresent(p, "checksumType", info.checksumType());
    return p;
  }

  private static void setIfPresent(Properties p, String name, Object value) {
    if (value != null) {
      p.setProperty(name, value.toString());
    }
  }

  private static ChecksumType checksumType(Properties p) {
    String v = p.getProperty("checksumType");
    return v == null ? null : ChecksumType.valueOf(v);
  }

  static Properties writeUpload(UploadInfo info) {
    Properties p = attributes(info.attributes());
    p.setProperty("key", info.key());
    p.setProperty("initiated", Long.toString(info.initiated().toEpochMilli()));
    setIfPresent(p, "checksumAlgorithm", info.checksumAlgorithm());
    setIfPresent(p, "checksumType", info.checksumType());
    return p;
  }

  static UploadInfo readUpload(Properties p, String uploadId) {
    return new UploadInfo(p.getProperty("key"), uploadId, Instant.ofEpochMilli(Long.parseLong(p.getProperty("initiated"))),
        attributes(p), p.getProperty("checksumAlgorithm"), checksumType(p));
  }

  static Properties writePart(PartInfo part, String dataName) {
    Properties p = new Properties();
    p.setProperty("partNumber", Integer.toString(part.partNumber()));
    p.setProperty("etag", part.etag());
    p.setProperty("size", Long.toString(part.size()));
    p.setProperty("lastModified", Long.toString(part.lastModified().toEpochMilli()));
    p.setProperty("data", dataName);
    setIfPresent(p, "crc32c", part.checksumCrc32c());
    return p;
  }

  static PartInfo readPart(Properties p) {
    return new PartInfo(Integer.parseInt(p.getProperty("partNumber")), p.getProperty("etag"),
        Long.parseLong(p.getProperty("size")), Instant.ofEpochMilli(Long.parseLong(p.getProperty("lastModified"))),
        p.getProperty("crc32c"));
  }

  static ObjectInfo readInfo(Properties p) {
    return new ObjectInfo(p.getProperty("key"), Long.parseLong(p.getProperty("size")), p.getProperty("etag"),
        Instant.ofEpochMilli(Long.parseLong(p.getProperty("lastModified"))), attributes(p), p.getProperty("crc32c"),
        p.getProperty("crc32c") == null ? null
            : java.util.Objects.requireNonNullElse(checksumType(p), ChecksumType.FULL_OBJECT));
  }

  /**
   * Records the part sizes of a completed multipart object as {@code parts=n1,n2,...} (nothing for
   * an object stored whole). The metadata file is written whole and renamed into place, so the
   * sizes commit with the object.
   */
  static void writePartSizes(Properties p, List<Long> sizes) {
    if (!sizes.isEmpty()) {
      p.setProperty("parts", String.join(",", sizes.stream().map(String::valueOf).toList()));
    }
  }

  /** The part sizes {@link #writePartSizes} recorded; empty for files from before it, read as stored whole. */
  static List<Long> readPartSizes(Properties p) {
    String v = p.getProperty("parts");
    if (v == null || v.isEmpty()) {
      return List.of();
    }
    return java.util.Arrays.stream(v.split(",")).map(Long::valueOf).toList();
  }

  private static Properties attributes(ObjectAttributes a) {
    Properties p = new Properties();
    a.headers().forEach((k, v) -> p.setProperty("h." + k, v));
    a.userMetadata().forEach((k, v) -> p.setProperty("m." + k, v));
    return p;
  }

  private static ObjectAttributes attributes(Properties p) {
    Map<String, String> headers = new TreeMap<>();
    Map<String, String> meta = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith("h.")) {
        headers.put(name.substring(2), p.getProperty(name));
      } else if (name.startsWith("m.")) {
        meta.put(name.substring(2), p.getProperty(name));
      }
    }
    return new ObjectAttributes(headers, meta);
  }
}
