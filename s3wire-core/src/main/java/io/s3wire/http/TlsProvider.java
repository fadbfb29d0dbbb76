package io.s3wire.http;

/**
 * Which TLS implementation a connection uses.
 *
 * <p>{@link #OPENSSL} is BoringSSL through netty-tcnative, optional at run time: when its native
 * library cannot load, choosing it fails with a message that says why ({@link #unavailabilityCause}).
 */
public enum TlsProvider {
  /** The JDK's own TLS (pure Java). Always available. */
  JDK,
  /** BoringSSL through netty-tcnative. */
  OPENSSL;

  /**
   * Whether this provider can be used in this JVM.
   *
   * @return {@code true} for {@link #JDK}; for {@link #OPENSSL}, whether netty-tcnative's native library loaded
   */
  public boolean isAvailable() {
    return unavailabilityCause() == null;
  }

  /**
   * Why this provider cannot be used here, in one human sentence.
   *
   * @return the reason, or {@code null} when it can be used
   */
  public String unavailabilityCause() {
    if (this == JDK) {
      return null;
    }
    return OpenSslAvailability.cause();
  }
}
