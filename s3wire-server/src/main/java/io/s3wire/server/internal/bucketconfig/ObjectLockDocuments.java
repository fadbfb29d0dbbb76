package io.s3wire.server.internal.bucketconfig;

import io.s3wire.xml.internal.S3Timestamps;
import io.s3wire.xml.internal.XmlOut;
import java.time.Instant;

/**
 * The object lock documents of single object versions: {@code <Retention>} (PutObjectRetention,
 * GetObjectRetention), {@code <LegalHold>} (PutObjectLegalHold, GetObjectLegalHold), and the
 * default retention a bucket's {@code <ObjectLockConfiguration>} gives new versions. Every
 * malformed document is S3's MalformedXML.
 */
public final class ObjectLockDocuments {
  /** A retention that may be shortened or removed with {@code x-amz-bypass-governance-retention: true}. */
  public static final String GOVERNANCE = "GOVERNANCE";
  /** A retention nobody can shorten or remove before it ends. */
  public static final String COMPLIANCE = "COMPLIANCE";

  private ObjectLockDocuments() {}

  /**
   * A version's retention.
   *
   * @param mode {@link #GOVERNANCE} or {@link #COMPLIANCE}; {@code null} in a document that removes the retention
   * @param retainUntil until when; {@code null} exactly when {@code mode} is
   */
  public record Retention(String mode, Instant retainUntil) {
    /** Whether the document removes the retention rather than setting one. */
    public boolean removes() {
      return mode == null;
    }
  }

  /**
   * A bucket's default retention: mode and a period of whole days or whole years.
   *
   * @param mode {@link #GOVERNANCE} or {@link #COMPLIANCE}
   * @param days the period in days, or 0 when given in years
   * @param years the period in years, or 0 when given in days
   */
  public record DefaultRetention(String mode, int days, int years) {}

  /** Whether {@code mode} is one S3 knows. */
  public static boolean isMode(String mode) {
    return GOVERNANCE.equals(mode) || COMPLIANCE.equals(mode);
  }

  /**
   * Reads a PutObjectRetention body: mode and date together, or neither (removing the retention);
   * MalformedXML for anything else. The date is not checked against the clock here.
   */
  public static Retention readRetention(byte[] body) {
    XmlTree root = XmlTree.parse(body, "Retention").only("Mode", "RetainUntilDate");
    String mode = root.textOf("Mode");
    String until = root.textOf("RetainUntilDate");
    if ((mode == null) != (until == null) || (mode != null && !isMode(mode))) {
      throw XmlTree.malformed();
    }
    return new Retention(mode, until == null ? null : timestamp(until));
  }

  /** A GetObjectRetention answer. */
  public static byte[] retention(String mode, Instant retainUntil) {
    return XmlOut.document("Retention").leaf("Mode", mode).leaf("RetainUntilDate", retainUntil).finish("Retention");
  }

  /** Reads a PutObjectLegalHold body; returns {@code ON} or {@code OFF}, MalformedXML for anything else. */
  public static String readLegalHold(byte[] body) {
    String status = XmlTree.parse(body, "LegalHold").only("Status").textOf("Status");
    if (!"ON".equals(status) && !"OFF".equals(status)) {
      throw XmlTree.malformed();
    }
    return status;
  }

  /** A GetObjectLegalHold answer. */
  public static byte[] legalHold(String status) {
    return XmlOut.document("LegalHold").leaf("Status", status).finish("LegalHold");
  }

  /** The default retention of a stored (validated) object lock configuration, or {@code null} when it has none. */
  public static DefaultRetention defaultRetention(byte[] configuration) {
    XmlTree rule = XmlTree.parse(configuration, "ObjectLockConfiguration").one("Rule");
    if (rule == null) {
      return null;
    }
    XmlTree d = rule.required("DefaultRetention");
    Integer days = d.intOf("Days");
    Integer years = d.intOf("Years");
    return new DefaultRetention(d.textOf("Mode"), days == null ? 0 : days, years == null ? 0 : years);
  }

  /** An ISO-8601 timestamp; MalformedXML when it is not one. */
  private static Instant timestamp(String text) {
    try {
      return S3Timestamps.parse(text);
    } catch (RuntimeException e) { // S3XmlException included
      throw XmlTree.malformed();
    }
  }
}
