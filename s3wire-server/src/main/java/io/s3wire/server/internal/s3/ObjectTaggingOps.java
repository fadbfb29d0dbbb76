package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.server.StoredObject;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.S3XmlException;
import io.s3wire.xml.internal.XmlCursor;
import io.s3wire.xml.internal.XmlOut;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Object tagging: Put/Get/DeleteObjectTagging ({@code ?tagging} on a key), the {@code x-amz-tagging}
 * header of PutObject, CreateMultipartUpload and CopyObject, and S3's limits: at most 10 tags, keys
 * of 1 to 128 and values of up to 256 Unicode characters from AWS's tag alphabet, no {@code aws:}
 * prefix, no key twice. Tags live in the object's attributes; PutObjectTagging replaces them in
 * place, leaving data, ETag and Last-Modified as they were.
 */
final class ObjectTaggingOps {
  static final String HEADER = "x-amz-tagging";
  static final String DIRECTIVE = "x-amz-tagging-directive";
  static final int MAX_TAGS = 10;
  static final int MAX_KEY = 128;
  static final int MAX_VALUE = 256;
  /** AWS's tag alphabet: letters, digits, white space and {@code _ . : / = + - @}. */
  private static final Pattern ALPHABET = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private ObjectTaggingOps() {}

  static void putObjectTagging(S3Call call) throws IOException {
    String versionId = VersioningOps.versionId(call);
    call.requireBucket();
    Map<String, String> tags = fromXml(XmlIn.readBody(call.body, XmlIn.MAX_BODY));
    changeTags(call, versionId, tags, 200);
  }

  /** Replaces the tags of the current object or of version {@code versionId}, answering its version id. */
  private static void changeTags(S3Call call, String versionId, Map<String, String> tags, int status)
      throws IOException {
    StoredObject changed = versionId == null
        ? call.store().replaceObjectAttributes(call.bucket, call.key, a -> a.withTags(tags))
        : call.store().replaceVersionAttributes(call.bucket, call.key, versionId, a -> a.withTags(tags));
    HttpHeaders h = call.responseHeaders();
    VersioningOps.describe(h, changed);
    call.respond(status, h);
  }

  static void getObjectTagging(S3Call call) throws IOException {
    String versionId = VersioningOps.versionId(call);
    call.requireBucket();
    StoredObject info = VersioningOps.head(call.store(), call.bucket, call.key, versionId, false);
    XmlOut out = XmlOut.document("Tagging").start("TagSet");
    info.attributes().tags().forEach((k, v) -> out.start("Tag").leaf("Key", k).leafAlways("Value", v).end("Tag"));
    HttpHeaders h = call.responseHeaders();
    VersioningOps.describe(h, info);
    call.xml(200, h, out.end("TagSet").finish("Tagging"));
  }

  static void deleteObjectTagging(S3Call call) throws IOException {
    String versionId = VersioningOps.versionId(call);
    call.requireBucket();
    changeTags(call, versionId, Map.of(), 204);
  }

  /** {@code x-amz-tagging-count} for an object that has tags (S3 sends none for an untagged object). */
  static void describe(HttpHeaders h, Map<String, String> tags) {
    if (!tags.isEmpty()) {
      h.set("x-amz-tagging-count", tags.size());
    }
  }

  /**
   * The tags of the {@code x-amz-tagging} header, URL query form ({@code k1=v1&k2=v2}, a missing
   * {@code =} being an empty value), validated; empty without the header.
   */
  static Map<String, String> fromHeader(S3Call call) {
    String raw = call.header(HEADER);
    Map<String, String> tags = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return tags;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k;
      String v;
      try {
        k = RequestTarget.percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
        v = eq < 0 ? "" : RequestTarget.percentDecode(pair.substring(eq + 1), true);
      } catch (IllegalArgumentException e) {
        throw badHeader();
      }
      if (tags.put(k, v) != null) {
        throw badHeader();
      }
    }
    validate(tags);
    return tags;
  }

  private static S3ErrorException badHeader() {
    return new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "The header 'x-amz-tagging' shall be encoded as UTF-8"
        + " then URLEncoded URL query parameters without tag name duplicates.", Map.of("ArgumentName", HEADER));
  }

  /**
   * The tags a CopyObject gives its target: the source's under {@code x-amz-tagging-directive} COPY
   * (the default), the request's {@code x-amz-tagging} under REPLACE.
   */
  static Map<String, String> forCopy(S3Call call, Map<String, String> sourceTags) {
    String directive = call.header(DIRECTIVE);
    if (directive == null || directive.equalsIgnoreCase("COPY")) {
      return sourceTags;
    }
    if (directive.equalsIgnoreCase("REPLACE")) {
      return fromHeader(call);
    }
    throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Unknown tagging directive.",
        Map.of("ArgumentName", DIRECTIVE, "ArgumentValue", directive));
  }

  /** A {@code <Tagging>} document's tags, validated; MalformedXML when it is not one. */
  static Map<String, String> fromXml(byte[] body) {
    Map<String, String> tags = new LinkedHashMap<>();
    boolean sawTagSet = false;
    try (XmlCursor c = XmlCursor.open(body)) {
      c.requireRoot("Tagging");
      while (c.nextChild()) {
        if (!c.name().equals("TagSet") || sawTagSet) {
          throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
        }
        sawTagSet = true;
        while (c.nextChild()) {
          if (!c.name().equals("Tag")) {
            throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
          }
          String key = null;
          String value = null;
          while (c.nextChild()) {
            switch (c.name()) {
              case "Key" -> key = c.text();
              case "Value" -> value = c.text();
              default -> throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
            }
          }
          if (key == null || value == null) {
            throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
          }
          if (tags.put(key, value) != null) {
            throw new S3ErrorException(S3ErrorCode.INVALID_TAG, "Cannot provide multiple Tags with the same key");
          }
        }
      }
    } catch (S3XmlException | IllegalArgumentException e) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    if (!sawTagSet) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_XML);
    }
    validate(tags);
    return tags;
  }

  /** S3's checks, tag by tag in order, then the count (the order AWS was seen to report them in). */
  static void validate(Map<String, String> tags) {
    for (Map.Entry<String, String> t : tags.entrySet()) {
      String k = t.getKey();
      String v = t.getValue();
      if (k.codePointCount(0, k.length()) > MAX_KEY) {
        throw invalidTag("The TagKey you have provided is too long, max " + MAX_KEY);
      }
      if (v.codePointCount(0, v.length()) > MAX_VALUE) {
        throw invalidTag("The TagValue you have provided is too long, max " + MAX_VALUE);
      }
      if (k.isEmpty() || !ALPHABET.matcher(k).matches()) {
        throw invalidTag("The TagKey you have provided is invalid");
      }
      if (!ALPHABET.matcher(v).matches()) {
        throw invalidTag("The TagValue you have provided is invalid");
      }
      if (k.toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw invalidTag("Your TagKey cannot be prefixed with aws:");
      }
    }
    if (tags.size() > MAX_TAGS) {
      throw new S3ErrorException(S3ErrorCode.BAD_REQUEST, "Object tags cannot be greater than " + MAX_TAGS);
    }
  }

  private static S3ErrorException invalidTag(String message) {
    return new S3ErrorException(S3ErrorCode.INVALID_TAG, message);
  }
}
