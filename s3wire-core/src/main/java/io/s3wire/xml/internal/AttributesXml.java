package io.s3wire.xml.internal;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.xml.GetObjectAttributesParts;
import io.s3wire.xml.GetObjectAttributesResult;
import io.s3wire.xml.ObjectPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes GetObjectAttributes' answer. Elements are written in the order S3 writes them
 * (ETag, Checksum, ObjectParts, StorageClass, ObjectSize; within ObjectParts PartsCount,
 * PartNumberMarker, NextPartNumberMarker, MaxParts, IsTruncated, then the parts), which a few
 * clients depend on.
 */
public final class AttributesXml {
  private static final String ROOT = "GetObjectAttributesResponse";

  private AttributesXml() {}

  public static byte[] write(GetObjectAttributesResult r) {
    XmlOut out = XmlOut.document(ROOT).leaf("ETag", r.eTag());
    if (!r.checksums().isEmpty() || r.checksumType() != null) {
      ChecksumXml.write(out.start("Checksum"), r.checksums()).leaf("ChecksumType", r.checksumType()).end("Checksum");
    }
    GetObjectAttributesParts p = r.objectParts();
    if (p != null) {
      out.start("ObjectParts").leaf("PartsCount", p.partsCount());
      optional(out, "PartNumberMarker", p.partNumberMarker());
      optional(out, "NextPartNumberMarker", p.nextPartNumberMarker());
      optional(out, "MaxParts", p.maxParts());
      if (p.truncated() != null) {
        out.leaf("IsTruncated", p.truncated().booleanValue());
      }
      for (ObjectPart part : p.parts()) {
        out.start("Part").leaf("PartNumber", part.partNumber()).leaf("Size", part.size());
        ChecksumXml.write(out, part.checksums()).end("Part");
      }
      out.end("ObjectParts");
    }
    out.leaf("StorageClass", r.storageClass());
    if (r.objectSize() != null) {
      out.leaf("ObjectSize", r.objectSize().longValue());
    }
    return out.finish(ROOT);
  }

  private static void optional(XmlOut out, String name, Integer value) {
    if (value != null) {
      out.leaf(name, value.longValue());
    }
  }

  public static GetObjectAttributesResult read(XmlCursor c) {
    Roots.expect(c, ROOT);
    String eTag = null;
    Map<ChecksumAlgorithm, String> checksums = ChecksumXml.values();
    String checksumType = null;
    GetObjectAttributesParts parts = null;
    String storageClass = null;
    Long size = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "ETag" -> eTag = c.text();
        case "Checksum" -> {
          while (c.nextChild()) {
            if (c.name().equals("ChecksumType")) {
              checksumType = c.text();
            } else if (!ChecksumXml.read(c, checksums)) {
              c.skip();
            }
          }
        }
        case "ObjectParts" -> parts = parts(c);
        case "StorageClass" -> storageClass = c.text();
        case "ObjectSize" -> size = c.longText();
        default -> c.skip();
      }
    }
    return new GetObjectAttributesResult(eTag, checksums, checksumType, parts, storageClass, size);
  }

  private static GetObjectAttributesParts parts(XmlCursor c) {
    int count = 0;
    Integer marker = null;
    Integer next = null;
    Integer max = null;
    Boolean truncated = null;
    List<ObjectPart> parts = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "PartsCount", "TotalPartsCount" -> count = c.intText();
        case "PartNumberMarker" -> marker = c.intText();
        case "NextPartNumberMarker" -> next = c.intText();
        case "MaxParts" -> max = c.intText();
        case "IsTruncated" -> truncated = c.booleanText();
        case "Part" -> parts.add(part(c));
        default -> c.skip();
      }
    }
    return new GetObjectAttributesParts(count, marker, next, max, truncated, parts);
  }

  private static ObjectPart part(XmlCursor c) {
    int number = -1;
    long size = 0;
    Map<ChecksumAlgorithm, String> checksums = ChecksumXml.values();
    while (c.nextChild()) {
      if (ChecksumXml.read(c, checksums)) {
        continue;
      }
      switch (c.name()) {
        case "PartNumber" -> number = c.intText();
        case "Size" -> size = c.longText();
        default -> c.skip();
      }
    }
    return new ObjectPart(number, size, checksums);
  }
}
