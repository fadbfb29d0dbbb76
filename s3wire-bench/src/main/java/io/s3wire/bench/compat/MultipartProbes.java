package io.s3wire.bench.compat;

import static io.s3wire.bench.compat.ProbeSupport.MIB;
import static io.s3wire.bench.compat.ProbeSupport.bytes;
import static io.s3wire.bench.compat.ProbeSupport.checksum;
import static io.s3wire.bench.compat.ProbeSupport.get;
import static io.s3wire.bench.compat.ProbeSupport.put;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** Rows for multipart uploads: the operations, their checksums, part reads and part copies. */
final class MultipartProbes {
  private MultipartProbes() {}

  static List<Probe> all() {
    return List.of(
        new Probe("Multipart", "CreateMultipartUpload, UploadPart, CompleteMultipartUpload",
            "5 MiB + 1 KiB parts at SDK defaults; object reads back whole; ETag ends in -2", MultipartProbes::basic),
        new Probe("Multipart", "ListMultipartUploads, ListParts, AbortMultipartUpload",
            "upload and part listed with their size; after abort ListParts 404 NoSuchUpload", MultipartProbes::listAndAbort),
        new Probe("Multipart", "COMPOSITE checksum (CRC32)",
            "HEAD returns the checksum of the part checksums with -2, type COMPOSITE", MultipartProbes::composite),
        new Probe("Multipart", "FULL_OBJECT checksum (CRC64NVME)",
            "HEAD returns the whole object's CRC64NVME, type FULL_OBJECT", MultipartProbes::fullObject),
        new Probe("Multipart", "Conditional CompleteMultipartUpload (If-None-Match: *)",
            "completing over an existing key 412 PreconditionFailed; over a new key succeeds",
            MultipartProbes::conditionalComplete),
        new Probe("Multipart", "UploadPartCopy with x-amz-copy-source-range",
            "bytes=10-59 of the source becomes the part; a range past the source's end refused 400 InvalidArgument",
            MultipartProbes::uploadPartCopy),
        new Probe("Multipart", "DeleteBucket with an upload in progress",
            "S3 deletes the bucket and the upload", MultipartProbes::deleteBucketWithUpload),
        new Probe("Parts and attributes", "GetObject partNumber",
            "part 1 of 2 returned alone with x-amz-mp-parts-count 2; partNumber=2 of a one-part object 416 InvalidPartNumber",
            MultipartProbes::getPart),
        new Probe("Parts and attributes", "HeadObject partNumber",
            "part 2's length and x-amz-mp-parts-count 2", MultipartProbes::headPart),
        new Probe("Parts and attributes", "GetObjectAttributes",
            "ETag, ObjectSize, Checksum and ObjectParts of a multipart object", MultipartProbes::attributes));
  }

  /** A completed two-part upload of {@code part1} and {@code part2}, with the SDK's default checksums unless one is named. */
  private static CompleteMultipartUploadResponse upload(ProbeContext c, String b, String key, ChecksumAlgorithm a,
      ChecksumType type, byte[]... parts) {
    String id = c.s3().createMultipartUpload(r -> {
      r.bucket(b).key(key);
      if (a != null) {
        r.checksumAlgorithm(a);
      }
      if (type != null) {
        r.checksumType(type);
      }
    }).uploadId();
    List<CompletedPart> done = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      int n = i + 1;
      UploadPartResponse p = c.s3().uploadPart(r -> {
        r.bucket(b).key(key).uploadId(id).partNumber(n);
        if (a != null) {
          r.checksumAlgorithm(a);
        }
      }, RequestBody.fromBytes(parts[i]));
      done.add(CompletedPart.builder().partNumber(n).eTag(p.eTag()).checksumCRC32(p.checksumCRC32())
          .checksumCRC32C(p.checksumCRC32C()).checksumCRC64NVME(p.checksumCRC64NVME()).checksumSHA1(p.checksumSHA1())
          .checksumSHA256(p.checksumSHA256()).build());
    }
    return c.s3().completeMultipartUpload(r -> r.bucket(b).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static void basic(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] p1 = bytes(5 * MIB, 30);
    byte[] p2 = bytes(1024, 31);
    CompleteMultipartUploadResponse done = upload(c, b, "mp", null, null, p1, p2);
    c.expect(Arrays.equals(get(c.s3(), b, "mp"), concat(p1, p2)), "object reads back other bytes");
    c.also(done.eTag() != null && done.eTag().replace("\"", "").endsWith("-2"), "ETag " + done.eTag());
  }

  static void listAndAbort(ProbeContext c) throws Exception {
    String b = c.bucket();
    String id = c.s3().createMultipartUpload(r -> r.bucket(b).key("u")).uploadId();
    c.s3().uploadPart(r -> r.bucket(b).key("u").uploadId(id).partNumber(1), RequestBody.fromBytes(bytes(2048, 32)));
    c.expect(c.s3().listMultipartUploads(r -> r.bucket(b)).uploads().stream().anyMatch(u -> id.equals(u.uploadId())),
        "ListMultipartUploads misses the upload");
    var parts = c.s3().listParts(r -> r.bucket(b).key("u").uploadId(id)).parts();
    c.expect(parts.size() == 1 && parts.get(0).size() == 2048, "ListParts gives " + parts);
    c.s3().abortMultipartUpload(r -> r.bucket(b).key("u").uploadId(id));
    c.alsoRefused("ListParts after abort", 404, "NoSuchUpload", () -> c.s3().listParts(r -> r.bucket(b).key("u").uploadId(id)));
  }

  static void composite(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] p1 = bytes(5 * MIB, 33);
    byte[] p2 = bytes(100, 34);
    CompleteMultipartUploadResponse done = upload(c, b, "cc", ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE, p1, p2);
    String expected = ProbeSupport.composite(ChecksumAlgorithm.CRC32, List.of(p1, p2));
    HeadObjectResponse h = c.s3().headObject(r -> r.bucket(b).key("cc").checksumMode(ChecksumMode.ENABLED));
    c.expect(expected.equals(h.checksumCRC32()), "HEAD returns " + h.checksumCRC32());
    c.also("COMPOSITE".equals(h.checksumTypeAsString()), "checksum type " + h.checksumTypeAsString());
    c.also(expected.equals(done.checksumCRC32()), "CompleteMultipartUpload response lacks it");
  }

  static void fullObject(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] p1 = bytes(5 * MIB, 35);
    byte[] p2 = bytes(100, 36);
    CompleteMultipartUploadResponse done = upload(c, b, "fo", ChecksumAlgorithm.CRC64_NVME, ChecksumType.FULL_OBJECT, p1, p2);
    String expected = checksum(ChecksumAlgorithm.CRC64_NVME, concat(p1, p2));
    HeadObjectResponse h = c.s3().headObject(r -> r.bucket(b).key("fo").checksumMode(ChecksumMode.ENABLED));
    c.expect(expected.equals(h.checksumCRC64NVME()), "HEAD returns " + h.checksumCRC64NVME());
    c.also("FULL_OBJECT".equals(h.checksumTypeAsString()), "checksum type " + h.checksumTypeAsString());
    c.also(expected.equals(done.checksumCRC64NVME()), "CompleteMultipartUpload response lacks it");
  }

  static void conditionalComplete(ProbeContext c) throws Exception {
    String b = c.bucket();
    put(c, b, "k", bytes(10, 37));
    for (String key : List.of("k", "new")) {
      String id = c.s3().createMultipartUpload(r -> r.bucket(b).key(key)).uploadId();
      String etag = c.s3().uploadPart(r -> r.bucket(b).key(key).uploadId(id).partNumber(1),
          RequestBody.fromBytes(bytes(100, 38))).eTag();
      ProbeContext.Call complete = () -> c.s3().completeMultipartUpload(r -> r.bucket(b).key(key).uploadId(id)
          .ifNoneMatch("*").multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
      if (key.equals("k")) {
        c.expectRefused("If-None-Match: * over an existing key", 412, "PreconditionFailed", complete);
      } else {
        complete.run();
      }
    }
    c.expect(Arrays.equals(get(c.s3(), b, "k"), bytes(10, 37)), "existing object overwritten");
  }

  static void uploadPartCopy(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] src = bytes(100, 39);
    put(c, b, "src", src);
    String id = c.s3().createMultipartUpload(r -> r.bucket(b).key("dst")).uploadId();
    String etag = c.s3().uploadPartCopy(r -> r.sourceBucket(b).sourceKey("src").destinationBucket(b).destinationKey("dst")
        .uploadId(id).partNumber(1).copySourceRange("bytes=10-59")).copyPartResult().eTag();
    c.s3().completeMultipartUpload(r -> r.bucket(b).key("dst").uploadId(id)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    c.expect(Arrays.equals(get(c.s3(), b, "dst"), Arrays.copyOfRange(src, 10, 60)), "part holds other bytes than 10-59");
    String id2 = c.s3().createMultipartUpload(r -> r.bucket(b).key("dst2")).uploadId();
    c.alsoRefused("source range past the end", 400, "InvalidArgument",
        () -> c.s3().uploadPartCopy(r -> r.sourceBucket(b).sourceKey("src").destinationBucket(b).destinationKey("dst2")
            .uploadId(id2).partNumber(1).copySourceRange("bytes=90-199")));
  }

  static void deleteBucketWithUpload(ProbeContext c) throws Exception {
    String b = c.bucket();
    c.s3().createMultipartUpload(r -> r.bucket(b).key("pending"));
    c.s3().deleteBucket(r -> r.bucket(b));
    c.alsoRefused("HeadBucket after delete", 404, "", () -> c.s3().headBucket(r -> r.bucket(b)));
  }

  static void getPart(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] p1 = bytes(5 * MIB, 40);
    byte[] p2 = bytes(777, 41);
    upload(c, b, "gp", null, null, p1, p2);
    ResponseBytes<GetObjectResponse> part = c.s3().getObjectAsBytes(r -> r.bucket(b).key("gp").partNumber(1));
    c.expect(Arrays.equals(part.asByteArray(), p1), "partNumber=1 returned " + part.asByteArray().length + " bytes, not part 1");
    c.also(Integer.valueOf(2).equals(part.response().partsCount()), "x-amz-mp-parts-count " + part.response().partsCount());
    put(c, b, "single", bytes(10, 42));
    c.alsoRefused("partNumber=2 of a one-part object", 416, "InvalidPartNumber",
        () -> c.s3().getObjectAsBytes(r -> r.bucket(b).key("single").partNumber(2)));
  }

  static void headPart(ProbeContext c) throws Exception {
    String b = c.bucket();
    upload(c, b, "hp", null, null, bytes(5 * MIB, 43), bytes(777, 44));
    HeadObjectResponse h = c.s3().headObject(r -> r.bucket(b).key("hp").partNumber(2));
    c.expect(h.contentLength() == 777, "partNumber=2 Content-Length " + h.contentLength());
    c.also(Integer.valueOf(2).equals(h.partsCount()), "x-amz-mp-parts-count " + h.partsCount());
  }

  static void attributes(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] p1 = bytes(5 * MIB, 45);
    byte[] p2 = bytes(500, 46);
    CompleteMultipartUploadResponse done = upload(c, b, "ga", ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE, p1, p2);
    GetObjectAttributesResponse a = c.s3().getObjectAttributes(r -> r.bucket(b).key("ga").objectAttributes(
        ObjectAttributes.E_TAG, ObjectAttributes.OBJECT_SIZE, ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_PARTS));
    c.expect(Long.valueOf(p1.length + p2.length).equals(a.objectSize()), "ObjectSize " + a.objectSize());
    c.also(a.eTag() != null && done.eTag() != null && done.eTag().replace("\"", "").equals(a.eTag().replace("\"", "")),
        "ETag " + a.eTag());
    String expected = ProbeSupport.composite(ChecksumAlgorithm.CRC32, List.of(p1, p2));
    String got = a.checksum() == null ? null : a.checksum().checksumCRC32();
    c.also(got != null && expected.startsWith(got.replaceAll("-2$", "")), "Checksum " + got);
    c.also(a.objectParts() != null && Integer.valueOf(2).equals(a.objectParts().totalPartsCount()),
        "ObjectParts " + (a.objectParts() == null ? "missing" : a.objectParts().totalPartsCount()));
  }
}
