package io.s3wire.server.internal.s3;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.ObjectContent;
import io.s3wire.server.ObjectEncryption;
import io.s3wire.server.StoredObject;
import io.s3wire.server.StoredPart;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import io.s3wire.xml.CopyObjectResult;
import io.s3wire.xml.CopyPartResult;
import io.s3wire.xml.S3Xml;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CopyObject (metadata directive COPY or REPLACE) and UploadPartCopy (optionally a source range). */
final class CopyOps {
  private CopyOps() {}

  /** A copy's source: bucket, key and the version named by {@code ?versionId=} ({@code null}: the current one). */
  record Source(String bucket, String key, String versionId) {}

  static Source source(S3Call call) {
    String raw = call.header("x-amz-copy-source");
    int q = raw.indexOf('?');
    String versionId = null;
    if (q >= 0) {
      String query = raw.substring(q + 1);
      if (query.startsWith("versionId=")) {
        versionId = VersioningOps.check(query.substring("versionId=".length()), "x-amz-copy-source");
      }
      raw = raw.substring(0, q);
    }
    String decoded;
    try {
      decoded = RequestTarget.percentDecode(raw, false);
    } catch (IllegalArgumentException e) {
      throw invalidSource();
    }
    if (decoded.startsWith("/")) {
      decoded = decoded.substring(1);
    }
    int slash = decoded.indexOf('/');
    if (slash <= 0 || slash == decoded.length() - 1) {
      throw invalidSource();
    }
    return new Source(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
  }

  private static S3ErrorException invalidSource() {
    return new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
        Map.of("ArgumentName", "x-amz-copy-source"));
  }

  static void copyObject(S3Call call) throws IOException {
    ObjectOps.validateKey(call.key);
    call.requireBucket();
    Source src = source(call);
    if (!call.store().bucketExists(src.bucket)) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_BUCKET);
    }
    StoredObject info = VersioningOps.head(call.store(), src.bucket, src.key, src.versionId, true);
    Encryption.checkCopySource(call, info.attributes().encryption());
    Conditionals.check(call, info, "x-amz-copy-source-", false);
    String directive = call.header("x-amz-metadata-directive");
    boolean replace = directive != null && directive.equalsIgnoreCase("REPLACE");
    if (directive != null && !replace && !directive.equalsIgnoreCase("COPY")) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Unknown metadata directive.",
          Map.of("ArgumentName", "x-amz-metadata-directive", "ArgumentValue", directive));
    }
    ChecksumAlgorithm kept = Checksums.forCopy(call, info);
    boolean newChecksum = call.header(ChecksumHeaders.ALGORITHM) != null;
    Map<String, String> tags = ObjectTaggingOps.forCopy(call, info.attributes().tags());
    // The target is encrypted as the request or the bucket says, whatever the source was.
    ObjectEncryption encryption = Encryption.forWrite(call);
    boolean newEncryption = call.header(Encryption.SSE) != null || call.header(Encryption.CUSTOMER_ALGORITHM) != null;
    // Copying an object onto itself to change its checksum is how S3 tells users to change one.
    if (!replace && !newChecksum && !newEncryption && src.versionId == null && src.bucket.equals(call.bucket)
        && src.key.equals(call.key)) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
          "This copy request is illegal because it is trying to copy an object to itself without changing the"
              + " object's metadata, storage class, website redirect location or encryption attributes.");
    }
    ObjectAttributes attrs = (replace ? ObjectOps.attributes(call) : info.attributes()).withTags(tags)
        .withEncryption(encryption).withAcl(AclOps.forWrite(call))
        .withOwner(Owners.forWrite(call, call.header(Acl.HEADER)));
    attrs = ObjectLocks.forWrite(call, attrs);
    WriteCondition condition = Conditionals.forWrite(call);
    Conditionals.precheck(call, condition, call.bucket, call.key);
    StoredObject copied;
    try (ObjectContent content = VersioningOps.open(call.store(), src.bucket, src.key, src.versionId, 0, info.size());
        InputStream in = content.newInputStream()) {
      copied = call.store().putObject(call.bucket, call.key, attrs, kept, in, condition);
    }
    ObjectChecksum checksum = copied.checksum();
    io.netty.handler.codec.http.HttpHeaders h = call.responseHeaders();
    VersioningOps.describe(h, copied);
    describeSource(h, info);
    Encryption.answer(h, copied.attributes().encryption(), true);
    call.xml(200, h, S3Xml.write(new CopyObjectResult(copied.etag(), copied.lastModified(), Checksums.xml(checksum),
        checksum == null ? null : checksum.type().name())));
  }

  /** {@code x-amz-copy-source-version-id}: the version copied, when its bucket has versioning configured. */
  private static void describeSource(io.netty.handler.codec.http.HttpHeaders h, StoredObject source) {
    if (source.versionId() != null) {
      h.set("x-amz-copy-source-version-id", source.versionId());
    }
  }

  private static final Pattern COPY_RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{1,18})");

  /**
   * The source range of an UploadPartCopy. Unlike GetObject's Range, S3 takes only
   * {@code bytes=first-last} inside the source and refuses anything else with 400 InvalidArgument:
   * another form with the message below (versitygw#1122, s3-tests test_multipart_copy_improper_range),
   * a range past the source's end with "Range specified is not valid for source object of size: N"
   * (what S3 answered in versitygw#610 and s3fs#321), where GetObject would shorten the range.
   */
  static ByteRange copyRange(String header, long size) {
    Matcher m = COPY_RANGE.matcher(header.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) > Long.parseLong(m.group(2))) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "The x-amz-copy-source-range value must be of the form"
          + " bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy",
          rangeArgument(header));
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    if (last >= size) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT,
          "Range specified is not valid for source object of size: " + size, rangeArgument(header));
    }
    return new ByteRange(first, last);
  }

  private static Map<String, String> rangeArgument(String value) {
    Map<String, String> extra = new java.util.LinkedHashMap<>();
    extra.put("ArgumentName", "x-amz-copy-source-range");
    extra.put("ArgumentValue", value);
    return extra;
  }

  static void uploadPartCopy(S3Call call) throws IOException {
    int n = MultipartOps.partNumber(call);
    call.requireBucket();
    Source src = source(call);
    StoredObject info = VersioningOps.head(call.store(), src.bucket, src.key, src.versionId, true);
    Encryption.checkCopySource(call, info.attributes().encryption());
    Conditionals.check(call, info, "x-amz-copy-source-", false);
    long offset = 0;
    long length = info.size();
    String rangeHeader = call.header("x-amz-copy-source-range");
    if (rangeHeader != null) {
      ByteRange r = copyRange(rangeHeader, info.size());
      offset = r.first();
      length = r.length();
    }
    String uploadId = call.query("uploadId");
    io.s3wire.server.StoredUpload upload = call.store().upload(call.bucket, call.key, uploadId);
    Encryption.checkPart(call, upload.attributes().encryption());
    ChecksumAlgorithm kept = MultipartChecksums.partAlgorithm(upload);
    StoredPart part;
    try (ObjectContent content = VersioningOps.open(call.store(), src.bucket, src.key, src.versionId, offset, length);
        InputStream in = content.newInputStream()) {
      part = call.store().uploadPart(call.bucket, call.key, uploadId, n, kept, in);
    }
    io.netty.handler.codec.http.HttpHeaders h = call.responseHeaders();
    Encryption.answer(h, upload.attributes().encryption(), false);
    describeSource(h, info);
    call.xml(200, h, S3Xml.write(new CopyPartResult(part.etag(), part.lastModified(), Checksums.xml(part.checksum()))));
  }
}
