package io.s3wire.bench.compat;

import static io.s3wire.bench.compat.ProbeSupport.bytes;
import static io.s3wire.bench.compat.ProbeSupport.get;
import static io.s3wire.bench.compat.ProbeSupport.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Rows for listings (v1, v2, URL encoding) and versioning. */
final class ListingProbes {
  private static final List<String> KEYS = List.of("a/1", "a/2", "b/1", "c", "d");

  private ListingProbes() {}

  static List<Probe> all() {
    return List.of(
        new Probe("Listing", "ListObjectsV2", "max-keys 2 pages with continuation tokens; prefix; delimiter common prefixes; start-after",
            ListingProbes::listV2),
        new Probe("Listing", "ListObjects (v1)", "marker paging; delimiter common prefixes and NextMarker", ListingProbes::listV1),
        new Probe("Listing", "encoding-type=url", "raw listing writes a space as %20 and '+' as %2B, says EncodingType url",
            ListingProbes::encodingType),
        new Probe("Versioning", "PutBucketVersioning, GetBucketVersioning", "Enabled then Suspended read back",
            ListingProbes::versioningStatus),
        new Probe("Versioning", "Version ids; GET and HEAD by version",
            "two PUTs get two version ids; the older is read by id", ListingProbes::versionIds),
        new Probe("Versioning", "Delete markers, ListObjectVersions, DELETE by version",
            "DELETE leaves a marker (GET 404); versions and marker listed; deleting the marker restores the object",
            ListingProbes::deleteMarkers),
        new Probe("Versioning", "CopyObject from a version", "x-amz-copy-source ?versionId= copies the older bytes",
            ListingProbes::copyVersion));
  }

  private static String seeded(ProbeContext c) throws Exception {
    String b = c.bucket();
    for (String k : KEYS) {
      put(c, b, k, k.getBytes(StandardCharsets.UTF_8));
    }
    return b;
  }

  static void listV2(ProbeContext c) throws Exception {
    String b = seeded(c);
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String t = token;
      ListObjectsV2Response r = c.s3().listObjectsV2(l -> l.bucket(b).maxKeys(2).continuationToken(t));
      r.contents().forEach(o -> seen.add(o.key()));
      token = r.isTruncated() ? r.nextContinuationToken() : null;
      pages++;
    } while (token != null && pages < 10);
    c.expect(seen.equals(KEYS), "paged listing gave " + seen);
    c.also(pages == 3, pages + " pages of max-keys 2 for 5 keys");
    ListObjectsV2Response d = c.s3().listObjectsV2(l -> l.bucket(b).delimiter("/"));
    c.also(d.commonPrefixes().stream().map(CommonPrefix::prefix).toList().equals(List.of("a/", "b/")),
        "common prefixes " + d.commonPrefixes());
    c.also(d.contents().stream().map(S3Object::key).toList().equals(List.of("c", "d")), "delimiter contents wrong");
    ListObjectsV2Response p = c.s3().listObjectsV2(l -> l.bucket(b).prefix("a/"));
    c.also(p.keyCount() == 2, "prefix a/ KeyCount " + p.keyCount());
    ListObjectsV2Response s = c.s3().listObjectsV2(l -> l.bucket(b).startAfter("b/1"));
    c.also(s.contents().stream().map(S3Object::key).toList().equals(List.of("c", "d")), "start-after wrong");
  }

  static void listV1(ProbeContext c) throws Exception {
    String b = seeded(c);
    List<String> seen = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      String m = marker;
      ListObjectsResponse r = c.s3().listObjects(l -> l.bucket(b).maxKeys(2).marker(m));
      r.contents().forEach(o -> seen.add(o.key()));
      marker = r.isTruncated() ? r.contents().get(r.contents().size() - 1).key() : null;
      pages++;
    } while (marker != null && pages < 10);
    c.expect(seen.equals(KEYS), "marker paging gave " + seen);
    ListObjectsResponse d = c.s3().listObjects(l -> l.bucket(b).delimiter("/").maxKeys(2));
    c.also(d.commonPrefixes().stream().map(CommonPrefix::prefix).toList().equals(List.of("a/", "b/")),
        "common prefixes " + d.commonPrefixes());
    c.also(d.isTruncated() && "b/".equals(d.nextMarker()), "NextMarker with a delimiter " + d.nextMarker());
  }

  static void encodingType(ProbeContext c) throws Exception {
    String b = c.bucket();
    String key = "dir/a b+c.txt";
    put(c, b, key, bytes(3, 50));
    RawHttp.Response v2 = c.raw().signed(c.raw().request(SdkHttpMethod.GET, "/" + b,
        Map.of("list-type", "2", "encoding-type", "url")), null, o -> {});
    c.expectAnswer("ListObjectsV2", v2, 200, "");
    c.expect(v2.text().contains("<Key>dir/a%20b%2Bc.txt</Key>"), "key not encoded as S3 does: "
        + v2.text().replaceAll("(?s).*?(<Key>[^<]*</Key>).*", "$1"));
    c.also(v2.text().contains("<EncodingType>url</EncodingType>"), "no EncodingType element");
    RawHttp.Response v1 = c.raw().signed(c.raw().request(SdkHttpMethod.GET, "/" + b, Map.of("encoding-type", "url")), null, o -> {});
    c.also(v1.text().contains("<Key>dir/a%20b%2Bc.txt</Key>"), "v1 listing not encoded as S3 does");
    List<String> sdk = c.s3().listObjectsV2(l -> l.bucket(b)).contents().stream().map(S3Object::key).toList();
    c.also(sdk.equals(List.of(key)), "the SDK (which asks for url encoding) decodes " + sdk);
  }

  private static String versioned(ProbeContext c) {
    String b = c.bucket();
    c.s3().putBucketVersioning(r -> r.bucket(b).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    return b;
  }

  static void versioningStatus(ProbeContext c) throws Exception {
    String b = c.bucket();
    c.also(c.s3().getBucketVersioning(r -> r.bucket(b)).status() == null, "new bucket already has a status");
    c.s3().putBucketVersioning(r -> r.bucket(b).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    var on = c.s3().getBucketVersioning(r -> r.bucket(b)).status();
    c.expect(on == BucketVersioningStatus.ENABLED, "status after enabling: " + on);
    c.s3().putBucketVersioning(r -> r.bucket(b).versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
    var off = c.s3().getBucketVersioning(r -> r.bucket(b)).status();
    c.also(off == BucketVersioningStatus.SUSPENDED, "status after suspending: " + off);
  }

  static void versionIds(ProbeContext c) throws Exception {
    String b = versioned(c);
    String v1 = c.s3().putObject(r -> r.bucket(b).key("k"), RequestBody.fromBytes(bytes(10, 51))).versionId();
    String v2 = c.s3().putObject(r -> r.bucket(b).key("k"), RequestBody.fromBytes(bytes(10, 52))).versionId();
    c.expect(v1 != null && v2 != null && !v1.equals(v2) && !"null".equals(v1), "version ids " + v1 + ", " + v2);
    byte[] old = c.s3().getObjectAsBytes(r -> r.bucket(b).key("k").versionId(v1)).asByteArray();
    c.expect(Arrays.equals(old, bytes(10, 51)), "GET by the older id returned other bytes");
    c.alsoCheck("GET without id is not the newest", () -> Arrays.equals(get(c.s3(), b, "k"), bytes(10, 52)));
    c.alsoCheck("HEAD by id lacks the id", () -> v1.equals(c.s3().headObject(r -> r.bucket(b).key("k").versionId(v1)).versionId()));
  }

  static void deleteMarkers(ProbeContext c) throws Exception {
    String b = versioned(c);
    put(c, b, "k", bytes(10, 53));
    put(c, b, "k", bytes(10, 54));
    DeleteObjectResponse del = c.s3().deleteObject(r -> r.bucket(b).key("k"));
    c.expect(Boolean.TRUE.equals(del.deleteMarker()) && del.versionId() != null, "DELETE made no delete marker");
    c.expectRefused("GET after DELETE", 404, "NoSuchKey", () -> get(c.s3(), b, "k"));
    ListObjectVersionsResponse l = c.s3().listObjectVersions(r -> r.bucket(b));
    c.expect(l.versions().size() == 2 && l.deleteMarkers().size() == 1,
        "ListObjectVersions: " + l.versions().size() + " versions, " + l.deleteMarkers().size() + " markers");
    c.s3().deleteObject(r -> r.bucket(b).key("k").versionId(del.versionId()));
    c.alsoCheck("deleting the marker did not restore the object", () -> Arrays.equals(get(c.s3(), b, "k"), bytes(10, 54)));
  }

  static void copyVersion(ProbeContext c) throws Exception {
    String b = versioned(c);
    String v1 = c.s3().putObject(r -> r.bucket(b).key("k"), RequestBody.fromBytes(bytes(10, 55))).versionId();
    put(c, b, "k", bytes(10, 56));
    c.s3().copyObject(r -> r.sourceBucket(b).sourceKey("k").sourceVersionId(v1).destinationBucket(b).destinationKey("c"));
    c.expect(Arrays.equals(get(c.s3(), b, "c"), bytes(10, 55)), "copy holds the newest bytes, not the version's");
  }
}
