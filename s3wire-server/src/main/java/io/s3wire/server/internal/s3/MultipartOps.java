package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.StoredObject;
import io.s3wire.server.StoredPart;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.StoredUpload;
import io.s3wire.server.WriteCondition;
import io.s3wire.server.internal.store.Digests;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import io.s3wire.xml.CompleteMultipartUploadResult;
import io.s3wire.xml.CompletedPart;
import io.s3wire.xml.InitiateMultipartUploadResult;
import io.s3wire.xml.ListMultipartUploadsResult;
import io.s3wire.xml.ListPartsResult;
import io.s3wire.xml.MultipartUploadSummary;
import io.s3wire.xml.Owner;
import io.s3wire.xml.PartSummary;
import io.s3wire.xml.S3Xml;

/** Multipart uploads: create, upload part, complete (with S3's validation), abort, list parts and uploads. */
final class MultipartOps {
  static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  private MultipartOps() {}

  static void create(S3Call call) throws IOException {
    ObjectOps.validateKey(call.key);
    call.requireBucket();
    MultipartChecksums.Choice checksum = MultipartChecksums.forCreate(call);
    // Tags and encryption are the upload's, and become the object's at completion.
    io.s3wire.server.ObjectAttributes attributes = ObjectOps.attributes(call)
        .withTags(ObjectTaggingOps.fromHeader(call)).withEncryption(Encryption.forWrite(call))
        .withAcl(AclOps.forWrite(call)).withOwner(Owners.forWrite(call, call.header(Acl.HEADER)));
    attributes = ObjectLocks.forWrite(call, attributes);
    String id = call.store().createMultipartUpload(call.bucket, call.key, attributes,
        checksum.algorithm(), checksum.type());
    HttpHeaders h = call.responseHeaders();
    Encryption.answer(h, attributes.encryption(), true);
    MultipartChecksums.answerCreate(h, checksum);
    call.xml(200, h, S3Xml.write(new InitiateMultipartUploadResult(call.bucket, call.key, id)));
  }

  static int partNumber(S3Call call) {
    String v = call.query("partNumber");
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= 10_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive",
        Map.of("ArgumentName", "partNumber", "ArgumentValue", String.valueOf(v)));
  }

  static void uploadPart(S3Call call) throws IOException {
    int n = partNumber(call);
    call.requireContentLength();
    call.requireBucket();
    String uploadId = call.query("uploadId");
    ChecksumHeaders.Claim claim = ChecksumHeaders.claim(call);
    StoredUpload upload = call.store().upload(call.bucket, call.key, uploadId);
    Encryption.checkPart(call, upload.attributes().encryption());
    MultipartChecksums.checkPart(upload, claim);
    ChecksumAlgorithm kept = MultipartChecksums.partAlgorithm(upload);
    Digests.DigestingInputStream body = Checksums.checkedBody(call, claim, kept);
    StoredPart part = call.store().uploadPart(call.bucket, call.key, uploadId, n, kept, body);
    HttpHeaders h = call.responseHeaders();
    h.set("etag", part.etag());
    Encryption.answer(h, upload.attributes().encryption(), false);
    Checksums.answer(h, claim != null ? Checksums.claimed(claim, body) : part.checksum(), false);
    call.respond(200, h);
  }

  static void complete(S3Call call) throws IOException {
    call.requireBucket();
    String uploadId = call.query("uploadId");
    StoredUpload upload = call.store().upload(call.bucket, call.key, uploadId);
    Encryption.checkComplete(call, upload.attributes().encryption(), upload.checksumAlgorithm() != null);
    List<CompletedPart> requested =
        XmlIn.completeMultipartUpload(XmlIn.readBody(call.body, XmlIn.MAX_BODY)).parts();
    Map<Integer, StoredPart> stored = new HashMap<>();
    for (StoredPart p : call.store().listParts(call.bucket, call.key, uploadId)) {
      stored.put(p.partNumber(), p);
    }
    MessageDigest md5 = PayloadStreams.digest("MD5");
    List<Integer> numbers = new ArrayList<>();
    int previous = 0;
    for (CompletedPart r : requested) {
      if (r.partNumber() <= previous) {
        throw new S3ErrorException(S3ErrorCode.INVALID_PART_ORDER);
      }
      previous = r.partNumber();
    }
    List<StoredPart> chosen = new ArrayList<>();
    for (CompletedPart r : requested) {
      StoredPart p = stored.get(r.partNumber());
      if (p == null || !Conditionals.unquote(p.etag()).equals(Conditionals.unquote(r.eTag()))
          || !MultipartChecksums.partMatches(upload, r, p)) {
        throw new S3ErrorException(S3ErrorCode.INVALID_PART, S3ErrorCode.INVALID_PART.message(),
            Map.of("UploadId", uploadId, "PartNumber", Integer.toString(r.partNumber()), "ETag", r.eTag()));
      }
      chosen.add(p);
    }
    for (int i = 0; i < chosen.size(); i++) {
      StoredPart p = chosen.get(i);
      if (i < chosen.size() - 1 && p.size() < MIN_PART_SIZE) {
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        extra.put("ProposedSize", Long.toString(p.size()));
        extra.put("MinSizeAllowed", Long.toString(MIN_PART_SIZE));
        extra.put("PartNumber", Integer.toString(p.partNumber()));
        extra.put("ETag", p.etag());
        throw new S3ErrorException(S3ErrorCode.ENTITY_TOO_SMALL, S3ErrorCode.ENTITY_TOO_SMALL.message(), extra);
      }
      md5.update(HexFormat.of().parseHex(Conditionals.unquote(p.etag())));
      numbers.add(p.partNumber());
    }
    String etag = "\"" + HexFormat.of().formatHex(md5.digest()) + "-" + numbers.size() + "\"";
    ObjectChecksum checksum = MultipartChecksums.complete(call, upload, chosen);
    WriteCondition condition = Conditionals.forWrite(call);
    Conditionals.precheck(call, condition, call.bucket, call.key);
    StoredObject info = call.store().completeMultipartUpload(call.bucket, call.key, uploadId, numbers, etag, checksum,
        condition);
    ObjectChecksum made = info.checksum();
    HttpHeaders h = call.responseHeaders();
    Encryption.answerComplete(h, info.attributes().encryption());
    VersioningOps.describe(h, info);
    call.xml(200, h, S3Xml.write(new CompleteMultipartUploadResult("/" + call.bucket + "/" + call.key, call.bucket, call.key,
        info.etag(), Checksums.xml(made), made == null ? null : made.type().name())));
  }

  static void abort(S3Call call) throws IOException {
    call.requireBucket();
    call.store().abortMultipartUpload(call.bucket, call.key, call.query("uploadId"));
    call.respond(204, call.responseHeaders());
  }

  static void listParts(S3Call call) throws IOException {
    call.requireBucket();
    String uploadId = call.query("uploadId");
    StoredUpload upload = call.store().upload(call.bucket, call.key, uploadId);
    int marker = parseInt(call, "part-number-marker", 0);
    int max = Math.min(parseInt(call, "max-parts", 1000), 1000);
    List<StoredPart> parts = call.store().listParts(call.bucket, call.key, uploadId);
    List<PartSummary> page = new ArrayList<>();
    boolean truncated = false;
    for (StoredPart p : parts) {
      if (p.partNumber() <= marker) {
        continue;
      }
      if (page.size() == max) {
        truncated = true;
        break;
      }
      page.add(new PartSummary(p.partNumber(), p.lastModified(), p.etag(), p.size(), Checksums.xml(p.checksum())));
    }
    int next = page.isEmpty() ? 0 : page.get(page.size() - 1).partNumber();
    ChecksumType type = MultipartChecksums.type(upload);
    Owner owner = Owners.objectOwner(call, upload.attributes());
    call.xml(S3Xml.write(new ListPartsResult(call.bucket, upload.key(), uploadId, marker, next, max, truncated, page,
        owner, owner, "STANDARD", algorithmName(upload), type == null ? null : type.name())));
  }

  private static String algorithmName(StoredUpload upload) {
    return upload.checksumAlgorithm() == null ? null : upload.checksumAlgorithm().name();
  }

  private static int parseInt(S3Call call, String name, int dflt) {
    String v = call.query(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Invalid " + name, Map.of("ArgumentName", name));
    }
  }

  static void listUploads(S3Call call) throws IOException {
    boolean url = ListOps.urlEncoding(call);
    call.requireBucket();
    String prefix = call.query.getOrDefault("prefix", "");
    String keyMarker = call.query.getOrDefault("key-marker", "");
    int max = Math.min(parseInt(call, "max-uploads", 1000), 1000);
    String uploadIdMarker = call.query.getOrDefault("upload-id-marker", "");
    List<MultipartUploadSummary> page = new ArrayList<>();
    boolean truncated = false;
    Owner bucketOwner = Owners.bucketOwner(call, call.bucket);
    for (StoredUpload u : call.store().listMultipartUploads(call.bucket)) {
      if (!u.key().startsWith(prefix) || !keyMarker.isEmpty() && u.key().compareTo(keyMarker) <= 0) {
        continue;
      }
      if (page.size() == max) {
        truncated = true;
        break;
      }
      ChecksumType type = MultipartChecksums.type(u);
      // No initiator is recorded apart from the owner: where S3's differ (another user's upload the
      // bucket's owner will own), the owner is shown as both.
      Owner owner = Owners.objectOwner(call, u.attributes(), bucketOwner);
      page.add(new MultipartUploadSummary(u.key(), u.uploadId(), owner, owner, "STANDARD",
          u.initiated(), algorithmName(u), type == null ? null : type.name()));
    }
    MultipartUploadSummary last = page.isEmpty() ? null : page.get(page.size() - 1);
    call.xml(S3Xml.write(new ListMultipartUploadsResult(call.bucket, keyMarker, uploadIdMarker,
        last == null ? null : last.key(), last == null ? null : last.uploadId(), prefix.isEmpty() ? null : prefix,
        null, max, url ? "url" : null, truncated, page, List.of())));
  }
}
