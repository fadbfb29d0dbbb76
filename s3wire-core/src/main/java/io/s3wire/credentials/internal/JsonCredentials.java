package io.s3wire.credentials.internal;

import io.s3wire.auth.Credentials;
import io.s3wire.credentials.ProvidedCredentials;
import io.s3wire.error.ClientException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Credentials from a JSON document whose member names vary by service. */
public final class JsonCredentials {
  /** The member names container and instance metadata endpoints use. */
  public static final String[] METADATA = {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"};
  /** The member names {@code credential_process} output uses. */
  public static final String[] PROCESS = {"AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"};

  private JsonCredentials() {}

  /**
   * Reads the keys; {@code names} are id, secret, token and ISO-8601 expiration members.
   *
   * @throws ClientException naming {@code source} and the missing member
   */
  public static ProvidedCredentials read(Map<String, Object> doc, String[] names, String source) {
    String id = Json.string(doc, names[0]);
    String secret = Json.string(doc, names[1]);
    if (id == null || id.isBlank() || secret == null || secret.isEmpty()) {
      throw new ClientException("credentials", source + " answered without " + (id == null || id.isBlank()
          ? names[0] : names[1]));
    }
    String expiration = Json.string(doc, names[3]);
    return new ProvidedCredentials(Credentials.of(id, secret, Json.string(doc, names[2])), source,
        expiration == null ? null : instant(expiration, source));
  }

  /** Parses an ISO-8601 instant ({@code 2026-12-07T10:00:00Z}). */
  public static Instant instant(String text, String source) {
    try {
      return java.time.OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ClientException("credentials", source + " gave an expiration that is not an ISO-8601 time: " + text);
    }
  }
}
