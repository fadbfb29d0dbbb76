package io.s3wire.server.internal.bucketconfig;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.internal.XmlOut;

/**
 * A bucket's {@code <ObjectLockConfiguration>}: {@code ObjectLockEnabled} and an optional default
 * retention (mode GOVERNANCE or COMPLIANCE, a positive number of Days or of Years, not both).
 * Stored and returned; its default retention locks new object versions ({@link ObjectLockDocuments}).
 */
public final class ObjectLockConfiguration {
  private ObjectLockConfiguration() {}

  /** The document a bucket created with {@code x-amz-bucket-object-lock-enabled: true} starts with. */
  public static byte[] enabled() {
    return XmlOut.document("ObjectLockConfiguration").leaf("ObjectLockEnabled", "Enabled")
        .finish("ObjectLockConfiguration");
  }

  /** Validates a PutObjectLockConfiguration body; returns the document to store. */
  public static byte[] validate(byte[] body) {
    XmlTree root = XmlTree.parse(body, "ObjectLockConfiguration").only("ObjectLockEnabled", "Rule");
    if (!"Enabled".equals(root.textOf("ObjectLockEnabled"))) {
      throw XmlTree.malformed();
    }
    XmlOut out = XmlOut.document("ObjectLockConfiguration").leaf("ObjectLockEnabled", "Enabled");
    XmlTree rule = root.one("Rule");
    if (rule != null) {
      XmlTree retention = rule.only("DefaultRetention").required("DefaultRetention")
          .only("Mode", "Days", "Years");
      String mode = retention.textOf("Mode");
      if (!"GOVERNANCE".equals(mode) && !"COMPLIANCE".equals(mode)) {
        throw XmlTree.malformed();
      }
      Integer days = retention.intOf("Days");
      Integer years = retention.intOf("Years");
      if ((days == null) == (years == null)) {
        throw XmlTree.malformed();
      }
      int period = days != null ? days : years;
      if (period <= 0) {
        throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT,
            "Default retention period must be a positive integer value.");
      }
      out.start("Rule").start("DefaultRetention").leaf("Mode", mode);
      if (days != null) {
        out.leaf("Days", days.longValue());
      } else {
        out.leaf("Years", years.longValue());
      }
      out.end("DefaultRetention").end("Rule");
    }
    return out.finish("ObjectLockConfiguration");
  }
}
