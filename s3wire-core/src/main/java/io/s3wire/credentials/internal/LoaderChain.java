package io.s3wire.credentials.internal;

import io.s3wire.credentials.CredentialsLoader;
import io.s3wire.credentials.ProvidedCredentials;
import io.s3wire.error.ClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tries loaders in order. The first that yields credentials is remembered and asked alone at every
 * later refresh (so a refresh does not silently switch identity). A loader that fails does not stop
 * the chain; when none yields, one message names every source and why it gave nothing.
 */
public final class LoaderChain implements CredentialsLoader {
  /** A loader and its name in messages. */
  public record Named(String name, CredentialsLoader loader) {}

  private final List<Named> loaders;
  private final Consumer<String> warnings;
  private volatile Named chosen;

  /** A chain of {@code loaders}, in order; {@code warnings} hears when a later one succeeds after failures. */
  public LoaderChain(List<Named> loaders, Consumer<String> warnings) {
    this.loaders = List.copyOf(loaders);
    this.warnings = warnings;
  }

  /** The names, in order, for descriptions. */
  public String description() {
    List<String> names = new ArrayList<>();
    loaders.forEach(n -> names.add(n.name()));
    return String.join(", ", names);
  }

  @Override
  public Optional<ProvidedCredentials> load() {
    Named remembered = chosen;
    if (remembered != null) {
      return Optional.of(remembered.loader().load().orElseThrow(() -> new ClientException("credentials",
          remembered.name() + " no longer has credentials")));
    }
    List<String> tried = new ArrayList<>();
    boolean failed = false;
    for (Named n : loaders) {
      try {
        Optional<ProvidedCredentials> c = n.loader().load();
        if (c.isPresent()) {
          if (failed) {
            warnings.accept("AWS credentials from " + n.name() + " after earlier sources failed: " + String.join("; ", tried));
          }
          chosen = n;
          return c;
        }
        tried.add(n.name() + ": not configured");
      } catch (ClientException e) {
        failed = true;
        tried.add(n.name() + ": " + e.getMessage().replaceFirst("^credentials: ", ""));
      }
    }
    if (!failed) {
      return Optional.empty();
    }
    throw new ClientException("credentials", "no AWS credentials; tried " + String.join("; ", tried));
  }
}
