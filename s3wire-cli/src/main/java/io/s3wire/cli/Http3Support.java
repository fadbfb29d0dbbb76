package io.s3wire.cli;

import io.netty.handler.codec.quic.Quic;

/** Whether this machine can speak HTTP/3: s3wire's QUIC is Netty's native codec, BoringSSL inside. */
public final class Http3Support {
  private Http3Support() {}

  /** Why HTTP/3 cannot run here (the native QUIC library did not load), or {@code null} when it can. */
  public static String unavailabilityCause() {
    if (Quic.isAvailable()) {
      return null;
    }
    Throwable why = Quic.unavailabilityCause();
    return "Netty's native QUIC library (netty-codec-native-quic, linux-x86_64) did not load"
        + (why == null || why.getMessage() == null ? "" : ": " + why.getMessage().replace('\n', ' '));
  }
}
