package io.s3wire.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client sets on an object besides its bytes: system headers kept as given
 * ({@code content-type}, {@code cache-control}, {@code content-encoding},
 * {@code content-disposition}, {@code content-language}, {@code expires}; in a bucket with object
 * lock also the version's {@code x-amz-object-lock-*} headers, which the server sets), user metadata
 * ({@code x-amz-meta-*}, stored without the prefix), the object's tags (in the order given) and
 * its encryption and access control list. Header and metadata names are lower-case.
 *
 * @param tags the object's tags, at most 10, in the order the client gave them
 * @param encryption how the object is encrypted; SSE-S3 unless the client or the bucket chose otherwise
 * @param acl the object's ACL grants in the order given; empty for S3's default (the owner has
 *     FULL_CONTROL)
 * @param owner the canonical id of the object's owner when it is not the bucket's owner (a user
 *     who wrote into another's bucket whose ownership controls let the writer own it), else {@code null}
 */
public record ObjectAttributes(Map<String, String> headers, Map<String, String> userMetadata,
    Map<String, String> tags, ObjectEncryption encryption, java.util.List<AclGrant> acl, String owner) {
  /** The system headers an object keeps, by lower-case name. */
  public static final java.util.List<String> STORED_HEADERS = java.util.List.of(
      "content-type", "cache-control", "content-encoding", "content-disposition", "content-language", "expires");

  /**
   * Copies every map and list, so the attributes are immutable and safe to share between threads.
   *
   * @param headers the stored system headers by name, any case (kept lower-case)
   * @param userMetadata the user metadata by name without {@code x-amz-meta-}, any case (kept lower-case)
   * @param tags the object's tags in the order given
   * @param encryption how the object is encrypted; not {@code null}
   * @param acl the ACL grants in the order given; empty for S3's default
   * @param owner the owner's canonical id when it is not the bucket's owner, else {@code null}
   * @throws NullPointerException when a map, the list or the encryption is {@code null}
   */
  public ObjectAttributes {
    headers = lowerCase(headers);
    userMetadata = lowerCase(userMetadata);
    tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    encryption = java.util.Objects.requireNonNull(encryption, "encryption");
    acl = java.util.List.copyOf(acl);
  }

  /**
   * Attributes of an object the bucket's owner owns.
   *
   * @param headers the stored system headers by name, any case (kept lower-case)
   * @param userMetadata the user metadata by name without {@code x-amz-meta-}, any case (kept lower-case)
   * @param tags the object's tags in the order given
   * @param encryption how the object is encrypted; not {@code null}
   * @param acl the ACL grants in the order given; empty for S3's default
   */
  public ObjectAttributes(Map<String, String> headers, Map<String, String> userMetadata, Map<String, String> tags,
      ObjectEncryption encryption, java.util.List<AclGrant> acl) {
    this(headers, userMetadata, tags, encryption, acl, null);
  }

  /**
   * Attributes with S3's default ACL.
   *
   * @param headers the stored system headers by name, any case (kept lower-case)
   * @param userMetadata the user metadata by name without {@code x-amz-meta-}, any case (kept lower-case)
   * @param tags the object's tags in the order given
   * @param encryption how the object is encrypted; not {@code null}
   */
  public ObjectAttributes(Map<String, String> headers, Map<String, String> userMetadata, Map<String, String> tags,
      ObjectEncryption encryption) {
    this(headers, userMetadata, tags, encryption, java.util.List.of());
  }

  /**
   * Attributes without tags, encrypted with SSE-S3 as S3 encrypts every object by default.
   *
   * @param headers the stored system headers by name, any case (kept lower-case)
   * @param userMetadata the user metadata by name without {@code x-amz-meta-}, any case (kept lower-case)
   */
  public ObjectAttributes(Map<String, String> headers, Map<String, String> userMetadata) {
    this(headers, userMetadata, Map.of(), ObjectEncryption.SSE_S3);
  }

  /**
   * These attributes with {@code tags} instead of their own.
   *
   * @param tags the new tags, in order
   * @return the changed attributes
   */
  public ObjectAttributes withTags(Map<String, String> tags) {
    return new ObjectAttributes(headers, userMetadata, tags, encryption, acl, owner);
  }

  /**
   * These attributes with {@code encryption} instead of their own.
   *
   * @param encryption the new encryption; not {@code null}
   * @return the changed attributes
   */
  public ObjectAttributes withEncryption(ObjectEncryption encryption) {
    return new ObjectAttributes(headers, userMetadata, tags, encryption, acl, owner);
  }

  /**
   * These attributes with the ACL {@code acl} instead of their own.
   *
   * @param acl the new grants, in order; empty for S3's default
   * @return the changed attributes
   */
  public ObjectAttributes withAcl(java.util.List<AclGrant> acl) {
    return new ObjectAttributes(headers, userMetadata, tags, encryption, acl, owner);
  }

  /**
   * These attributes owned by {@code owner}.
   *
   * @param owner a canonical id, or {@code null} for the bucket's owner
   * @return the changed attributes
   */
  public ObjectAttributes withOwner(String owner) {
    return new ObjectAttributes(headers, userMetadata, tags, encryption, acl, owner);
  }

  /**
   * These attributes with other stored system headers.
   *
   * @param headers the headers to keep instead of their own
   * @return the changed attributes
   */
  public ObjectAttributes withHeaders(Map<String, String> headers) {
    return new ObjectAttributes(headers, userMetadata, tags, encryption, acl, owner);
  }

  /** {@return attributes with no headers, metadata or tags, SSE-S3 and S3's default ACL} */
  public static ObjectAttributes empty() {
    return new ObjectAttributes(Map.of(), Map.of());
  }

  /**
   * {@return the stored value of a system header, or {@code null} when it is not stored}
   *
   * @param name the header's name, any case
   */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  private static Map<String, String> lowerCase(Map<String, String> in) {
    TreeMap<String, String> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return java.util.Collections.unmodifiableMap(out);
  }
}
