package io.s3wire.xml.internal;

import io.s3wire.xml.CompleteMultipartUpload;
import io.s3wire.xml.CompleteMultipartUploadResult;
import io.s3wire.xml.CompletedPart;
import io.s3wire.xml.InitiateMultipartUploadResult;
import io.s3wire.xml.ListMultipartUploadsResult;
import io.s3wire.xml.ListPartsResult;
import io.s3wire.xml.MultipartUploadSummary;
import io.s3wire.xml.Owner;
import io.s3wire.xml.PartSummary;
import io.s3wire.checksum.ChecksumAlgorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes the multipart upload documents. */
public final class MultipartXml {
  private MultipartXml() {}

  public static InitiateMultipartUploadResult readInitiate(XmlCursor c) {
    Roots.expect(c, "InitiateMultipartUploadResult");
    String bucket = null;
    String key = null;
    String uploadId = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "Bucket" -> bucket = c.text();
        case "Key" -> key = c.text();
        case "UploadId" -> uploadId = c.text();
        default -> c.skip();
      }
    }
    return new InitiateMultipartUploadResult(bucket, key, uploadId);
  }

  public static byte[] write(InitiateMultipartUploadResult r) {
    return XmlOut.document("InitiateMultipartUploadResult")
        .leaf("Bucket", r.bucket()).leaf("Key", r.key()).leaf("UploadId", r.uploadId())
        .finish("InitiateMultipartUploadResult");
  }

  public static CompleteMultipartUpload readComplete(XmlCursor c) {
    c.requireRoot("CompleteMultipartUpload");
    List<CompletedPart> parts = new ArrayList<>();
    while (c.nextChild()) {
      if (c.name().equals("Part")) {
        int number = -1;
        String eTag = null;
        Map<ChecksumAlgorithm, String> checksums = ChecksumXml.values();
        while (c.nextChild()) {
          if (ChecksumXml.read(c, checksums)) {
            continue;
          }
          switch (c.name()) {
            case "PartNumber" -> number = c.intText();
            case "ETag" -> eTag = c.text();
            default -> c.skip();
          }
        }
        parts.add(new CompletedPart(number, eTag, checksums));
      } else {
        c.skip();
      }
    }
    return new CompleteMultipartUpload(parts);
  }

  public static byte[] write(CompleteMultipartUpload r) {
    XmlOut out = XmlOut.document("CompleteMultipartUpload");
    for (CompletedPart p : r.parts()) {
      out.start("Part").leaf("PartNumber", p.partNumber()).leaf("ETag", p.eTag());
      ChecksumXml.write(out, p.checksums()).end("Part");
    }
    return out.finish("CompleteMultipartUpload");
  }

  public static CompleteMultipartUploadResult readCompleteResult(XmlCursor c) {
    Roots.expect(c, "CompleteMultipartUploadResult");
    String location = null;
    String bucket = null;
    String key = null;
    String eTag = null;
    Map<ChecksumAlgorithm, String> checksums = ChecksumXml.values();
    String checksumType = null;
    while (c.nextChild()) {
      if (ChecksumXml.read(c, checksums)) {
        continue;
      }
      switch (c.name()) {
        case "Location" -> location = c.text();
        case "Bucket" -> bucket = c.text();
        case "Key" -> key = c.text();
        case "ETag" -> eTag = c.text();
        case "ChecksumType" -> checksumType = c.text();
        default -> c.skip();
      }
    }
    return new CompleteMultipartUploadResult(location, bucket, key, eTag, checksums, checksumType);
  }

  public static byte[] write(CompleteMultipartUploadResult r) {
    XmlOut out = XmlOut.document("CompleteMultipartUploadResult")
        .leaf("Location", r.location()).leaf("Bucket", r.bucket()).leaf("Key", r.key()).leaf("ETag", r.eTag());
    return ChecksumXml.write(out, r.checksums()).leaf("ChecksumType", r.checksumType())
        .finish("CompleteMultipartUploadResult");
  }

  public static ListPartsResult readListParts(XmlCursor c) {
    Roots.expect(c, "ListPartsResult");
    String bucket = null;
    String key = null;
    String uploadId = null;
    int marker = 0;
    int nextMarker = 0;
    int maxParts = 0;
    boolean truncated = false;
    List<PartSummary> parts = new ArrayList<>();
    Owner initiator = null;
    Owner owner = null;
    String storageClass = null;
    String checksumAlgorithm = null;
    String checksumType = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "Part" -> parts.add(part(c));
        case "ChecksumAlgorithm" -> checksumAlgorithm = c.text();
        case "ChecksumType" -> checksumType = c.text();
        case "Bucket" -> bucket = c.text();
        case "Key" -> key = c.text();
        case "UploadId" -> uploadId = c.text();
        case "PartNumberMarker" -> marker = intOrZero(c);
        case "NextPartNumberMarker" -> nextMarker = intOrZero(c);
        case "MaxParts" -> maxParts = c.intText();
        case "IsTruncated" -> truncated = c.booleanText();
        case "Initiator" -> initiator = Roots.owner(c);
        case "Owner" -> owner = Roots.owner(c);
        case "StorageClass" -> storageClass = c.text();
        default -> c.skip();
      }
    }
    return new ListPartsResult(bucket, key, uploadId, marker, nextMarker, maxParts, truncated, parts, initiator,
        owner, storageClass, checksumAlgorithm, checksumType);
  }

  // Some servers write an empty <PartNumberMarker/> on the first page.
  private static int intOrZero(XmlCursor c) {
    String s = c.text().trim();
    if (s.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new io.s3wire.xml.S3XmlException("malformed XML: part number marker is not a number: '"
          + XmlCursor.excerpt(s) + "'");
    }
  }

  private static PartSummary part(XmlCursor c) {
    int number = -1;
    Instant lastModified = null;
    String eTag = null;
    long size = 0;
    Map<ChecksumAlgorithm, String> checksums = ChecksumXml.values();
    while (c.nextChild()) {
      if (ChecksumXml.read(c, checksums)) {
        continue;
      }
      switch (c.name()) {
        case "PartNumber" -> number = c.intText();
        case "LastModified" -> lastModified = c.instantText();
        case "ETag" -> eTag = c.text();
        case "Size" -> size = c.longText();
        default -> c.skip();
      }
    }
    return new PartSummary(number, lastModified, eTag, size, checksums);
  }

  public static byte[] write(ListPartsResult r) {
    XmlOut out = XmlOut.document("ListPartsResult")
        .leaf("Bucket", r.bucket()).leaf("Key", r.key()).leaf("UploadId", r.uploadId());
    Roots.owner(out, "Initiator", r.initiator());
    Roots.owner(out, "Owner", r.owner());
    out.leaf("StorageClass", r.storageClass())
        .leaf("ChecksumAlgorithm", r.checksumAlgorithm())
        .leaf("ChecksumType", r.checksumType())
        .leaf("PartNumberMarker", r.partNumberMarker())
        .leaf("NextPartNumberMarker", r.nextPartNumberMarker())
        .leaf("MaxParts", r.maxParts())
        .leaf("IsTruncated", r.truncated());
    for (PartSummary p : r.parts()) {
      out.start("Part").leaf("PartNumber", p.partNumber()).leaf("LastModified", p.lastModified())
          .leaf("ETag", p.eTag()).leaf("Size", p.size());
      ChecksumXml.write(out, p.checksums()).end("Part");
    }
    return out.finish("ListPartsResult");
  }

  public static ListMultipartUploadsResult readListUploads(XmlCursor c) {
    Roots.expect(c, "ListMultipartUploadsResult");
    String bucket = null;
    String keyMarker = null;
    String uploadIdMarker = null;
    String nextKeyMarker = null;
    String nextUploadIdMarker = null;
    String prefix = null;
    String delimiter = null;
    int maxUploads = 0;
    String encodingType = null;
    boolean truncated = false;
    List<MultipartUploadSummary> uploads = new ArrayList<>();
    List<String> commonPrefixes = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "Upload" -> uploads.add(upload(c));
        case "CommonPrefixes" -> commonPrefixes.add(Roots.commonPrefix(c));
        case "Bucket" -> bucket = c.text();
        case "KeyMarker" -> keyMarker = c.text();
        case "UploadIdMarker" -> uploadIdMarker = c.text();
        case "NextKeyMarker" -> nextKeyMarker = c.text();
        case "NextUploadIdMarker" -> nextUploadIdMarker = c.text();
        case "Prefix" -> prefix = c.text();
        case "Delimiter" -> delimiter = c.text();
        case "MaxUploads" -> maxUploads = c.intText();
        case "EncodingType" -> encodingType = c.text();
        case "IsTruncated" -> truncated = c.booleanText();
        default -> c.skip();
      }
    }
    if ("url".equalsIgnoreCase(encodingType)) {
      keyMarker = UrlCoding.decode(keyMarker);
      nextKeyMarker = UrlCoding.decode(nextKeyMarker);
      prefix = UrlCoding.decode(prefix);
      delimiter = UrlCoding.decode(delimiter);
      uploads.replaceAll(u -> new MultipartUploadSummary(UrlCoding.decode(u.key()), u.uploadId(), u.initiator(),
          u.owner(), u.storageClass(), u.initiated(), u.checksumAlgorithm(), u.checksumType()));
      commonPrefixes.replaceAll(UrlCoding::decode);
    }
    return new ListMultipartUploadsResult(bucket, keyMarker, uploadIdMarker, nextKeyMarker, nextUploadIdMarker,
        prefix, delimiter, maxUploads, encodingType, truncated, uploads, commonPrefixes);
  }

  private static MultipartUploadSummary upload(XmlCursor c) {
    String key = null;
    String uploadId = null;
    Owner initiator = null;
    Owner owner = null;
    String storageClass = null;
    Instant initiated = null;
    String checksumAlgorithm = null;
    String checksumType = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "ChecksumAlgorithm" -> checksumAlgorithm = c.text();
        case "ChecksumType" -> checksumType = c.text();
        case "Key" -> key = c.text();
        case "UploadId" -> uploadId = c.text();
        case "Initiator" -> initiator = Roots.owner(c);
        case "Owner" -> owner = Roots.owner(c);
        case "StorageClass" -> storageClass = c.text();
        case "Initiated" -> initiated = c.instantText();
        default -> c.skip();
      }
    }
    return new MultipartUploadSummary(key, uploadId, initiator, owner, storageClass, initiated, checksumAlgorithm,
        checksumType);
  }

  public static byte[] write(ListMultipartUploadsResult r) {
    boolean url = r.urlEncoded();
    XmlOut out = XmlOut.document("ListMultipartUploadsResult")
        .leaf("Bucket", r.bucket())
        .leaf("KeyMarker", ListingXml.enc(url, r.keyMarker()))
        .leaf("UploadIdMarker", r.uploadIdMarker())
        .leaf("NextKeyMarker", ListingXml.enc(url, r.nextKeyMarker()))
        .leaf("NextUploadIdMarker", r.nextUploadIdMarker())
        .leaf("Prefix", ListingXml.enc(url, r.prefix()))
        .leaf("Delimiter", ListingXml.enc(url, r.delimiter()))
        .leaf("MaxUploads", r.maxUploads())
        .leaf("EncodingType", r.encodingType())
        .leaf("IsTruncated", r.truncated());
    for (MultipartUploadSummary u : r.uploads()) {
      out.start("Upload").leaf("Key", ListingXml.enc(url, u.key())).leaf("UploadId", u.uploadId());
      Roots.owner(out, "Initiator", u.initiator());
      Roots.owner(out, "Owner", u.owner());
      out.leaf("StorageClass", u.storageClass()).leaf("Initiated", u.initiated())
          .leaf("ChecksumAlgorithm", u.checksumAlgorithm()).leaf("ChecksumType", u.checksumType()).end("Upload");
    }
    ListingXml.writeCommonPrefixes(out, r.commonPrefixes(), url);
    return out.finish("ListMultipartUploadsResult");
  }
}
