package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.http.HttpDate;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.StoredObject;
import io.s3wire.server.ObjectParts;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.GetObjectAttributesParts;
import io.s3wire.xml.GetObjectAttributesResult;
import io.s3wire.xml.ObjectPart;
import io.s3wire.xml.S3Xml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GetObjectAttributes ({@code GET /bucket/key?attributes}), answered as S3 answers it: only the
 * attributes {@code x-amz-object-attributes} names (one header with a comma-separated list, or the
 * header repeated, as the Java SDK sends it); the ETag without quotes; a COMPOSITE checksum without
 * its {@code -N}; {@code <ObjectParts>} only for a multipart object, with just the parts count
 * unless the object's checksum is COMPOSITE, when it is a page of the parts (size and own checksum)
 * chosen by {@code x-amz-part-number-marker} and {@code x-amz-max-parts} (at most 1,000; values that
 * are not a non-negative integer are ignored, as by S3); the {@code Last-Modified} header; the
 * conditional headers as GetObject honours them.
 */
final class AttributesOp {
  static final String HEADER = "x-amz-object-attributes";
  /** The attributes S3 knows, in the order its answer carries them. */
  private static final List<String> KNOWN = List.of("ETag", "Checksum", "ObjectParts", "StorageClass", "ObjectSize");
  private static final int MAX_PARTS = 1000;

  private AttributesOp() {}

  static void getObjectAttributes(S3Call call) throws IOException {
    String versionId = VersioningOps.versionId(call);
    call.requireBucket();
    Set<String> wanted = wanted(call);
    ObjectParts parts = VersioningOps.parts(call.store(), call.bucket, call.key, versionId);
    StoredObject info = parts.info();
    // An SSE-C object's attributes are read with its key, as its bytes are.
    Encryption.checkRead(call, info.attributes().encryption());
    Conditionals.check(call, info, "", true);
    ObjectChecksum checksum = info.checksum();
    boolean withChecksum = wanted.contains("Checksum") && checksum != null;
    GetObjectAttributesResult result = new GetObjectAttributesResult(
        wanted.contains("ETag") ? Conditionals.unquote(info.etag()) : null,
        withChecksum ? Map.of(checksum.algorithm(), withoutPartCount(checksum)) : Map.of(),
        withChecksum ? checksum.type().name() : null,
        wanted.contains("ObjectParts") && parts.isMultipart() ? objectParts(call, parts) : null,
        wanted.contains("StorageClass") ? "STANDARD" : null,
        wanted.contains("ObjectSize") ? info.size() : null);
    HttpHeaders h = call.responseHeaders();
    h.set("last-modified", HttpDate.format(info.lastModified()));
    VersioningOps.describe(h, info);
    call.xml(200, h, S3Xml.write(result));
  }

  /**
   * The attributes the request names.
   *
   * @throws S3ErrorException InvalidRequest when it names none, InvalidArgument for a name S3 does
   *     not know (names are case-sensitive)
   */
  private static Set<String> wanted(S3Call call) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String value : call.requestHeaders().getAll(HEADER)) {
      for (String name : value.split(",")) {
        String n = name.trim();
        if (n.isEmpty()) {
          continue;
        }
        if (!KNOWN.contains(n)) {
          throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Invalid attribute name specified.",
              Map.of("ArgumentName", HEADER, "ArgumentValue", n));
        }
        wanted.add(n);
      }
    }
    if (wanted.isEmpty()) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
          "The x-amz-object-attributes header specifying the attributes to be retrieved is either missing or empty");
    }
    return wanted;
  }

  /** S3 gives a COMPOSITE checksum here without the {@code -N} it carries everywhere else. */
  private static String withoutPartCount(ObjectChecksum checksum) {
    String v = checksum.value();
    return checksum.type() == ChecksumType.COMPOSITE ? v.substring(0, v.lastIndexOf('-')) : v;
  }

  private static GetObjectAttributesParts objectParts(S3Call call, ObjectParts parts) {
    int count = parts.partSizes().size();
    ObjectChecksum checksum = parts.info().checksum();
    if (checksum == null || checksum.type() != ChecksumType.COMPOSITE) {
      // S3 lists the parts only of an object with a COMPOSITE checksum (ListParts-like); else the count.
      return GetObjectAttributesParts.countOnly(count);
    }
    int marker = nonNegative(call.header("x-amz-part-number-marker"), 0);
    int max = Math.min(nonNegative(call.header("x-amz-max-parts"), MAX_PARTS), MAX_PARTS);
    List<ObjectPart> page = new ArrayList<>();
    boolean truncated = false;
    for (int n = marker + 1; n <= count; n++) {
      if (page.size() == max) {
        truncated = true;
        break;
      }
      ObjectChecksum own = parts.partChecksum(n);
      page.add(new ObjectPart(n, parts.partSizes().get(n - 1), own == null ? Map.of() : Map.of(own.algorithm(),
          own.value())));
    }
    int next = page.isEmpty() ? 0 : page.get(page.size() - 1).partNumber();
    return new GetObjectAttributesParts(count, marker, next, max, truncated, page);
  }

  /** A header's non-negative integer value; {@code dflt} when absent or anything else. */
  private static int nonNegative(String value, int dflt) {
    if (value == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(value.trim());
      return n >= 0 ? n : dflt;
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
