package io.s3wire.server.internal.bucketconfig;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.internal.XmlOut;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bucket's {@code <Tagging>} document, validated with S3's limits for bucket tags: at most 50
 * tags, keys of 1-128 and values of 0-256 Unicode characters from S3's allowed set, no duplicate
 * keys, no key starting with {@code aws:}. Violations are InvalidTag; a document of the wrong
 * shape is MalformedXML.
 */
public final class BucketTagging {
  static final int MAX_TAGS = 50;
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private BucketTagging() {}

  /** Validates a PutBucketTagging body; returns the document to store (and to answer GetBucketTagging with). */
  public static byte[] validate(byte[] body) {
    XmlTree root = XmlTree.parse(body, "Tagging");
    XmlTree tagSet = root.required("TagSet");
    Map<String, String> tags = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (XmlTree tag : tagSet.all("Tag")) {
      XmlTree keyElement = tag.required("Key");
      XmlTree valueElement = tag.required("Value");
      String key = keyElement.text();
      String value = valueElement.text();
      if (!seen.add(key)) {
        throw invalid("Cannot provide multiple Tags with the same key");
      }
      int keyChars = key.codePointCount(0, key.length());
      if (keyChars == 0 || keyChars > 128) {
        throw invalid(keyChars == 0 ? "The TagKey you have provided is invalid"
            : "The TagKey you have provided is too long, max 128");
      }
      if (value.codePointCount(0, value.length()) > 256) {
        throw invalid("The TagValue you have provided is too long, max 256");
      }
      if (key.regionMatches(true, 0, "aws:", 0, 4)) {
        throw invalid("System tags cannot be added/updated by requester");
      }
      if (!ALLOWED.matcher(key).matches()) {
        throw invalid("The TagKey you have provided is invalid");
      }
      if (!ALLOWED.matcher(value).matches()) {
        throw invalid("The TagValue you have provided is invalid");
      }
      tags.put(key, value);
    }
    if (tags.size() > MAX_TAGS) {
      throw invalid("Bucket tag count cannot be greater than 50");
    }
    XmlOut out = XmlOut.document("Tagging").start("TagSet");
    tags.forEach((k, v) -> out.start("Tag").leafAlways("Key", k).leafAlways("Value", v).end("Tag"));
    return out.end("TagSet").finish("Tagging");
  }

  private static S3ErrorException invalid(String message) {
    return new S3ErrorException(S3ErrorCode.INVALID_TAG, message);
  }
}
