package io.s3wire.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * AWS credentials: an access key id, its secret, and for temporary credentials a session token.
 *
 * <p>{@link #toString()} shows the access key id only; the secret and the token are masked, so a
 * {@code Credentials} can be logged or put into an exception message without leaking them.
 *
 * @param accessKeyId the access key id (not secret: it appears in every signed request)
 * @param secretAccessKey the secret key; never printed
 * @param sessionToken the session token of temporary credentials, or {@code null}; never printed
 */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
  /**
   * Checks the key pair is present and normalises an empty session token to {@code null}, so
   * {@link #token()} never returns an empty token that would be signed as a blank header.
   *
   * @param accessKeyId the access key id, not blank
   * @param secretAccessKey the secret key, not empty
   * @param sessionToken the session token, or {@code null} or empty for none
   * @throws NullPointerException if {@code accessKeyId} or {@code secretAccessKey} is {@code null}
   * @throws IllegalArgumentException if the access key id is blank or the secret is empty (the
   *     message names which, never the secret itself)
   */
  public Credentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    if (accessKeyId.isBlank()) {
      throw new IllegalArgumentException("access key id is empty");
    }
    if (secretAccessKey.isEmpty()) {
      throw new IllegalArgumentException("secret access key is empty");
    }
    if (sessionToken != null && sessionToken.isEmpty()) {
      sessionToken = null;
    }
  }

  /**
   * Long-term credentials without a session token, e.g. an IAM user's access key.
   *
   * @param accessKeyId the access key id, not blank
   * @param secretAccessKey the secret key, not empty
   * @return credentials whose {@link #token()} is empty
   * @throws NullPointerException if an argument is {@code null}
   * @throws IllegalArgumentException if the access key id is blank or the secret is empty
   */
  public static Credentials of(String accessKeyId, String secretAccessKey) {
    return new Credentials(accessKeyId, secretAccessKey, null);
  }

  /**
   * Temporary credentials with a session token, e.g. from STS or an SSO login.
   *
   * @param accessKeyId the access key id, not blank
   * @param secretAccessKey the secret key, not empty
   * @param sessionToken the session token; {@code null} or empty means none
   * @return the credentials
   * @throws NullPointerException if {@code accessKeyId} or {@code secretAccessKey} is {@code null}
   * @throws IllegalArgumentException if the access key id is blank or the secret is empty
   */
  public static Credentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
    return new Credentials(accessKeyId, secretAccessKey, sessionToken);
  }

  /**
   * The session token, which a signer sends as {@code X-Amz-Security-Token}.
   *
   * @return the session token, or empty for long-term credentials (never an empty string)
   */
  public Optional<String> token() {
    return Optional.ofNullable(sessionToken);
  }

  @Override
  public String toString() {
    return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>"
        + (sessionToken == null ? "" : ", sessionToken=<redacted>") + "]";
  }
}
