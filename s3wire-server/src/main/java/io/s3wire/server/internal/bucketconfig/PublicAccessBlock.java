package io.s3wire.server.internal.bucketconfig;

import io.s3wire.xml.internal.XmlOut;

/**
 * A bucket's {@code <PublicAccessBlockConfiguration>}: four flags, each {@code false} when absent.
 * Stored and returned here; {@code AclOps} applies BlockPublicAcls and IgnorePublicAcls (the policy
 * flags have nothing to act on: bucket policies are stored, not evaluated).
 */
public final class PublicAccessBlock {
  private static final String[] FLAGS = {"BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy",
      "RestrictPublicBuckets"};

  private PublicAccessBlock() {}

  /** Validates a PutPublicAccessBlock body; returns the document to store, every flag spelled out. */
  public static byte[] validate(byte[] body) {
    XmlTree root = XmlTree.parse(body, "PublicAccessBlockConfiguration").only(FLAGS);
    XmlOut out = XmlOut.document("PublicAccessBlockConfiguration");
    for (String flag : FLAGS) {
      out.leaf(flag, root.booleanOf(flag));
    }
    return out.finish("PublicAccessBlockConfiguration");
  }
}
