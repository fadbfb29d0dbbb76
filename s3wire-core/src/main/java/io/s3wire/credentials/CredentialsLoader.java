package io.s3wire.credentials;

import io.s3wire.error.ClientException;
import java.util.Optional;

/**
 * One place credentials can be fetched from: a file, a process, an HTTP endpoint, STS.
 *
 * <p>{@link #load()} may block (read files, start a process, make HTTP calls); {@link
 * RefreshingCredentialsProvider} only calls it on its own threads, never on an I/O event loop.
 */
@FunctionalInterface
public interface CredentialsLoader {
  /**
   * Fetches fresh credentials.
   *
   * @return empty when this source is not configured at all (the next one in a chain is tried)
   * @throws ClientException when the source is configured but fails, saying why (never with a
   *     secret in the message)
   */
  Optional<ProvidedCredentials> load();
}
