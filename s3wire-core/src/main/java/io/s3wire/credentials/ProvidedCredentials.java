package io.s3wire.credentials;

import io.s3wire.auth.Credentials;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials as a provider handed them out: the keys, which provider supplied them, and when they
 * expire (temporary credentials) or {@code null} (long-term keys).
 *
 * <p>{@link #toString()} never shows the secret or the session token.
 *
 * @param credentials the keys
 * @param source which provider supplied them, in words (e.g. {@code "container credentials
 *     http://169.254.170.2/v2/credentials/…"})
 * @param expiration when they stop working, or {@code null} when they do not expire
 */
public record ProvidedCredentials(Credentials credentials, String source, Instant expiration) {
  /**
   * Checks that the credentials and their source are given.
   *
   * @param credentials the keys (and session token) to sign with
   * @param source which provider supplied them, in words
   * @param expiration when they stop working, or {@code null} when they do not expire
   */
  public ProvidedCredentials {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(source, "source");
  }

  /**
   * When these credentials expire.
   *
   * @return the expiry; empty for long-term keys
   */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiration);
  }

  @Override
  public String toString() {
    return "ProvidedCredentials[" + credentials + ", source=" + source
        + (expiration == null ? "" : ", expires=" + expiration) + "]";
  }
}
