package io.s3wire.server;

import java.util.Objects;

/**
 * One grant of an S3 access control list: a grantee and the permission it is given.
 *
 * @param granteeType {@code CanonicalUser} (the grantee is a canonical user id) or {@code Group}
 *     (the grantee is a group URI such as {@code http://acs.amazonaws.com/groups/global/AllUsers})
 * @param grantee the canonical user id or group URI
 * @param permission {@code FULL_CONTROL}, {@code WRITE}, {@code WRITE_ACP}, {@code READ} or {@code READ_ACP}
 */
public record AclGrant(String granteeType, String grantee, String permission) {
  /** The {@link #granteeType} of a grant to a canonical user id. */
  public static final String CANONICAL_USER = "CanonicalUser";
  /** The {@link #granteeType} of a grant to a group URI. */
  public static final String GROUP = "Group";

  /**
   * Checks that every component is given.
   *
   * @param granteeType {@link #CANONICAL_USER} or {@link #GROUP}
   * @param grantee the canonical user id or group URI
   * @param permission the permission granted
   * @throws NullPointerException when a component is {@code null}
   */
  public AclGrant {
    Objects.requireNonNull(granteeType, "granteeType");
    Objects.requireNonNull(grantee, "grantee");
    Objects.requireNonNull(permission, "permission");
  }
}
