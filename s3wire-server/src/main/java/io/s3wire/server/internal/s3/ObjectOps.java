package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.http.HttpDate;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.ObjectContent;
import io.s3wire.server.StoredObject;
import io.s3wire.server.ObjectParts;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.VersionEntry;
import io.s3wire.server.WriteCondition;
import io.s3wire.server.internal.store.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Single-object operations: PUT, GET (ranges, conditionals), HEAD, DELETE. */
final class ObjectOps {
  static final int MAX_KEY_BYTES = 1024;
  private static final String META = "x-amz-meta-";
  private static final Map<String, String> RESPONSE_OVERRIDES = Map.of(
      "response-content-type", "content-type",
      "response-content-language", "content-language",
      "response-expires", "expires",
      "response-cache-control", "cache-control",
      "response-content-disposition", "content-disposition",
      "response-content-encoding", "content-encoding");

  private ObjectOps() {}

  static void validateKey(String key) {
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new S3ErrorException(S3ErrorCode.KEY_TOO_LONG, S3ErrorCode.KEY_TOO_LONG.message(),
          Map.of("MaxSizeAllowed", Integer.toString(MAX_KEY_BYTES)));
    }
  }

  /** The attributes a PUT, copy with REPLACE or multipart create sets from its headers. */
  static ObjectAttributes attributes(S3Call call) {
    Map<String, String> headers = new TreeMap<>();
    Map<String, String> meta = new TreeMap<>();
    for (Map.Entry<String, String> h : call.requestHeaders()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(META)) {
        meta.merge(name.substring(META.length()), h.getValue(), (a, b) -> a + "," + b);
      } else if (ObjectAttributes.STORED_HEADERS.contains(name)) {
        String v = h.getValue();
        if (name.equals("content-encoding")) {
          // aws-chunked is how the body travelled, not how the object is encoded.
          v = String.join(",", java.util.Arrays.stream(v.split(",")).map(String::trim)
              .filter(s -> !s.equalsIgnoreCase("aws-chunked") && !s.isEmpty()).toList());
          if (v.isEmpty()) {
            continue;
          }
        }
        headers.put(name, v);
      }
    }
    headers.putIfAbsent("content-type", "binary/octet-stream");
    return new ObjectAttributes(headers, meta);
  }

  static void putObject(S3Call call) throws IOException {
    acceptPut(call).run();
  }

  /**
   * What a PUT checks from its head alone, before it reads its body (for a client that waits for
   * {@code 100 Continue}, before that is sent); returns the rest: storing the body and answering.
   */
  static S3Call.Step acceptPut(S3Call call) throws IOException {
    validateKey(call.key);
    call.requireContentLength();
    call.requireBucket();
    WriteCondition condition = Conditionals.forWrite(call);
    Conditionals.precheck(call, condition, call.bucket, call.key);
    ObjectAttributes attributes = attributes(call).withTags(ObjectTaggingOps.fromHeader(call))
        .withEncryption(Encryption.forWrite(call)).withAcl(AclOps.forWrite(call))
        .withOwner(Owners.forWrite(call, call.header(Acl.HEADER)));
    attributes = ObjectLocks.forWrite(call, attributes);
    ChecksumHeaders.Claim claim = ChecksumHeaders.claim(call);
    ObjectLocks.requireIntegrity(call, attributes, claim);
    ChecksumAlgorithm kept = Checksums.forPut(claim);
    Digests.DigestingInputStream body = Checksums.checkedBody(call, claim, kept);
    ObjectAttributes stored = attributes;
    return () -> {
      StoredObject info = call.store().putObject(call.bucket, call.key, stored, kept, body, condition);
      HttpHeaders h = call.responseHeaders();
      h.set("etag", info.etag());
      VersioningOps.describe(h, info);
      Encryption.answer(h, info.attributes().encryption(), true);
      Checksums.answer(h, info.checksum() != null ? info.checksum() : Checksums.claimed(claim, body), true);
      call.respond(200, h);
    };
  }

  /** Headers describing an object in GET and HEAD answers. */
  static void describe(HttpHeaders h, StoredObject info, S3Call call) {
    h.set("etag", info.etag());
    h.set("last-modified", HttpDate.format(info.lastModified()));
    h.set("accept-ranges", "bytes");
    VersioningOps.describe(h, info);
    info.attributes().headers().forEach(h::set);
    info.attributes().userMetadata().forEach((k, v) -> h.set(META + k, v));
    for (Map.Entry<String, String> o : RESPONSE_OVERRIDES.entrySet()) {
      String v = call.query(o.getKey());
      if (v != null) {
        h.set(o.getValue(), v);
      }
    }
  }

  static void getObject(S3Call call) throws IOException {
    read(call, true);
  }

  static void headObject(S3Call call) throws IOException {
    read(call, false);
  }

  private static void read(S3Call call, boolean withBody) throws IOException {
    Integer partNumber = call.query("partNumber") == null ? null : MultipartOps.partNumber(call);
    if (partNumber != null && call.header("range") != null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
          "Cannot specify both Range header and partNumber query parameter");
    }
    String versionId = VersioningOps.versionId(call);
    call.requireBucket();
    ObjectParts parts = partNumber == null ? null : VersioningOps.parts(call.store(), call.bucket, call.key, versionId);
    StoredObject info = parts != null ? parts.info()
        : VersioningOps.head(call.store(), call.bucket, call.key, versionId, false);
    Encryption.checkRead(call, info.attributes().encryption());
    Conditionals.check(call, info, "", true);
    HttpHeaders h = call.responseHeaders();
    ByteRange range = parts == null ? ByteRange.parse(call.header("range"), info.size()) : part(parts, partNumber, h);
    describe(h, info, call);
    Encryption.answer(h, info.attributes().encryption(), false);
    ObjectTaggingOps.describe(h, info.attributes().tags());
    if (parts != null) {
      Checksums.describePart(h, parts, partNumber, call);
    } else {
      // A range's bytes are not the object's: its checksum does not describe them.
      Checksums.describe(h, info, call, range != null);
    }
    int status = 200;
    long offset = 0;
    long length = info.size();
    if (range != null) {
      status = 206;
      offset = range.first();
      length = range.length();
      h.set("content-range", range.contentRange(info.size()));
    }
    if (!withBody) {
      h.set("content-length", length);
      call.respond(status, h);
      return;
    }
    ObjectContent content = VersioningOps.open(call.store(), call.bucket, call.key, versionId, offset, length);
    call.stream(status, h, content);
  }

  /**
   * The bytes of part {@code n} as a range, as S3 serves {@code partNumber}: a part of a multipart
   * object (with {@code x-amz-mp-parts-count}), or for an object stored whole, part 1 being all of
   * it. A part the object does not have is 416 InvalidPartNumber, as S3 answers today (Ceph RGW and
   * ceph/s3-tests test_multipart_get_part still say 400 InvalidPart). {@code null} (the whole, empty,
   * object) only for an empty object.
   */
  private static ByteRange part(ObjectParts parts, int n, HttpHeaders h) {
    List<Long> sizes = parts.partSizes();
    int count = sizes.isEmpty() ? 1 : sizes.size();
    if (n > count) {
      Map<String, String> extra = new java.util.LinkedHashMap<>();
      extra.put("PartNumberRequested", Integer.toString(n));
      extra.put("ActualPartCount", Integer.toString(count));
      throw new S3ErrorException(S3ErrorCode.INVALID_PART_NUMBER, S3ErrorCode.INVALID_PART_NUMBER.message(), extra);
    }
    if (!sizes.isEmpty()) {
      h.set("x-amz-mp-parts-count", count);
    }
    long first = 0;
    for (int i = 0; i < n - 1; i++) {
      first += sizes.get(i);
    }
    long length = sizes.isEmpty() ? parts.info().size() : sizes.get(n - 1);
    if (length == 0 && parts.info().size() > 0) {
      // An empty last part has no byte range a 206 could name; answered like a part the object lacks.
      throw new S3ErrorException(S3ErrorCode.INVALID_PART, "Part " + n + " of this object is empty",
          Map.of("PartNumber", Integer.toString(n)));
    }
    return length == 0 ? null : new ByteRange(first, first + length - 1);
  }

  /**
   * Without {@code versionId}: removes the object, or in a versioned bucket adds a delete marker
   * (answered with {@code x-amz-delete-marker} and its {@code x-amz-version-id}). With it: removes
   * that version for good, answering its id, and {@code x-amz-delete-marker} if it was a marker.
   */
  static void deleteObject(S3Call call) throws IOException {
    String versionId = VersioningOps.versionId(call);
    call.requireBucket();
    ObjectLocks.guard(call).check(call.key, versionId);
    VersionEntry touched = call.store().delete(call.bucket, call.key, versionId);
    HttpHeaders h = call.responseHeaders();
    if (versionId != null) {
      h.set("x-amz-version-id", versionId);
    }
    if (touched != null && touched.deleteMarker()) {
      h.set("x-amz-delete-marker", "true");
      h.set("x-amz-version-id", touched.versionId());
    }
    call.respond(204, h);
  }
}
