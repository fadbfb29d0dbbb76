package io.s3wire.http;

import java.util.List;
import java.util.Objects;

/**
 * What the client puts in the ALPN extension of its TLS ClientHello.
 *
 * <p>{@link #forPolicy()} derives the offer from the {@link HttpVersionPolicy}; {@link #none()} sends
 * no ALPN extension at all (servers then speak HTTP/1.1); {@link #of} sends exactly the given
 * protocol identifiers in that order.
 */
public record AlpnOffer(Kind kind, List<String> protocols) {
  public enum Kind {
    FOR_POLICY,
    NONE,
    EXPLICIT
  }

  public AlpnOffer {
    Objects.requireNonNull(kind, "kind");
    protocols = List.copyOf(protocols);
    if (kind == Kind.EXPLICIT && protocols.isEmpty()) {
      throw new IllegalArgumentException("an explicit ALPN offer needs at least one protocol; use AlpnOffer.none()");
    }
    for (String p : protocols) {
      if (p.isEmpty() || p.length() > 255) {
        throw new IllegalArgumentException("ALPN protocol ids are 1..255 bytes: '" + p + "'");
      }
    }
  }

  public static AlpnOffer forPolicy() {
    return new AlpnOffer(Kind.FOR_POLICY, List.of());
  }

  public static AlpnOffer none() {
    return new AlpnOffer(Kind.NONE, List.of());
  }

  public static AlpnOffer of(String... protocols) {
    return new AlpnOffer(Kind.EXPLICIT, List.of(protocols));
  }

  /** Parses {@code none} or a comma-separated list such as {@code h2,http/1.1}. */
  public static AlpnOffer parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("none")) {
      return none();
    }
    return of(java.util.Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new));
  }

  /** The protocol ids actually offered under {@code policy}; empty means no ALPN extension. */
  public List<String> resolve(HttpVersionPolicy policy) {
    return switch (kind) {
      case NONE -> List.of();
      case EXPLICIT -> protocols;
      case FOR_POLICY -> switch (policy) {
        case HTTP_1_1 -> List.of("http/1.1");
        case HTTP_2 -> List.of("h2");
        case NEGOTIATE, NEGOTIATE_WITH_FALLBACK -> List.of("h2", "http/1.1");
      };
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "none";
      case FOR_POLICY -> "(per policy)";
      case EXPLICIT -> String.join(",", protocols);
    };
  }
}
