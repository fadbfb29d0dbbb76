package io.s3wire.http;

import java.util.List;
import java.util.Objects;

/**
 * What the client puts in the ALPN extension of its TLS ClientHello.
 *
 * <p>{@link #forPolicy()} derives the offer from the {@link HttpVersionPolicy}; {@link #none()} sends
 * no ALPN extension at all (servers then speak HTTP/1.1); {@link #of} sends exactly the given
 * protocol identifiers in that order.
 *
 * @param kind where the offered ids come from; not {@code null}
 * @param protocols the ids to offer, most preferred first; used only by {@link Kind#EXPLICIT}, empty
 *     for the other kinds
 */
public record AlpnOffer(Kind kind, List<String> protocols) {
  /** Where the offered protocol ids come from. */
  public enum Kind {
    /** Derived from the version policy when connecting (see {@link #resolve}). */
    FOR_POLICY,
    /** No ALPN extension at all. */
    NONE,
    /** Exactly {@link #protocols()}, in that order, whatever the policy. */
    EXPLICIT
  }

  /**
   * Copies the ids and checks them.
   *
   * @param kind where the offered ids come from
   * @param protocols the ids to offer, none {@code null}
   * @throws IllegalArgumentException when an explicit offer is empty, or an id is empty or longer than 255 characters
   * @throws NullPointerException when {@code kind} or {@code protocols} is {@code null}
   */
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

  /**
   * The offer the version policy implies: {@code http/1.1}, {@code h2}, or {@code h2,http/1.1}. The default.
   *
   * @return the offer
   */
  public static AlpnOffer forPolicy() {
    return new AlpnOffer(Kind.FOR_POLICY, List.of());
  }

  /**
   * No ALPN extension: servers then speak HTTP/1.1. For probing servers that mishandle ALPN.
   *
   * @return the offer
   */
  public static AlpnOffer none() {
    return new AlpnOffer(Kind.NONE, List.of());
  }

  /**
   * Exactly these ids, in this order, whatever the policy (e.g. to test how a server chooses).
   *
   * @param protocols ALPN ids such as {@code h2} or {@code http/1.1}, at least one
   * @return the offer
   * @throws IllegalArgumentException when none is given, or an id is empty or longer than 255 characters
   */
  public static AlpnOffer of(String... protocols) {
    return new AlpnOffer(Kind.EXPLICIT, List.of(protocols));
  }

  /**
   * Parses {@code none} (any case) or a comma-separated list such as {@code h2,http/1.1}, as a
   * command line gives it; blanks around ids are ignored.
   *
   * @param text the text, not {@code null}
   * @return the offer
   * @throws IllegalArgumentException when the list holds no id, or an id is longer than 255 characters
   */
  public static AlpnOffer parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("none")) {
      return none();
    }
    return of(java.util.Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new));
  }

  /**
   * The protocol ids actually offered under {@code policy}.
   *
   * @param policy the version policy of the connection, not {@code null}
   * @return the ids, most preferred first; empty means no ALPN extension
   */
  public List<String> resolve(HttpVersionPolicy policy) {
    return switch (kind) {
      case NONE -> List.of();
      case EXPLICIT -> protocols;
      case FOR_POLICY -> switch (policy) {
        case HTTP_1_1 -> List.of("http/1.1");
        case HTTP_2 -> List.of("h2");
        case NEGOTIATE, NEGOTIATE_WITH_FALLBACK, NEGOTIATE_WITH_HTTP3 -> List.of("h2", "http/1.1");
        case HTTP_3 -> List.of("h3");
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
