package io.s3wire.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One identity the server knows: the access key and secret its requests are signed with, and the
 * canonical user it acts as (the owner of the buckets it creates, the grantee of ACLs naming its id).
 *
 * <p>{@link #of} derives the canonical id from the access key, so a user keeps its buckets across
 * restarts of a file store as long as its access key stays the same. The first user of a server
 * (the one {@link S3Server.Builder#credentials} sets, or the generated one) always has the canonical
 * id {@link #DEFAULT_OWNER_ID}, so stores written by single-user servers keep their owner.
 * {@link #toString()} never shows the secret.
 *
 * @param accessKey the access key requests name
 * @param secretKey the secret they are signed with; never log it
 * @param ownerId the canonical user id: 64 lower-case hex digits, as S3 issues them
 * @param displayName the owner's display name in listings and ACLs
 */
public record ServerUser(String accessKey, String secretKey, String ownerId, String displayName) {
  /** The canonical id of a server's first user, the owner of every bucket a single-user server makes. */
  public static final String DEFAULT_OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
  /** The display name of a server's first user. */
  public static final String DEFAULT_DISPLAY_NAME = "s3wire";
  private static final Pattern CANONICAL_ID = Pattern.compile("[0-9a-f]{64}");

  /**
   * Checks every component.
   *
   * @param accessKey non-empty printable ASCII without spaces or {@code /}
   * @param secretKey non-empty; never logged
   * @param ownerId 64 lower-case hex digits
   * @param displayName the owner's display name
   * @throws IllegalArgumentException naming the access key and what is wrong with a component
   */
  public ServerUser {
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(displayName, "displayName");
    if (accessKey.isEmpty() || accessKey.contains("/") || accessKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException("access key '" + accessKey
          + "' must be non-empty printable ASCII without spaces or '/'");
    }
    if (secretKey.isEmpty()) {
      throw new IllegalArgumentException("the secret key of access key '" + accessKey + "' is empty");
    }
    if (!CANONICAL_ID.matcher(ownerId).matches()) {
      throw new IllegalArgumentException("owner id '" + ownerId + "' of access key '" + accessKey
          + "' is not a canonical user id (64 lower-case hex digits)");
    }
  }

  /**
   * A user whose canonical id is a SHA-256 (hex) derived from its access key alone, so it is stable
   * across restarts, and whose display name is the access key in lower case.
   *
   * @param accessKey the access key requests name
   * @param secretKey the secret they are signed with; never logged
   * @return the user
   * @throws IllegalArgumentException when a key is empty or the access key is not printable ASCII
   *     without spaces or {@code /}
   */
  public static ServerUser of(String accessKey, String secretKey) {
    Objects.requireNonNull(accessKey, "accessKey");
    return new ServerUser(accessKey, secretKey, derivedId(accessKey),
        accessKey.toLowerCase(java.util.Locale.ROOT));
  }

  /** This user as a server's first user: canonical id {@link #DEFAULT_OWNER_ID}, display name {@code s3wire}. */
  static ServerUser first(String accessKey, String secretKey) {
    return new ServerUser(accessKey, secretKey, DEFAULT_OWNER_ID, DEFAULT_DISPLAY_NAME);
  }

  private static String derivedId(String accessKey) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(("s3wire-user:" + accessKey).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ServerUser[accessKey=" + accessKey + ", ownerId=" + ownerId + ", displayName=" + displayName + "]";
  }
}
