package io.s3wire.xml.internal;

import io.s3wire.xml.BucketSummary;
import io.s3wire.xml.ListAllMyBucketsResult;
import io.s3wire.xml.ListBucketResult;
import io.s3wire.xml.ListBucketResult.ListVersion;
import io.s3wire.xml.ObjectSummary;
import io.s3wire.xml.Owner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes ListAllMyBucketsResult and ListBucketResult (v1 and v2). */
public final class ListingXml {
  private ListingXml() {}

  public static ListAllMyBucketsResult readBuckets(XmlCursor c) {
    Roots.expect(c, "ListAllMyBucketsResult");
    Owner owner = null;
    List<BucketSummary> buckets = new ArrayList<>();
    String token = null;
    String prefix = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "Owner" -> owner = Roots.owner(c);
        case "Buckets" -> {
          while (c.nextChild()) {
            if (c.name().equals("Bucket")) {
              buckets.add(bucket(c));
            } else {
              c.skip();
            }
          }
        }
        case "ContinuationToken" -> token = c.text();
        case "Prefix" -> prefix = c.text();
        default -> c.skip();
      }
    }
    return new ListAllMyBucketsResult(owner, buckets, token, prefix);
  }

  private static BucketSummary bucket(XmlCursor c) {
    String name = null;
    Instant created = null;
    String region = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "Name" -> name = c.text();
        case "CreationDate" -> created = c.instantText();
        case "BucketRegion" -> region = c.text();
        default -> c.skip();
      }
    }
    return new BucketSummary(name, created, region);
  }

  public static byte[] write(ListAllMyBucketsResult r) {
    XmlOut out = XmlOut.document("ListAllMyBucketsResult");
    Roots.owner(out, "Owner", r.owner());
    out.start("Buckets");
    for (BucketSummary b : r.buckets()) {
      out.start("Bucket").leaf("Name", b.name()).leaf("CreationDate", b.creationDate())
          .leaf("BucketRegion", b.bucketRegion()).end("Bucket");
    }
    out.end("Buckets").leaf("ContinuationToken", r.continuationToken()).leaf("Prefix", r.prefix());
    return out.finish("ListAllMyBucketsResult");
  }

  public static ListBucketResult readListBucket(XmlCursor c) {
    Roots.expect(c, "ListBucketResult");
    String name = null;
    String prefix = null;
    String delimiter = null;
    int maxKeys = 0;
    String encodingType = null;
    boolean truncated = false;
    List<ObjectSummary> contents = new ArrayList<>();
    List<String> commonPrefixes = new ArrayList<>();
    String continuationToken = null;
    String nextContinuationToken = null;
    String startAfter = null;
    Integer keyCount = null;
    String marker = null;
    String nextMarker = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "Contents" -> contents.add(objectSummary(c));
        case "CommonPrefixes" -> commonPrefixes.add(Roots.commonPrefix(c));
        case "Name" -> name = c.text();
        case "Prefix" -> prefix = c.text();
        case "Delimiter" -> delimiter = c.text();
        case "MaxKeys" -> maxKeys = c.intText();
        case "EncodingType" -> encodingType = c.text();
        case "IsTruncated" -> truncated = c.booleanText();
        case "ContinuationToken" -> continuationToken = c.text();
        case "NextContinuationToken" -> nextContinuationToken = c.text();
        case "StartAfter" -> startAfter = c.text();
        case "KeyCount" -> keyCount = c.intText();
        case "Marker" -> marker = c.text();
        case "NextMarker" -> nextMarker = c.text();
        default -> c.skip();
      }
    }
    // KeyCount, ContinuationToken and StartAfter exist only in v2 answers; a v2 answer always has KeyCount.
    ListVersion version = keyCount != null || continuationToken != null || nextContinuationToken != null
        || startAfter != null ? ListVersion.V2 : ListVersion.V1;
    if ("url".equalsIgnoreCase(encodingType)) {
      prefix = UrlCoding.decode(prefix);
      delimiter = UrlCoding.decode(delimiter);
      startAfter = UrlCoding.decode(startAfter);
      marker = UrlCoding.decode(marker);
      nextMarker = UrlCoding.decode(nextMarker);
      contents.replaceAll(o -> new ObjectSummary(UrlCoding.decode(o.key()), o.lastModified(), o.eTag(), o.size(),
          o.storageClass(), o.owner()));
      commonPrefixes.replaceAll(UrlCoding::decode);
    }
    return new ListBucketResult(version, name, prefix, delimiter, maxKeys, encodingType, truncated, contents,
        commonPrefixes, continuationToken, nextContinuationToken, startAfter, keyCount, marker, nextMarker);
  }

  static ObjectSummary objectSummary(XmlCursor c) {
    EntryFields f = new EntryFields();
    while (c.nextChild()) {
      if (!f.read(c)) {
        c.skip();
      }
    }
    return new ObjectSummary(f.key, f.lastModified, f.eTag, f.size, f.storageClass, f.owner);
  }

  /** Writes in the element order S3 uses; names are url-encoded when the result says {@code encoding-type=url}. */
  public static byte[] write(ListBucketResult r) {
    boolean url = r.urlEncoded();
    XmlOut out = XmlOut.document("ListBucketResult");
    out.leaf("Name", r.name()).leafAlways("Prefix", enc(url, r.prefix()));
    if (r.version() == ListVersion.V2) {
      out.leaf("ContinuationToken", r.continuationToken())
          .leaf("NextContinuationToken", r.nextContinuationToken())
          .leaf("StartAfter", enc(url, r.startAfter()));
      // Written as held: the builder counts it for a new v2 page; a page read without one stays without.
      if (r.keyCount() != null) {
        out.leaf("KeyCount", r.keyCount());
      }
    } else {
      out.leaf("Marker", enc(url, r.marker())).leaf("NextMarker", enc(url, r.nextMarker()));
    }
    out.leaf("MaxKeys", r.maxKeys())
        .leaf("Delimiter", enc(url, r.delimiter()))
        .leaf("EncodingType", r.encodingType())
        .leaf("IsTruncated", r.truncated());
    for (ObjectSummary o : r.contents()) {
      writeContents(out, o, url);
    }
    writeCommonPrefixes(out, r.commonPrefixes(), url);
    return out.finish("ListBucketResult");
  }

  static void writeContents(XmlOut out, ObjectSummary o, boolean url) {
    out.start("Contents").leaf("Key", enc(url, o.key())).leaf("LastModified", o.lastModified())
        .leaf("ETag", o.eTag()).leaf("Size", o.size()).leaf("StorageClass", o.storageClass());
    Roots.owner(out, "Owner", o.owner());
    out.end("Contents");
  }

  /** One {@code <CommonPrefixes>} element per prefix, url-encoded when {@code url}. */
  static void writeCommonPrefixes(XmlOut out, List<String> prefixes, boolean url) {
    for (String p : prefixes) {
      out.start("CommonPrefixes").leafAlways("Prefix", enc(url, p)).end("CommonPrefixes");
    }
  }

  static String enc(boolean url, String s) {
    return url ? UrlCoding.encode(s) : s;
  }
}
