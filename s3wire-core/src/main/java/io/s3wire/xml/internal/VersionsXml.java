package io.s3wire.xml.internal;

import io.s3wire.xml.ListVersionsResult;
import io.s3wire.xml.ObjectVersion;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes ListVersionsResult. */
public final class VersionsXml {
  private VersionsXml() {}

  public static ListVersionsResult read(XmlCursor c) {
    Roots.expect(c, "ListVersionsResult");
    String name = null;
    String prefix = null;
    String keyMarker = null;
    String versionIdMarker = null;
    String nextKeyMarker = null;
    String nextVersionIdMarker = null;
    int maxKeys = 0;
    String delimiter = null;
    String encodingType = null;
    boolean truncated = false;
    List<ObjectVersion> versions = new ArrayList<>();
    List<String> commonPrefixes = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "Version" -> versions.add(version(c, false));
        case "DeleteMarker" -> versions.add(version(c, true));
        case "CommonPrefixes" -> commonPrefixes.add(Roots.commonPrefix(c));
        case "Name" -> name = c.text();
        case "Prefix" -> prefix = c.text();
        case "KeyMarker" -> keyMarker = c.text();
        case "VersionIdMarker" -> versionIdMarker = c.text();
        case "NextKeyMarker" -> nextKeyMarker = c.text();
        case "NextVersionIdMarker" -> nextVersionIdMarker = c.text();
        case "MaxKeys" -> maxKeys = c.intText();
        case "Delimiter" -> delimiter = c.text();
        case "EncodingType" -> encodingType = c.text();
        case "IsTruncated" -> truncated = c.booleanText();
        default -> c.skip();
      }
    }
    if ("url".equalsIgnoreCase(encodingType)) {
      prefix = UrlCoding.decode(prefix);
      keyMarker = UrlCoding.decode(keyMarker);
      nextKeyMarker = UrlCoding.decode(nextKeyMarker);
      delimiter = UrlCoding.decode(delimiter);
      versions.replaceAll(v -> new ObjectVersion(v.deleteMarker(), UrlCoding.decode(v.key()), v.versionId(),
          v.latest(), v.lastModified(), v.eTag(), v.size(), v.storageClass(), v.owner()));
      commonPrefixes.replaceAll(UrlCoding::decode);
    }
    return new ListVersionsResult(name, prefix, keyMarker, versionIdMarker, nextKeyMarker, nextVersionIdMarker,
        maxKeys, delimiter, encodingType, truncated, versions, commonPrefixes);
  }

  private static ObjectVersion version(XmlCursor c, boolean deleteMarker) {
    EntryFields f = new EntryFields();
    String versionId = null;
    boolean latest = false;
    while (c.nextChild()) {
      switch (c.name()) {
        case "VersionId" -> versionId = c.text();
        case "IsLatest" -> latest = c.booleanText();
        default -> {
          if (!f.read(c)) {
            c.skip();
          }
        }
      }
    }
    return new ObjectVersion(deleteMarker, f.key, versionId, latest, f.lastModified, f.eTag, f.size, f.storageClass,
        f.owner);
  }

  public static byte[] write(ListVersionsResult r) {
    boolean url = r.urlEncoded();
    XmlOut out = XmlOut.document("ListVersionsResult");
    out.leaf("Name", r.name())
        .leafAlways("Prefix", ListingXml.enc(url, r.prefix()))
        .leaf("KeyMarker", ListingXml.enc(url, r.keyMarker()))
        .leaf("VersionIdMarker", r.versionIdMarker())
        .leaf("NextKeyMarker", ListingXml.enc(url, r.nextKeyMarker()))
        .leaf("NextVersionIdMarker", r.nextVersionIdMarker())
        .leaf("MaxKeys", r.maxKeys())
        .leaf("Delimiter", ListingXml.enc(url, r.delimiter()))
        .leaf("EncodingType", r.encodingType())
        .leaf("IsTruncated", r.truncated());
    for (ObjectVersion v : r.versions()) {
      String element = v.deleteMarker() ? "DeleteMarker" : "Version";
      out.start(element)
          .leaf("Key", ListingXml.enc(url, v.key()))
          .leaf("VersionId", v.versionId() == null ? "null" : v.versionId())
          .leaf("IsLatest", v.latest())
          .leaf("LastModified", v.lastModified());
      if (!v.deleteMarker()) {
        out.leaf("ETag", v.eTag()).leaf("Size", v.size()).leaf("StorageClass", v.storageClass());
      }
      Roots.owner(out, "Owner", v.owner());
      out.end(element);
    }
    ListingXml.writeCommonPrefixes(out, r.commonPrefixes(), url);
    return out.finish("ListVersionsResult");
  }
}
