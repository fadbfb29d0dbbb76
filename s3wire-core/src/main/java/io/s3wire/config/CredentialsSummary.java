package io.s3wire.config;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.CredentialsProvider;
import io.s3wire.error.ClientException;
import java.util.Optional;

/** The {@code credentials = ...} line of {@code config show}: which provider, when they expire, no secret. */
final class CredentialsSummary {
  private CredentialsSummary() {}

  static String describe(CredentialsProvider provider) {
    Optional<Resolved<Credentials>> found;
    try {
      found = provider.find();
    } catch (ClientException e) {
      return "<none: " + e.getMessage() + ">";
    }
    if (found.isEmpty()) {
      return "<not found; looked in " + provider.description() + ">";
    }
    Credentials c = found.get().value();
    String expiry = provider.expiration().map(t -> ", expires " + t).orElse("");
    return "access key " + c.accessKeyId() + (c.sessionToken() != null ? " with session token" : "")
        + " (" + found.get().source() + expiry + ")";
  }
}
