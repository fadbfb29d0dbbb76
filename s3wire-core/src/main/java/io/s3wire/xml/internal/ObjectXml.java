package io.s3wire.xml.internal;

import io.s3wire.xml.CopyObjectResult;
import io.s3wire.xml.CopyPartResult;
import io.s3wire.xml.CreateBucketConfiguration;
import io.s3wire.xml.DeleteError;
import io.s3wire.xml.DeleteRequest;
import io.s3wire.xml.DeleteResult;
import io.s3wire.xml.DeletedObject;
import io.s3wire.xml.LocationConstraint;
import io.s3wire.xml.ObjectIdentifier;
import io.s3wire.xml.VersioningConfiguration;
import io.s3wire.checksum.ChecksumAlgorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes copy results, DeleteObjects, bucket location and versioning documents. */
public final class ObjectXml {
  private ObjectXml() {}

  public static CopyObjectResult readCopyObject(XmlCursor c) {
    Roots.expect(c, "CopyObjectResult");
    CopyFields f = copyFields(c);
    return new CopyObjectResult(f.eTag, f.lastModified, f.checksums, f.checksumType);
  }

  public static CopyPartResult readCopyPart(XmlCursor c) {
    Roots.expect(c, "CopyPartResult");
    CopyFields f = copyFields(c);
    return new CopyPartResult(f.eTag, f.lastModified, f.checksums);
  }

  private static final class CopyFields {
    String eTag;
    Instant lastModified;
    String checksumType;
    final Map<ChecksumAlgorithm, String> checksums = ChecksumXml.values();
  }

  private static CopyFields copyFields(XmlCursor c) {
    CopyFields f = new CopyFields();
    while (c.nextChild()) {
      if (ChecksumXml.read(c, f.checksums)) {
        continue;
      }
      switch (c.name()) {
        case "ETag" -> f.eTag = c.text();
        case "LastModified" -> f.lastModified = c.instantText();
        case "ChecksumType" -> f.checksumType = c.text();
        default -> c.skip();
      }
    }
    return f;
  }

  public static byte[] write(CopyObjectResult r) {
    XmlOut out = XmlOut.document("CopyObjectResult").leaf("LastModified", r.lastModified()).leaf("ETag", r.eTag())
        .leaf("ChecksumType", r.checksumType());
    return ChecksumXml.write(out, r.checksums()).finish("CopyObjectResult");
  }

  public static byte[] write(CopyPartResult r) {
    XmlOut out = XmlOut.document("CopyPartResult").leaf("LastModified", r.lastModified()).leaf("ETag", r.eTag());
    return ChecksumXml.write(out, r.checksums()).finish("CopyPartResult");
  }

  public static DeleteRequest readDelete(XmlCursor c) {
    c.requireRoot("Delete");
    boolean quiet = false;
    List<ObjectIdentifier> objects = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "Quiet" -> quiet = c.booleanText();
        case "Object" -> {
          String key = null;
          String versionId = null;
          while (c.nextChild()) {
            switch (c.name()) {
              case "Key" -> key = c.text();
              case "VersionId" -> versionId = c.text();
              default -> c.skip();
            }
          }
          objects.add(new ObjectIdentifier(key, versionId));
        }
        default -> c.skip();
      }
    }
    return new DeleteRequest(quiet, objects);
  }

  public static byte[] write(DeleteRequest r) {
    XmlOut out = XmlOut.document("Delete");
    if (r.quiet()) {
      out.leaf("Quiet", true);
    }
    for (ObjectIdentifier o : r.objects()) {
      out.start("Object").leaf("Key", o.key()).leaf("VersionId", o.versionId()).end("Object");
    }
    return out.finish("Delete");
  }

  public static DeleteResult readDeleteResult(XmlCursor c) {
    Roots.expect(c, "DeleteResult");
    List<DeletedObject> deleted = new ArrayList<>();
    List<DeleteError> errors = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "Deleted" -> deleted.add(deleted(c));
        case "Error" -> errors.add(deleteError(c));
        default -> c.skip();
      }
    }
    return new DeleteResult(deleted, errors);
  }

  private static DeletedObject deleted(XmlCursor c) {
    String key = null;
    String versionId = null;
    Boolean marker = null;
    String markerVersionId = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "Key" -> key = c.text();
        case "VersionId" -> versionId = c.text();
        case "DeleteMarker" -> marker = c.booleanText();
        case "DeleteMarkerVersionId" -> markerVersionId = c.text();
        default -> c.skip();
      }
    }
    return new DeletedObject(key, versionId, marker, markerVersionId);
  }

  private static DeleteError deleteError(XmlCursor c) {
    String key = null;
    String versionId = null;
    String code = null;
    String message = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "Key" -> key = c.text();
        case "VersionId" -> versionId = c.text();
        case "Code" -> code = c.text();
        case "Message" -> message = c.text();
        default -> c.skip();
      }
    }
    return new DeleteError(key, versionId, code, message);
  }

  public static byte[] write(DeleteResult r) {
    XmlOut out = XmlOut.document("DeleteResult");
    for (DeletedObject d : r.deleted()) {
      out.start("Deleted").leaf("Key", d.key()).leaf("VersionId", d.versionId());
      if (d.deleteMarker() != null) {
        out.leaf("DeleteMarker", d.deleteMarker().booleanValue());
      }
      out.leaf("DeleteMarkerVersionId", d.deleteMarkerVersionId()).end("Deleted");
    }
    for (DeleteError e : r.errors()) {
      out.start("Error").leaf("Key", e.key()).leaf("VersionId", e.versionId()).leaf("Code", e.code())
          .leaf("Message", e.message()).end("Error");
    }
    return out.finish("DeleteResult");
  }

  public static CreateBucketConfiguration readCreateBucket(XmlCursor c) {
    c.requireRoot("CreateBucketConfiguration");
    String location = null;
    while (c.nextChild()) {
      if (c.name().equals("LocationConstraint")) {
        location = c.text();
      } else {
        c.skip();
      }
    }
    return new CreateBucketConfiguration(location);
  }

  public static byte[] write(CreateBucketConfiguration r) {
    return XmlOut.document("CreateBucketConfiguration").leaf("LocationConstraint", r.locationConstraint())
        .finish("CreateBucketConfiguration");
  }

  public static LocationConstraint readLocation(XmlCursor c) {
    Roots.expect(c, "LocationConstraint");
    return new LocationConstraint(c.text());
  }

  public static byte[] write(LocationConstraint r) {
    return XmlOut.documentWithText("LocationConstraint", r.value());
  }

  public static VersioningConfiguration readVersioning(XmlCursor c) {
    Roots.expect(c, "VersioningConfiguration");
    String status = null;
    String mfaDelete = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "Status" -> status = c.text();
        case "MfaDelete", "MFADelete" -> mfaDelete = c.text();
        default -> c.skip();
      }
    }
    return new VersioningConfiguration(status, mfaDelete);
  }

  public static byte[] write(VersioningConfiguration r) {
    return XmlOut.document("VersioningConfiguration").leaf("Status", r.status()).leaf("MfaDelete", r.mfaDelete())
        .finish("VersioningConfiguration");
  }
}
