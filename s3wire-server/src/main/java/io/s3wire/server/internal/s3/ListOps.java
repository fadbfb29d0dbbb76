package io.s3wire.server.internal.s3;

import io.s3wire.server.StoredObject;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.VersionEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.s3wire.xml.ListBucketResult;
import io.s3wire.xml.ListVersionsResult;
import io.s3wire.xml.ObjectSummary;
import io.s3wire.xml.ObjectVersion;
import io.s3wire.xml.Owner;
import io.s3wire.xml.S3Xml;

/**
 * ListObjects (v1), ListObjectsV2 and ListObjectVersions with S3's semantics: UTF-8 byte order,
 * prefix, delimiter rolling keys into CommonPrefixes (each counted once against max-keys), markers
 * and continuation tokens that resume after a key or a common prefix, max-keys capped at 1,000.
 */
final class ListOps {
  private ListOps() {}

  /**
   * One page: entries (objects, or versions and delete markers) and common prefixes in order,
   * whether more follow, the last key or common prefix returned and, when that was an entry, the
   * entry.
   */
  record Page<T>(List<T> contents, List<String> prefixes, boolean truncated, String lastReturned, T lastEntry) {}

  static Page<StoredObject> page(S3Call call, String prefix, String delimiter, String after, int maxKeys)
      throws IOException {
    call.requireBucket();
    if (maxKeys == 0) {
      return new Page<>(List.of(), List.of(), false, null, null);
    }
    return page(call.store().listObjects(call.bucket, prefix, after), StoredObject::key, prefix, delimiter, after,
        maxKeys);
  }

  /**
   * Pages {@code it} (entries in key order, starting after {@code after}), rolling keys that hold
   * {@code delimiter} past {@code prefix} into common prefixes, each entry and each prefix counted
   * once against {@code maxKeys} (at least 1).
   */
  static <T> Page<T> page(Iterator<T> it, Function<T, String> keyOf, String prefix, String delimiter, String after,
      int maxKeys) {
    List<T> contents = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    // A marker that is itself a common prefix resumes after every key under it.
    String lastPrefix = !delimiter.isEmpty() && after.startsWith(prefix) && after.endsWith(delimiter)
        && after.indexOf(delimiter, prefix.length()) == after.length() - delimiter.length() ? after : null;
    int count = 0;
    String last = null;
    T lastEntry = null;
    boolean truncated = false;
    while (it.hasNext()) {
      T o = it.next();
      String key = keyOf.apply(o);
      if (!delimiter.isEmpty()) {
        int d = key.indexOf(delimiter, prefix.length());
        if (d >= 0) {
          String cp = key.substring(0, d + delimiter.length());
          if (cp.equals(lastPrefix)) {
            continue;
          }
          if (count == maxKeys) {
            truncated = true;
            break;
          }
          prefixes.add(cp);
          lastPrefix = cp;
          last = cp;
          lastEntry = null;
          count++;
          continue;
        }
      }
      if (count == maxKeys) {
        truncated = true;
        break;
      }
      contents.add(o);
      last = key;
      lastEntry = o;
      count++;
    }
    return new Page<>(contents, prefixes, truncated, last, lastEntry);
  }

  static int maxKeys(S3Call call, String param) {
    String v = call.query(param);
    if (v == null) {
      return 1000;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Math.min(n, 1000);
    } catch (NumberFormatException e) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Provided max-keys not an integer or within integer range",
          Map.of("ArgumentName", param, "ArgumentValue", v));
    }
  }

  /** Whether the listing asks for {@code encoding-type=url}; InvalidArgument for any other encoding. */
  static boolean urlEncoding(S3Call call) {
    String enc = call.query("encoding-type");
    if (enc == null) {
      return false;
    }
    if (!enc.equals("url")) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request",
          Map.of("ArgumentName", "encoding-type", "ArgumentValue", enc));
    }
    return true;
  }

  /** {@code o} listed, with its owner when {@code bucketOwner} (the bucket's) is not {@code null}. */
  private static ObjectSummary summary(S3Call call, StoredObject o, Owner bucketOwner) {
    return new ObjectSummary(o.key(), o.lastModified(), o.etag(), o.size(), "STANDARD",
        bucketOwner == null ? null : Owners.objectOwner(call, o.attributes(), bucketOwner));
  }

  static void listObjectsV2(S3Call call) throws IOException {
    boolean url = urlEncoding(call);
    String prefix = call.query.getOrDefault("prefix", "");
    String delimiter = call.query.getOrDefault("delimiter", "");
    String token = call.query("continuation-token");
    String startAfter = call.query.getOrDefault("start-after", "");
    int maxKeys = maxKeys(call, "max-keys");
    // An empty token lists from the start and is echoed back, as S3 does (ceph/s3-tests
    // test_bucket_listv2_continuationtoken_empty).
    String after = token != null && !token.isEmpty() ? decodeToken(token) : startAfter;
    boolean fetchOwner = "true".equals(call.query("fetch-owner"));
    Page<StoredObject> p = page(call, prefix, delimiter, after, maxKeys);
    ListBucketResult.Builder b = ListBucketResult.builder(ListBucketResult.ListVersion.V2, call.bucket)
        .prefix(prefix).maxKeys(maxKeys).truncated(p.truncated)
        .keyCount(p.contents.size() + p.prefixes.size())
        .continuationToken(token)
        .startAfter(startAfter.isEmpty() ? null : startAfter)
        .delimiter(delimiter.isEmpty() ? null : delimiter)
        .encodingType(url ? "url" : null)
        .nextContinuationToken(p.truncated ? encodeToken(p.lastReturned) : null)
        .commonPrefixes(p.prefixes);
    Owner bucketOwner = fetchOwner && !p.contents.isEmpty() ? Owners.bucketOwner(call, call.bucket) : null;
    for (StoredObject o : p.contents) {
      b.addContents(summary(call, o, bucketOwner));
    }
    call.xml(S3Xml.write(b.build()));
  }

  static void listObjectsV1(S3Call call) throws IOException {
    boolean url = urlEncoding(call);
    String prefix = call.query.getOrDefault("prefix", "");
    String delimiter = call.query.getOrDefault("delimiter", "");
    String marker = call.query.getOrDefault("marker", "");
    int maxKeys = maxKeys(call, "max-keys");
    Page<StoredObject> p = page(call, prefix, delimiter, marker, maxKeys);
    ListBucketResult.Builder b = ListBucketResult.builder(ListBucketResult.ListVersion.V1, call.bucket)
        .prefix(prefix).marker(marker).maxKeys(maxKeys).truncated(p.truncated)
        .delimiter(delimiter.isEmpty() ? null : delimiter)
        .encodingType(url ? "url" : null)
        // S3 sends NextMarker only with a delimiter; without one the client uses the last key.
        .nextMarker(p.truncated && !delimiter.isEmpty() ? p.lastReturned : null)
        .commonPrefixes(p.prefixes);
    Owner bucketOwner = p.contents.isEmpty() ? null : Owners.bucketOwner(call, call.bucket);
    for (StoredObject o : p.contents) {
      b.addContents(summary(call, o, bucketOwner));
    }
    call.xml(S3Xml.write(b.build()));
  }

  /**
   * ListObjectVersions: every version and delete marker, keys in order and each key's versions
   * newest first, paged by key-marker and version-id-marker.
   */
  static void listObjectVersions(S3Call call) throws IOException {
    boolean url = urlEncoding(call);
    String prefix = call.query.getOrDefault("prefix", "");
    String delimiter = call.query.getOrDefault("delimiter", "");
    String keyMarker = call.query.getOrDefault("key-marker", "");
    String versionIdMarker = call.query.getOrDefault("version-id-marker", "");
    if (!versionIdMarker.isEmpty()) {
      if (keyMarker.isEmpty()) {
        throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT,
            "A version-id marker cannot be specified without a key marker.",
            Map.of("ArgumentName", "version-id-marker", "ArgumentValue", versionIdMarker));
      }
      VersioningOps.check(versionIdMarker, "version-id-marker");
    }
    int maxKeys = maxKeys(call, "max-keys");
    call.requireBucket();
    Page<VersionEntry> p = maxKeys == 0 ? new Page<>(List.of(), List.of(), false, null, null)
        : page(call.store().listVersions(call.bucket, prefix, keyMarker, versionIdMarker), VersionEntry::key, prefix,
            delimiter, keyMarker, maxKeys);
    List<ObjectVersion> versions = new ArrayList<>();
    Owner bucketOwner = p.contents.isEmpty() ? null : Owners.bucketOwner(call, call.bucket);
    for (VersionEntry v : p.contents) {
      StoredObject o = v.object();
      // A delete marker records no writer: it is shown as the bucket owner's.
      versions.add(o == null
          ? new ObjectVersion(true, v.key(), v.versionId(), v.latest(), v.lastModified(), null, 0, null,
              bucketOwner)
          : new ObjectVersion(false, v.key(), v.versionId(), v.latest(), v.lastModified(), o.etag(), o.size(),
              "STANDARD", Owners.objectOwner(call, o.attributes(), bucketOwner)));
    }
    String nextVersionIdMarker = !p.truncated ? null : p.lastEntry != null ? p.lastEntry.versionId() : null;
    call.xml(S3Xml.write(new ListVersionsResult(call.bucket, prefix, keyMarker, versionIdMarker,
        p.truncated ? p.lastReturned : null, nextVersionIdMarker, maxKeys, delimiter.isEmpty() ? null : delimiter,
        url ? "url" : null, p.truncated, versions, p.prefixes)));
  }

  static String encodeToken(String lastReturned) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("1:" + lastReturned).getBytes(StandardCharsets.UTF_8));
  }

  static String decodeToken(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!s.startsWith("1:")) {
        throw new IllegalArgumentException();
      }
      return s.substring(2);
    } catch (IllegalArgumentException e) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "The continuation token provided is incorrect",
          Map.of("ArgumentName", "continuation-token"));
    }
  }
}
