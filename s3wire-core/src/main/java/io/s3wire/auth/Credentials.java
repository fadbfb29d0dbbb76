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

  /** Long-term credentials without a session token. */
  public static Credentials of(String accessKeyId, String secretAccessKey) {
    return new Credentials(accessKeyId, secretAccessKey, null);
  }

  /** Temporary credentials with a session token ({@code null} or empty means none). */
  public static Credentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
    return new Credentials(accessKeyId, secretAccessKey, sessionToken);
  }

  /** The session token, when these are temporary credentials. */
  public Optional<String> token() {
    return Optional.ofNullable(sessionToken);
  }

  @Override
  public String toString() {
    return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>"
        + (sessionToken == null ? "" : ", sessionToken=<redacted>") + "]";
  }
}
