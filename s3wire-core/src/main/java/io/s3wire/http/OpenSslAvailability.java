package io.s3wire.http;

/** Probes netty-tcnative once, without making it a hard dependency. */
final class OpenSslAvailability {
  private static volatile String cause;
  private static volatile boolean probed;

  private OpenSslAvailability() {}

  static String cause() {
    if (!probed) {
      synchronized (OpenSslAvailability.class) {
        if (!probed) {
          cause = probe();
          probed = true;
        }
      }
    }
    return cause;
  }

  private static String probe() {
    try {
      Class.forName("io.netty.internal.tcnative.SSL", false, OpenSslAvailability.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return "the OPENSSL TLS provider needs io.netty:netty-tcnative-boringssl-static"
          + " (with the classifier for this platform) on the class path; it is not there";
    }
    try {
      if (io.netty.handler.ssl.OpenSsl.isAvailable()) {
        return null;
      }
      Throwable why = io.netty.handler.ssl.OpenSsl.unavailabilityCause();
      return "the OPENSSL TLS provider could not load BoringSSL: "
          + (why == null ? "unknown reason" : why.getClass().getSimpleName() + ": " + why.getMessage());
    } catch (LinkageError e) {
      return "the OPENSSL TLS provider could not load BoringSSL: " + e;
    }
  }
}
