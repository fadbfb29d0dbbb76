package io.s3wire.server.internal.s3;

import io.s3wire.server.ObjectInfo;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * ListObjects (v1), ListObjectsV2 and ListObjectVersions with S3's semantics: UTF-8 byte order,
 * prefix, delimiter rolling keys into CommonPrefixes (each counted once against max-keys), markers
 * and continuation tokens that resume after a key or a common prefix, max-keys capped at 1,000.
 */
final class ListOps {
  private ListOps() {}

  /** One page: objects and common prefixes in order, whether more follow, and the last entry returned. */
  record Page(List<ObjectInfo> contents, List<String> prefixes, boolean truncated, String lastReturned) {}

  static Page page(S3Call call, String prefix, String delimiter, String after, int maxKeys) throws IOException {
    call.requireBucket();
    List<ObjectInfo> contents = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    if (maxKeys == 0) {
      return new Page(contents, prefixes, false, null);
    }
    // A marker that is itself a common prefix resumes after every key under it.
    String lastPrefix = !delimiter.isEmpty() && after.startsWith(prefix) && after.endsWith(delimiter)
        && after.indexOf(delimiter, prefix.length()) == after.length() - delimiter.length() ? after : null;
    Iterator<ObjectInfo> it = call.store().listObjects(call.bucket, prefix, after);
    int count = 0;
    String last = null;
    boolean truncated = false;
    while (it.hasNext()) {
      ObjectInfo o = it.next();
      String key = o.key();
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
      count++;
    }
    return new Page(contents, prefixes, truncated, last);
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

  private static boolean urlEncoding(S3Call call) {
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

  private static String enc(boolean url, String s) {
    return s == null ? null : url ? RequestTarget.urlEncode(s) : s;
  }

  private static void contents(XmlOut x, String element, ObjectInfo o, boolean url, boolean owner, boolean versions) {
    x.start(element).element("Key", enc(url, o.key()));
    if (versions) {
      x.element("VersionId", "null").element("IsLatest", "true");
    }
    x.element("LastModified", S3Call.xmlDate(o.lastModified())).element("ETag", o.etag())
        .element("Size", o.size());
    if (owner) {
      x.start("Owner").element("ID", BucketOps.OWNER_ID).element("DisplayName", BucketOps.OWNER_NAME).end("Owner");
    }
    x.element("StorageClass", "STANDARD").end(element);
  }

  private static void prefixes(XmlOut x, Page p, boolean url) {
    for (String cp : p.prefixes) {
      x.start("CommonPrefixes").element("Prefix", enc(url, cp)).end("CommonPrefixes");
    }
  }

  static void listObjectsV2(S3Call call) throws IOException {
    boolean url = urlEncoding(call);
    String prefix = call.query.getOrDefault("prefix", "");
    String delimiter = call.query.getOrDefault("delimiter", "");
    String token = call.query("continuation-token");
    String startAfter = call.query.getOrDefault("start-after", "");
    int maxKeys = maxKeys(call, "max-keys");
    String after = startAfter;
    if (token != null) {
      after = decodeToken(token);
    }
    boolean fetchOwner = "true".equals(call.query("fetch-owner"));
    Page p = page(call, prefix, delimiter, after, maxKeys);
    XmlOut x = XmlOut.document("ListBucketResult");
    x.element("Name", call.bucket).element("Prefix", enc(url, prefix));
    if (token != null) {
      x.element("ContinuationToken", token);
    }
    if (!startAfter.isEmpty()) {
      x.element("StartAfter", enc(url, startAfter));
    }
    x.element("KeyCount", p.contents.size() + p.prefixes.size()).element("MaxKeys", maxKeys);
    if (!delimiter.isEmpty()) {
      x.element("Delimiter", enc(url, delimiter));
    }
    if (url) {
      x.element("EncodingType", "url");
    }
    x.element("IsTruncated", p.truncated);
    if (p.truncated) {
      x.element("NextContinuationToken", encodeToken(p.lastReturned));
    }
    for (ObjectInfo o : p.contents) {
      contents(x, "Contents", o, url, fetchOwner, false);
    }
    prefixes(x, p, url);
    call.xml(x.finish("ListBucketResult"));
  }

  static void listObjectsV1(S3Call call) throws IOException {
    boolean url = urlEncoding(call);
    String prefix = call.query.getOrDefault("prefix", "");
    String delimiter = call.query.getOrDefault("delimiter", "");
    String marker = call.query.getOrDefault("marker", "");
    int maxKeys = maxKeys(call, "max-keys");
    Page p = page(call, prefix, delimiter, marker, maxKeys);
    XmlOut x = XmlOut.document("ListBucketResult");
    x.element("Name", call.bucket).element("Prefix", enc(url, prefix)).element("Marker", enc(url, marker))
        .element("MaxKeys", maxKeys);
    if (!delimiter.isEmpty()) {
      x.element("Delimiter", enc(url, delimiter));
    }
    if (url) {
      x.element("EncodingType", "url");
    }
    x.element("IsTruncated", p.truncated);
    if (p.truncated && !delimiter.isEmpty()) {
      // S3 sends NextMarker only with a delimiter; without one the client uses the last key.
      x.element("NextMarker", enc(url, p.lastReturned));
    }
    for (ObjectInfo o : p.contents) {
      contents(x, "Contents", o, url, true, false);
    }
    prefixes(x, p, url);
    call.xml(x.finish("ListBucketResult"));
  }

  static void listObjectVersions(S3Call call) throws IOException {
    boolean url = urlEncoding(call);
    String prefix = call.query.getOrDefault("prefix", "");
    String delimiter = call.query.getOrDefault("delimiter", "");
    String keyMarker = call.query.getOrDefault("key-marker", "");
    int maxKeys = maxKeys(call, "max-keys");
    Page p = page(call, prefix, delimiter, keyMarker, maxKeys);
    XmlOut x = XmlOut.document("ListVersionsResult");
    x.element("Name", call.bucket).element("Prefix", enc(url, prefix)).element("KeyMarker", enc(url, keyMarker))
        .element("VersionIdMarker", call.query.getOrDefault("version-id-marker", "")).element("MaxKeys", maxKeys);
    if (!delimiter.isEmpty()) {
      x.element("Delimiter", enc(url, delimiter));
    }
    if (url) {
      x.element("EncodingType", "url");
    }
    x.element("IsTruncated", p.truncated);
    if (p.truncated) {
      x.element("NextKeyMarker", enc(url, p.lastReturned)).element("NextVersionIdMarker", "null");
    }
    for (ObjectInfo o : p.contents) {
      contents(x, "Version", o, url, true, true);
    }
    prefixes(x, p, url);
    call.xml(x.finish("ListVersionsResult"));
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
