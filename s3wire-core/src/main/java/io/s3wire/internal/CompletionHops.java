package io.s3wire.internal;

import io.s3wire.S3AsyncClient;
import java.util.function.Function;

/**
 * Finds the {@link CompletionHop} of an {@link S3AsyncClient} for code in other packages of this
 * module (the transfer manager publishes its results through it) without a public accessor on the
 * client: the client's call gate registers the lookup once, when its class initialises.
 */
public final class CompletionHops {
  private static volatile Function<S3AsyncClient, CompletionHop> lookup;

  private CompletionHops() {}

  /** Called once, by the static initialiser of the client's call gate. */
  public static void register(Function<S3AsyncClient, CompletionHop> f) {
    lookup = f;
  }

  /**
   * Where {@code client}'s futures complete. An instance exists, so its class is initialised and the
   * lookup registered.
   */
  public static CompletionHop of(S3AsyncClient client) {
    return lookup.apply(client);
  }
}
