package io.s3wire.bench.compat;

import static io.s3wire.bench.compat.ProbeSupport.bytes;
import static io.s3wire.bench.compat.ProbeSupport.get;
import static io.s3wire.bench.compat.ProbeSupport.put;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Rows for buckets, plain object operations, copies and conditional requests. */
final class ObjectProbes {
  private ObjectProbes() {}

  static List<Probe> all() {
    return List.of(
        new Probe("Buckets", "CreateBucket, HeadBucket, ListBuckets, DeleteBucket",
            "bucket listed and headed; DeleteBucket of a non-empty bucket 409 BucketNotEmpty; gone after delete",
            ObjectProbes::buckets),
        new Probe("Objects", "PutObject, GetObject, HeadObject, DeleteObject",
            "bytes and ETag round trip; 404 NoSuchKey after delete", ObjectProbes::basics),
        new Probe("Objects", "User metadata and content headers",
            "x-amz-meta-*, Content-Type, Cache-Control, Content-Disposition returned by GET and HEAD",
            ObjectProbes::metadata),
        new Probe("Objects", "Keys with spaces, '+', unicode and '%'",
            "written, read and listed back under the same key", ObjectProbes::oddKeys),
        new Probe("Objects", "Ranged GET", "bytes=10-19 is 206 with Content-Range; suffix range; 416 InvalidRange past the end",
            ObjectProbes::ranges),
        new Probe("Objects", "CopyObject", "copy read back; metadata copied, or replaced with REPLACE",
            ObjectProbes::copy),
        new Probe("Objects", "DeleteObjects", "batch of 3 keys (one missing) all reported deleted; objects gone",
            ObjectProbes::deleteObjects),
        new Probe("Conditional requests", "Conditional GET (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since)",
            "412 PreconditionFailed / 304 as S3 answers each", ObjectProbes::conditionalReads),
        new Probe("Conditional requests", "Conditional PutObject (If-None-Match: *, If-Match)",
            "overwrite refused 412 PreconditionFailed; matching If-Match accepted; If-Match on a missing key 404",
            ObjectProbes::conditionalPut),
        new Probe("Conditional requests", "Conditional CopyObject (x-amz-copy-source-if-*)",
            "copy with a wrong source ETag 412 PreconditionFailed; right one copies", ObjectProbes::conditionalCopy));
  }

  static void buckets(ProbeContext c) throws Exception {
    String b = c.bucket();
    c.s3().headBucket(r -> r.bucket(b));
    c.expect(c.s3().listBuckets().buckets().stream().anyMatch(x -> x.name().equals(b)), "ListBuckets misses the bucket");
    put(c, b, "k", bytes(10, 1));
    c.alsoRefused("DeleteBucket of a non-empty bucket", 409, "BucketNotEmpty", () -> c.s3().deleteBucket(r -> r.bucket(b)));
    c.s3().deleteObject(r -> r.bucket(b).key("k"));
    c.s3().deleteBucket(r -> r.bucket(b));
    c.alsoRefused("HeadBucket after delete", 404, "", () -> c.s3().headBucket(r -> r.bucket(b)));
    c.alsoRefused("GetObject in a missing bucket", 404, "NoSuchBucket",
        () -> c.s3().getObjectAsBytes(r -> r.bucket(b).key("k")));
  }

  static void basics(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] body = bytes(1000, 2);
    String etag = c.s3().putObject(r -> r.bucket(b).key("obj"), RequestBody.fromBytes(body)).eTag();
    ResponseBytes<GetObjectResponse> got = c.s3().getObjectAsBytes(r -> r.bucket(b).key("obj"));
    c.expect(Arrays.equals(got.asByteArray(), body), "GetObject returned other bytes");
    c.also(etag != null && etag.equals(got.response().eTag()), "GET ETag differs from PUT ETag");
    HeadObjectResponse head = c.s3().headObject(r -> r.bucket(b).key("obj"));
    c.also(head.contentLength() == body.length, "HEAD Content-Length " + head.contentLength());
    c.s3().deleteObject(r -> r.bucket(b).key("obj"));
    c.expectRefused("GetObject after delete", 404, "NoSuchKey", () -> get(c.s3(), b, "obj"));
  }

  static void metadata(ProbeContext c) throws Exception {
    String b = c.bucket();
    c.s3().putObject(r -> r.bucket(b).key("m").metadata(Map.of("color", "blue", "shape", "round"))
        .contentType("text/plain; charset=utf-8").cacheControl("max-age=60")
        .contentDisposition("attachment; filename=\"m.txt\""), RequestBody.fromString("meta", StandardCharsets.UTF_8));
    GetObjectResponse g = c.s3().getObjectAsBytes(r -> r.bucket(b).key("m")).response();
    c.expect(Map.of("color", "blue", "shape", "round").equals(g.metadata()), "GET metadata " + g.metadata());
    c.also("text/plain; charset=utf-8".equals(g.contentType()), "Content-Type " + g.contentType());
    c.also("max-age=60".equals(g.cacheControl()), "Cache-Control not returned");
    c.also("attachment; filename=\"m.txt\"".equals(g.contentDisposition()), "Content-Disposition not returned");
    c.alsoCheck("HEAD lacks the metadata", () ->
        Map.of("color", "blue", "shape", "round").equals(c.s3().headObject(r -> r.bucket(b).key("m")).metadata()));
  }

  static void oddKeys(ProbeContext c) throws Exception {
    String b = c.bucket();
    List<String> keys = List.of("dir one/a b.txt", "plus+sign&amp=1", "unicode/\u00fcber-\u6771\u4eac", "pct%20lit");
    for (String k : keys) {
      put(c, b, k, k.getBytes(StandardCharsets.UTF_8));
    }
    for (String k : keys) {
      c.expect(Arrays.equals(get(c.s3(), b, k), k.getBytes(StandardCharsets.UTF_8)), "GET of '" + k + "' returned other bytes");
    }
    List<String> listed = c.s3().listObjectsV2(r -> r.bucket(b)).contents().stream().map(S3Object::key).sorted().toList();
    c.expect(listed.equals(keys.stream().sorted().toList()), "listed as " + listed);
  }

  static void ranges(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] body = bytes(100, 3);
    put(c, b, "r", body);
    ResponseBytes<GetObjectResponse> got = c.s3().getObjectAsBytes(r -> r.bucket(b).key("r").range("bytes=10-19"));
    c.expect(Arrays.equals(got.asByteArray(), Arrays.copyOfRange(body, 10, 20)), "bytes=10-19 returned other bytes");
    c.also("bytes 10-19/100".equals(got.response().contentRange()), "Content-Range " + got.response().contentRange());
    c.alsoCheck("suffix range bytes=-5 wrong", () -> Arrays.equals(
        c.s3().getObjectAsBytes(r -> r.bucket(b).key("r").range("bytes=-5")).asByteArray(), Arrays.copyOfRange(body, 95, 100)));
    c.alsoRefused("bytes=200-", 416, "InvalidRange", () -> c.s3().getObjectAsBytes(r -> r.bucket(b).key("r").range("bytes=200-")));
  }

  static void copy(ProbeContext c) throws Exception {
    String b = c.bucket();
    byte[] body = bytes(2000, 4);
    c.s3().putObject(r -> r.bucket(b).key("src").metadata(Map.of("a", "1")), RequestBody.fromBytes(body));
    c.s3().copyObject(r -> r.sourceBucket(b).sourceKey("src").destinationBucket(b).destinationKey("dst"));
    ResponseBytes<GetObjectResponse> got = c.s3().getObjectAsBytes(r -> r.bucket(b).key("dst"));
    c.expect(Arrays.equals(got.asByteArray(), body), "copy holds other bytes");
    c.also(Map.of("a", "1").equals(got.response().metadata()), "metadata not copied: " + got.response().metadata());
    c.alsoCheck("metadata not replaced with REPLACE", () -> {
      c.s3().copyObject(r -> r.sourceBucket(b).sourceKey("src").destinationBucket(b).destinationKey("dst2")
          .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("b", "2")));
      return Map.of("b", "2").equals(c.s3().headObject(r -> r.bucket(b).key("dst2")).metadata());
    });
    String other = c.bucket();
    c.alsoCheck("copy across buckets wrong", () -> {
      c.s3().copyObject(r -> r.sourceBucket(b).sourceKey("src").destinationBucket(other).destinationKey("x"));
      return Arrays.equals(get(c.s3(), other, "x"), body);
    });
  }

  static void deleteObjects(ProbeContext c) throws Exception {
    String b = c.bucket();
    put(c, b, "d1", bytes(5, 5));
    put(c, b, "d2", bytes(5, 6));
    DeleteObjectsResponse r = c.s3().deleteObjects(d -> d.bucket(b).delete(x -> x.objects(
        ObjectIdentifier.builder().key("d1").build(), ObjectIdentifier.builder().key("d2").build(),
        ObjectIdentifier.builder().key("never-there").build())));
    c.also(r.deleted().size() == 3, "reported " + r.deleted().size() + " of 3 deleted (S3 reports missing keys too)");
    c.expect(r.errors().isEmpty(), "errors " + r.errors());
    c.expect(c.s3().listObjectsV2(l -> l.bucket(b)).contents().isEmpty(), "objects still listed");
  }

  static void conditionalReads(ProbeContext c) throws Exception {
    String b = c.bucket();
    String etag = put(c, b, "c", bytes(50, 7));
    Instant modified = c.s3().headObject(r -> r.bucket(b).key("c")).lastModified();
    c.s3().getObjectAsBytes(r -> r.bucket(b).key("c").ifMatch(etag));
    c.expectRefused("If-Match with another ETag", 412, "PreconditionFailed",
        () -> c.s3().getObjectAsBytes(r -> r.bucket(b).key("c").ifMatch("\"0123456789abcdef0123456789abcdef\"")));
    c.alsoRefused("If-None-Match with the ETag", 304, "",
        () -> c.s3().getObjectAsBytes(r -> r.bucket(b).key("c").ifNoneMatch(etag)));
    c.alsoRefused("If-Modified-Since its Last-Modified", 304, "",
        () -> c.s3().getObjectAsBytes(r -> r.bucket(b).key("c").ifModifiedSince(modified)));
    c.alsoRefused("If-Unmodified-Since a day before", 412, "PreconditionFailed",
        () -> c.s3().getObjectAsBytes(r -> r.bucket(b).key("c").ifUnmodifiedSince(modified.minus(Duration.ofDays(1)))));
    c.alsoRefused("HEAD If-Match with another ETag", 412, "",
        () -> c.s3().headObject(r -> r.bucket(b).key("c").ifMatch("\"0123456789abcdef0123456789abcdef\"")));
  }

  static void conditionalPut(ProbeContext c) throws Exception {
    String b = c.bucket();
    String etag = put(c, b, "w", bytes(10, 8));
    c.expectRefused("If-None-Match: * over an existing key", 412, "PreconditionFailed",
        () -> c.s3().putObject(r -> r.bucket(b).key("w").ifNoneMatch("*"), RequestBody.fromBytes(bytes(10, 9))));
    c.alsoRefused("If-Match with another ETag", 412, "PreconditionFailed",
        () -> c.s3().putObject(r -> r.bucket(b).key("w").ifMatch("\"0123456789abcdef0123456789abcdef\""),
            RequestBody.fromBytes(bytes(10, 9))));
    c.s3().putObject(r -> r.bucket(b).key("w").ifMatch(etag), RequestBody.fromBytes(bytes(10, 10)));
    c.s3().putObject(r -> r.bucket(b).key("fresh").ifNoneMatch("*"), RequestBody.fromBytes(bytes(10, 11)));
    c.expect(Arrays.equals(get(c.s3(), b, "w"), bytes(10, 10)), "If-Match write not stored");
    c.alsoRefused("If-Match on a missing key", 404, "NoSuchKey",
        () -> c.s3().putObject(r -> r.bucket(b).key("missing").ifMatch(etag), RequestBody.fromBytes(bytes(10, 12))));
  }

  static void conditionalCopy(ProbeContext c) throws Exception {
    String b = c.bucket();
    String etag = put(c, b, "s", bytes(10, 13));
    c.expectRefused("copy-source-if-match with another ETag", 412, "PreconditionFailed",
        () -> c.s3().copyObject(r -> r.sourceBucket(b).sourceKey("s").destinationBucket(b).destinationKey("d")
            .copySourceIfMatch("\"0123456789abcdef0123456789abcdef\"")));
    c.s3().copyObject(r -> r.sourceBucket(b).sourceKey("s").destinationBucket(b).destinationKey("d").copySourceIfMatch(etag));
    c.alsoRefused("copy-source-if-none-match with the ETag", 412, "PreconditionFailed",
        () -> c.s3().copyObject(r -> r.sourceBucket(b).sourceKey("s").destinationBucket(b).destinationKey("d2")
            .copySourceIfNoneMatch(etag)));
  }
}
