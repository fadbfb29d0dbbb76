package io.s3wire;

import io.s3wire.error.ClientException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what with a new object: a canned ACL ({@code x-amz-acl}) or explicit grants ({@code
 * x-amz-grant-*}), never both (S3 refuses the mix).
 *
 * @param canned a canned ACL such as {@code private} or {@code public-read}, or {@code null}
 * @param grants grantees by permission, each value as S3 takes it: comma-separated {@code
 *     id="..."}, {@code uri="..."} or {@code emailAddress="..."}
 */
public record ObjectAcl(String canned, Map<Permission, String> grants) {
  /** The permissions a grant can give, each with its header. */
  public enum Permission {
    /** Read the object and its metadata ({@code x-amz-grant-read}). */
    READ("x-amz-grant-read"),
    /** Read the object's ACL ({@code x-amz-grant-read-acp}). */
    READ_ACP("x-amz-grant-read-acp"),
    /** Write the object's ACL ({@code x-amz-grant-write-acp}). */
    WRITE_ACP("x-amz-grant-write-acp"),
    /** All of the above ({@code x-amz-grant-full-control}). */
    FULL_CONTROL("x-amz-grant-full-control");

    private final String header;

    Permission(String header) {
      this.header = header;
    }

    /**
     * The header that carries grants of this permission.
     *
     * @return the header name, lower case
     */
    public String header() {
      return header;
    }
  }

  private static final Set<String> CANNED = Set.of("private", "public-read", "public-read-write", "authenticated-read",
      "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control");

  /**
   * Checks the ACL.
   *
   * @throws ClientException naming {@code acl} for an unknown canned ACL, an empty grant, or a canned
   *     ACL given with grants
   * @param canned a canned ACL name, or {@code null}
   * @param grants grantees by permission; empty with a canned ACL
   */
  public ObjectAcl {
    if (canned != null && !CANNED.contains(canned)) {
      throw new ClientException("acl", "'" + canned + "' is not a canned ACL; one of " + new java.util.TreeSet<>(CANNED));
    }
    Map<Permission, String> copy = new EnumMap<>(Permission.class);
    if (grants != null) {
      grants.forEach((p, v) -> {
        if (p == null || v == null || v.isBlank()) {
          throw new ClientException("acl", "a grant needs a permission and grantees, was " + p + "=" + v);
        }
        copy.put(p, v);
      });
    }
    grants = Collections.unmodifiableMap(copy);
    if (canned != null && !grants.isEmpty()) {
      throw new ClientException("acl", "give a canned ACL or grants, not both");
    }
  }

  /**
   * A canned ACL ({@code x-amz-acl}).
   *
   * @param name one of S3's canned ACLs, e.g. {@code private}, {@code public-read},
   *     {@code bucket-owner-full-control}
   * @return the ACL
   * @throws ClientException naming {@code acl} for a name S3 does not know
   */
  public static ObjectAcl canned(String name) {
    return new ObjectAcl(name, Map.of());
  }

  /**
   * One grant ({@code x-amz-grant-*}).
   *
   * @param permission what the grantees may do
   * @param grantees the grantees, as S3 takes them
   * @return the ACL
   */
  public static ObjectAcl grant(Permission permission, String grantees) {
    return new ObjectAcl(null, Map.of(permission, grantees));
  }

  /**
   * This ACL with one more grant (replacing one of the same permission).
   *
   * @param permission what the grantees may do
   * @param grantees the grantees, as S3 takes them
   * @return a copy with that change
   */
  public ObjectAcl withGrant(Permission permission, String grantees) {
    Map<Permission, String> m = new EnumMap<>(Permission.class);
    m.putAll(grants);
    m.put(permission, grantees);
    return new ObjectAcl(canned, m);
  }
}
