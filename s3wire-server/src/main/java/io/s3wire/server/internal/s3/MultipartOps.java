package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.server.ObjectInfo;
import io.s3wire.server.PartInfo;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.UploadInfo;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Multipart uploads: create, upload part, complete (with S3's validation), abort, list parts and uploads. */
final class MultipartOps {
  static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  private MultipartOps() {}

  static void create(S3Call call) throws IOException {
    ObjectOps.validateKey(call.key);
    call.requireBucket();
    String id = call.store().createMultipartUpload(call.bucket, call.key, ObjectOps.attributes(call));
    XmlOut x = XmlOut.document("InitiateMultipartUploadResult");
    x.element("Bucket", call.bucket).element("Key", call.key).element("UploadId", id);
    call.xml(x.finish("InitiateMultipartUploadResult"));
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
    call.requireBucket();
    PartInfo part = call.store().uploadPart(call.bucket, call.key, call.query("uploadId"), n, call.body);
    HttpHeaders h = call.responseHeaders();
    h.set("etag", part.etag());
    call.respond(200, h);
  }

  static void complete(S3Call call) throws IOException {
    call.requireBucket();
    String uploadId = call.query("uploadId");
    call.store().upload(call.bucket, call.key, uploadId);
    List<XmlIn.Part> requested = XmlIn.completeMultipartUpload(XmlIn.readBody(call.body, XmlIn.MAX_BODY));
    Map<Integer, PartInfo> stored = new HashMap<>();
    for (PartInfo p : call.store().listParts(call.bucket, call.key, uploadId)) {
      stored.put(p.partNumber(), p);
    }
    MessageDigest md5 = PayloadStreams.digest("MD5");
    List<Integer> numbers = new ArrayList<>();
    int previous = 0;
    for (XmlIn.Part r : requested) {
      if (r.number() <= previous) {
        throw new S3ErrorException(S3ErrorCode.INVALID_PART_ORDER);
      }
      previous = r.number();
    }
    List<PartInfo> chosen = new ArrayList<>();
    for (XmlIn.Part r : requested) {
      PartInfo p = stored.get(r.number());
      if (p == null || !Conditionals.unquote(p.etag()).equals(Conditionals.unquote(r.etag()))) {
        throw new S3ErrorException(S3ErrorCode.INVALID_PART, S3ErrorCode.INVALID_PART.message(),
            Map.of("UploadId", uploadId, "PartNumber", Integer.toString(r.number()), "ETag", r.etag()));
      }
      chosen.add(p);
    }
    for (int i = 0; i < chosen.size(); i++) {
      PartInfo p = chosen.get(i);
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
    ObjectInfo info = call.store().completeMultipartUpload(call.bucket, call.key, uploadId, numbers, etag);
    XmlOut x = XmlOut.document("CompleteMultipartUploadResult");
    x.element("Location", "/" + call.bucket + "/" + call.key).element("Bucket", call.bucket)
        .element("Key", call.key).element("ETag", info.etag());
    call.xml(x.finish("CompleteMultipartUploadResult"));
  }

  static void abort(S3Call call) throws IOException {
    call.requireBucket();
    call.store().abortMultipartUpload(call.bucket, call.key, call.query("uploadId"));
    call.respond(204, call.responseHeaders());
  }

  static void listParts(S3Call call) throws IOException {
    call.requireBucket();
    String uploadId = call.query("uploadId");
    UploadInfo upload = call.store().upload(call.bucket, call.key, uploadId);
    int marker = parseInt(call, "part-number-marker", 0);
    int max = Math.min(parseInt(call, "max-parts", 1000), 1000);
    List<PartInfo> parts = call.store().listParts(call.bucket, call.key, uploadId);
    XmlOut x = XmlOut.document("ListPartsResult");
    x.element("Bucket", call.bucket).element("Key", upload.key()).element("UploadId", uploadId);
    owner(x, "Initiator");
    owner(x, "Owner");
    x.element("StorageClass", "STANDARD").element("PartNumberMarker", marker);
    List<PartInfo> page = new ArrayList<>();
    boolean truncated = false;
    for (PartInfo p : parts) {
      if (p.partNumber() <= marker) {
        continue;
      }
      if (page.size() == max) {
        truncated = true;
        break;
      }
      page.add(p);
    }
    x.element("NextPartNumberMarker", page.isEmpty() ? 0 : page.get(page.size() - 1).partNumber())
        .element("MaxParts", max).element("IsTruncated", truncated);
    for (PartInfo p : page) {
      x.start("Part").element("PartNumber", p.partNumber()).element("LastModified", S3Call.xmlDate(p.lastModified()))
          .element("ETag", p.etag()).element("Size", p.size()).end("Part");
    }
    call.xml(x.finish("ListPartsResult"));
  }

  private static void owner(XmlOut x, String element) {
    x.start(element).element("ID", BucketOps.OWNER_ID).element("DisplayName", BucketOps.OWNER_NAME).end(element);
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
    call.requireBucket();
    String prefix = call.query.getOrDefault("prefix", "");
    String keyMarker = call.query.getOrDefault("key-marker", "");
    int max = Math.min(parseInt(call, "max-uploads", 1000), 1000);
    XmlOut x = XmlOut.document("ListMultipartUploadsResult");
    x.element("Bucket", call.bucket).element("KeyMarker", keyMarker).element("UploadIdMarker",
        call.query.getOrDefault("upload-id-marker", ""));
    List<UploadInfo> page = new ArrayList<>();
    boolean truncated = false;
    for (UploadInfo u : call.store().listMultipartUploads(call.bucket)) {
      if (!u.key().startsWith(prefix) || !keyMarker.isEmpty() && u.key().compareTo(keyMarker) <= 0) {
        continue;
      }
      if (page.size() == max) {
        truncated = true;
        break;
      }
      page.add(u);
    }
    UploadInfo last = page.isEmpty() ? null : page.get(page.size() - 1);
    x.element("NextKeyMarker", last == null ? "" : last.key())
        .element("NextUploadIdMarker", last == null ? "" : last.uploadId());
    if (!prefix.isEmpty()) {
      x.element("Prefix", prefix);
    }
    x.element("MaxUploads", max).element("IsTruncated", truncated);
    for (UploadInfo u : page) {
      x.start("Upload").element("Key", u.key()).element("UploadId", u.uploadId());
      owner(x, "Initiator");
      owner(x, "Owner");
      x.element("StorageClass", "STANDARD").element("Initiated", S3Call.xmlDate(u.initiated())).end("Upload");
    }
    call.xml(x.finish("ListMultipartUploadsResult"));
  }
}
