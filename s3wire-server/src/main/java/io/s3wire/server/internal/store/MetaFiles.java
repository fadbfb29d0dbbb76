package io.s3wire.server.internal.store;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.AclGrant;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.ObjectEncryption;
import io.s3wire.server.StoredObject;
import io.s3wire.server.StoredPart;
import io.s3wire.server.StoredUpload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * FileStore's metadata files as {@link Properties} (which escapes any Unicode text safely).
 *
 * <p>Checksums are three optional fields, {@code checksumAlgorithm}, {@code checksum} and {@code
 * checksumType}. Files from before any checksum was kept have none of them ("no checksum"); files
 * from when only CRC32C was kept have {@code crc32c} (and, for objects, {@code checksumType}),
 * read as a CRC32C checksum. An upload's {@code checksumAlgorithm} and {@code checksumType} have
 * been written since that time, the algorithm then always {@code CRC32C}.
 */
final class MetaFiles {
  private static final String ALGORITHM = "checksumAlgorithm";
  private static final String VALUE = "checksum";
  private static final String TYPE = "checksumType";
  private static final String CRC32C_BEFORE = "crc32c";
  private static final String PART_CHECKSUMS = "partChecksums";

  private MetaFiles() {}

  static Properties writeObject(StoredObject info, String dataName) {
    Properties p = attributes(info.attributes());
    p.setProperty("key", info.key());
    p.setProperty("size", Long.toString(info.size()));
    p.setProperty("etag", info.etag());
    p.setProperty("lastModified", Long.toString(info.lastModified().toEpochMilli()));
    p.setProperty("data", dataName);
    writeChecksum(p, info.checksum());
    setIfPresent(p, "versionId", info.versionId());
    return p;
  }

  static StoredObject readInfo(Properties p) {
    return new StoredObject(p.getProperty("key"), Long.parseLong(p.getProperty("size")), p.getProperty("etag"),
        Instant.ofEpochMilli(Long.parseLong(p.getProperty("lastModified"))), attributes(p), readChecksum(p),
        p.getProperty("versionId"));
  }

  static Properties writeUpload(StoredUpload info) {
    Properties p = attributes(info.attributes());
    p.setProperty("key", info.key());
    p.setProperty("initiated", Long.toString(info.initiated().toEpochMilli()));
    setIfPresent(p, ALGORITHM, info.checksumAlgorithm());
    setIfPresent(p, TYPE, info.checksumType());
    return p;
  }

  static StoredUpload readUpload(Properties p, String uploadId) {
    String algorithm = p.getProperty(ALGORITHM);
    String type = p.getProperty(TYPE);
    return new StoredUpload(p.getProperty("key"), uploadId, Instant.ofEpochMilli(Long.parseLong(p.getProperty("initiated"))),
        attributes(p), algorithm == null ? null : ChecksumAlgorithm.valueOf(algorithm),
        type == null ? null : ChecksumType.valueOf(type));
  }

  static Properties writePart(StoredPart part, String dataName) {
    Properties p = new Properties();
    p.setProperty("partNumber", Integer.toString(part.partNumber()));
    p.setProperty("etag", part.etag());
    p.setProperty("size", Long.toString(part.size()));
    p.setProperty("lastModified", Long.toString(part.lastModified().toEpochMilli()));
    p.setProperty("data", dataName);
    writeChecksum(p, part.checksum());
    return p;
  }

  static StoredPart readPart(Properties p) {
    return new StoredPart(Integer.parseInt(p.getProperty("partNumber")), p.getProperty("etag"),
        Long.parseLong(p.getProperty("size")), Instant.ofEpochMilli(Long.parseLong(p.getProperty("lastModified"))),
        readChecksum(p));
  }

  private static void writeChecksum(Properties p, ObjectChecksum checksum) {
    if (checksum != null) {
      p.setProperty(ALGORITHM, checksum.algorithm().name());
      p.setProperty(VALUE, checksum.value());
      p.setProperty(TYPE, checksum.type().name());
    }
  }

  private static ObjectChecksum readChecksum(Properties p) {
    String value = p.getProperty(VALUE);
    String type = p.getProperty(TYPE);
    if (value != null) {
      return new ObjectChecksum(ChecksumAlgorithm.valueOf(p.getProperty(ALGORITHM)), value, ChecksumType.valueOf(type));
    }
    String crc32c = p.getProperty(CRC32C_BEFORE);
    if (crc32c != null) {
      return new ObjectChecksum(ChecksumAlgorithm.CRC32C, crc32c,
          type == null ? ChecksumType.FULL_OBJECT : ChecksumType.valueOf(type));
    }
    return null;
  }

  private static void setIfPresent(Properties p, String name, Object value) {
    if (value != null) {
      p.setProperty(name, Objects.toString(value));
    }
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

  /**
   * Records the checksums of a completed multipart object's parts as {@code
   * partChecksums=CRC32:base64,CRC32:base64,...} in part order (nothing when it kept none). Like the
   * part sizes they are in the metadata file, so they commit with the object.
   */
  static void writePartChecksums(Properties p, List<ObjectChecksum> checksums) {
    if (!checksums.isEmpty()) {
      p.setProperty(PART_CHECKSUMS, String.join(",",
          checksums.stream().map(c -> c.algorithm().name() + ":" + c.value()).toList()));
    }
  }

  /**
   * The part checksums {@link #writePartChecksums} recorded; empty for files from before it, and
   * when they do not match the recorded part sizes one for one (then the parts are unknown).
   */
  static List<ObjectChecksum> readPartChecksums(Properties p) {
    String v = p.getProperty(PART_CHECKSUMS);
    if (v == null || v.isEmpty() || v.split(",").length != readPartSizes(p).size()) {
      return List.of();
    }
    return java.util.Arrays.stream(v.split(",")).map(entry -> {
      int colon = entry.indexOf(':');
      return new ObjectChecksum(ChecksumAlgorithm.valueOf(entry.substring(0, colon)), entry.substring(colon + 1),
          ChecksumType.FULL_OBJECT);
    }).toList();
  }

  private static Properties attributes(ObjectAttributes a) {
    Properties p = new Properties();
    a.headers().forEach((k, v) -> p.setProperty("h." + k, v));
    a.userMetadata().forEach((k, v) -> p.setProperty("m." + k, v));
    writeTags(p, a.tags());
    writeEncryption(p, a.encryption());
    writeAcl(p, a.acl());
    if (a.owner() != null) {
      p.setProperty("owner", a.owner());
    }
    return p;
  }

  /** Tags as {@code tag.N.key} and {@code tag.N.value}, N from 0 in the tags' order. */
  private static void writeTags(Properties p, Map<String, String> tags) {
    int i = 0;
    for (Map.Entry<String, String> t : tags.entrySet()) {
      p.setProperty("tag." + i + ".key", t.getKey());
      p.setProperty("tag." + i + ".value", t.getValue());
      i++;
    }
  }

  /** ACL grants as {@code acl.N.type}, {@code acl.N.grantee}, {@code acl.N.permission}; none is S3's default. */
  private static void writeAcl(Properties p, List<AclGrant> acl) {
    for (int i = 0; i < acl.size(); i++) {
      p.setProperty("acl." + i + ".type", acl.get(i).granteeType());
      p.setProperty("acl." + i + ".grantee", acl.get(i).grantee());
      p.setProperty("acl." + i + ".permission", acl.get(i).permission());
    }
  }

  private static List<AclGrant> readAcl(Properties p) {
    List<AclGrant> acl = new java.util.ArrayList<>();
    for (int i = 0; p.getProperty("acl." + i + ".type") != null; i++) {
      acl.add(new AclGrant(p.getProperty("acl." + i + ".type"), p.getProperty("acl." + i + ".grantee", ""),
          p.getProperty("acl." + i + ".permission", "")));
    }
    return acl;
  }

  private static Map<String, String> readTags(Properties p) {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    for (int i = 0; p.getProperty("tag." + i + ".key") != null; i++) {
      tags.put(p.getProperty("tag." + i + ".key"), p.getProperty("tag." + i + ".value", ""));
    }
    return tags;
  }

  /**
   * Encryption as {@code sse.*} fields; files from before they were written have none and are read
   * as SSE-S3, which S3 applies to every object. An SSE-C key is kept only as its MD5 and salted HMAC.
   */
  private static void writeEncryption(Properties p, ObjectEncryption e) {
    setIfPresent(p, "sse.serverSide", e.serverSide());
    setIfPresent(p, "sse.kmsKeyId", e.kmsKeyId());
    setIfPresent(p, "sse.kmsContext", e.kmsContext());
    if (e.bucketKeyEnabled()) {
      p.setProperty("sse.bucketKeyEnabled", "true");
    }
    setIfPresent(p, "sse.customerAlgorithm", e.customerAlgorithm());
    setIfPresent(p, "sse.customerKeyMd5", e.customerKeyMd5());
    setIfPresent(p, "sse.customerKeyFingerprint", e.customerKeyFingerprint());
  }

  private static ObjectEncryption readEncryption(Properties p) {
    String serverSide = p.getProperty("sse.serverSide");
    String customer = p.getProperty("sse.customerAlgorithm");
    if (serverSide == null && customer == null) {
      return ObjectEncryption.SSE_S3;
    }
    return new ObjectEncryption(serverSide, p.getProperty("sse.kmsKeyId"), p.getProperty("sse.kmsContext"),
        Boolean.parseBoolean(p.getProperty("sse.bucketKeyEnabled")), customer, p.getProperty("sse.customerKeyMd5"),
        p.getProperty("sse.customerKeyFingerprint"));
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
    return new ObjectAttributes(headers, meta, readTags(p), readEncryption(p), readAcl(p), p.getProperty("owner"));
  }

  /** A part of an open upload as its metadata file describes it: the part, and the name of its data file. */
  record PartRecord(StoredPart info, String dataName) {}

  /** The parts recorded in upload directory {@code dir}, in part-number order. */
  static List<PartRecord> readParts(Path dir) throws IOException {
    List<PartRecord> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".meta") && !name.equals("upload.meta")) {
          Properties props = AtomicFiles.readProperties(p);
          out.add(new PartRecord(readPart(props), props.getProperty("data")));
        }
      }
    }
    out.sort(Comparator.comparingInt(p -> p.info().partNumber()));
    return out;
  }
}
