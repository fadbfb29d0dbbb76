package io.s3wire.server.internal.bucketconfig;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.internal.XmlOut;
import java.util.List;

/**
 * A bucket's {@code <OwnershipControls>}: exactly one rule naming the object ownership setting.
 * Stored and returned here; {@code AclOps} enforces BucketOwnerEnforced on ACLs.
 */
public final class OwnershipControls {
  static final List<String> SETTINGS = List.of("BucketOwnerPreferred", "ObjectWriter", "BucketOwnerEnforced");

  private OwnershipControls() {}

  /** Validates a PutBucketOwnershipControls body; returns the document to store. */
  public static byte[] validate(byte[] body) {
    XmlTree root = XmlTree.parse(body, "OwnershipControls").only("Rule");
    XmlTree rule = root.required("Rule").only("ObjectOwnership");
    return document(rule.textIn("ObjectOwnership", SETTINGS));
  }

  /**
   * The document for CreateBucket's {@code x-amz-object-ownership} header; InvalidArgument when the
   * value is not one of S3's settings.
   */
  public static byte[] fromHeader(String value) {
    if (!SETTINGS.contains(value)) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, "Invalid x-amz-object-ownership header: " + value,
          java.util.Map.of("ArgumentName", "x-amz-object-ownership", "ArgumentValue", value));
    }
    return document(value);
  }

  private static byte[] document(String setting) {
    return XmlOut.document("OwnershipControls").start("Rule").leaf("ObjectOwnership", setting).end("Rule")
        .finish("OwnershipControls");
  }
}
