package io.s3wire.cli.doctor;

import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import java.util.List;
import java.util.Locale;

/**
 * How the requests of one matrix row reach the server. Over TLS: a TLS provider and an ALPN offer,
 * and ALPN chooses the HTTP version (policy NEGOTIATE, never the fallback: the doctor wants each
 * version's own answer). Over plain HTTP there is neither: the row fixes the version, HTTP/1.1 or
 * HTTP/2 with prior knowledge (h2c). HTTP/3 is a route of its own ({@link #h3()}): QUIC over UDP with
 * ALPN {@code h3} and policy HTTP_3, its TLS always BoringSSL inside Netty's native QUIC codec
 * ({@link #jdkH3()} is the row that says the JDK's TLS cannot carry it).
 *
 * @param tls the TLS provider, or {@code null} over plain HTTP
 * @param alpn the ALPN offer's label ({@code h2,http/1.1}, {@code http/1.1}, {@code none}, {@code h3}), or {@code null}
 *     over plain HTTP
 * @param policy NEGOTIATE over TLS; HTTP_3 for h3; HTTP_1_1 or HTTP_2 (h2c) over plain HTTP
 */
public record Route(TlsProvider tls, String alpn, HttpVersionPolicy policy) {
  /** The ALPN offers of the TLS rows, by label, in table order. */
  static final List<String> OFFERS = List.of("h2,http/1.1", "http/1.1", "none");

  /** The line that says why a plain-HTTP matrix has no TLS provider or ALPN offer to vary. */
  static final String PLAIN_NOTE = "plain HTTP, so no TLS provider or ALPN offer to vary: each request shape runs over"
      + " HTTP/1.1 and over HTTP/2 with prior knowledge (h2c)";

  /** The ALPN label of the HTTP/3 routes. */
  static final String H3 = "h3";

  public Route {
    boolean h3 = H3.equals(alpn) && tls != null && policy == HttpVersionPolicy.HTTP_3;
    boolean tcp = !H3.equals(alpn) && policy != HttpVersionPolicy.HTTP_3 && (tls == null) == (alpn == null)
        && (tls != null) == (policy == HttpVersionPolicy.NEGOTIATE);
    if (!h3 && !tcp) {
      throw new IllegalArgumentException("a route is TLS with an ALPN offer (policy NEGOTIATE), h3 (policy HTTP_3),"
          + " or plain HTTP/1.1 or h2c");
    }
  }

  /** HTTP/3 over QUIC: BoringSSL (the QUIC codec's), ALPN h3. */
  static Route h3() {
    return new Route(TlsProvider.OPENSSL, H3, HttpVersionPolicy.HTTP_3);
  }

  /** The row that shows h3 with the JDK's TLS cannot run: QUIC's handshake is the native codec's. */
  static Route jdkH3() {
    return new Route(TlsProvider.JDK, H3, HttpVersionPolicy.HTTP_3);
  }

  /** Whether this route is HTTP/3 over QUIC. */
  public boolean http3() {
    return policy == HttpVersionPolicy.HTTP_3;
  }

  /** The rows' routes: TLS provider x ALPN offer over TLS, else HTTP/1.1 and h2c. */
  static List<Route> all(boolean tlsEndpoint) {
    if (!tlsEndpoint) {
      return List.of(new Route(null, null, HttpVersionPolicy.HTTP_1_1), new Route(null, null, HttpVersionPolicy.HTTP_2));
    }
    List<Route> routes = new java.util.ArrayList<>();
    for (TlsProvider p : TlsProvider.values()) {
      for (String offer : OFFERS) {
        routes.add(new Route(p, offer, HttpVersionPolicy.NEGOTIATE));
      }
    }
    return List.copyOf(routes);
  }

  public boolean plain() {
    return tls == null;
  }

  /** The version a plain row speaks: {@code http/1.1} or {@code h2c}; {@code h3}; {@code negotiate} for a TLS row. */
  public String http() {
    if (http3()) {
      return H3;
    }
    if (!plain()) {
      return "negotiate";
    }
    return policy == HttpVersionPolicy.HTTP_2 ? "h2c" : "http/1.1";
  }

  /** The TLS provider's name in lower case, or {@code null} over plain HTTP. */
  public String tlsName() {
    return tls == null ? null : tls.name().toLowerCase(Locale.ROOT);
  }

  /** The label rows and findings use: {@code jdk h2,http/1.1} over TLS, {@code h2c} over plain HTTP. */
  public String label() {
    return plain() ? http() : tlsName() + " " + alpn;
  }

  /** The offer the transport makes in ALPN; over plain HTTP there is no handshake to carry it, so one that fits the policy. */
  AlpnOffer offer() {
    if (plain()) {
      return policy == HttpVersionPolicy.HTTP_2 ? AlpnOffer.of("h2") : AlpnOffer.of("http/1.1");
    }
    if (http3()) {
      return AlpnOffer.of(H3);
    }
    if (alpn.equals("none")) {
      return AlpnOffer.none();
    }
    return alpn.equals("http/1.1") ? AlpnOffer.of("http/1.1") : AlpnOffer.of("h2", "http/1.1");
  }

  /** A key fragment for the row's test object: {@code jdk-h2-http11}, {@code h2c}. */
  String keyPart() {
    return label().replace("/", "").replace(",", "-").replace(" ", "-").replace(".", "");
  }
}
