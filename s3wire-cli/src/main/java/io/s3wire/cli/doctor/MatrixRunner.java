package io.s3wire.cli.doctor;

import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs the matrix TLS provider x ALPN offer x request shape x operation, then the extra probes, then
 * deletes its own objects. One transport per (provider, ALPN offer) with policy NEGOTIATE (never the
 * fallback: the doctor wants to see each version's own answer), so cells of one row reuse its
 * connection where the server keeps it.
 */
final class MatrixRunner {
  /** The ALPN offers, as labelled in the table. */
  static final Map<String, AlpnOffer> OFFERS = offers();

  static final byte[] PAYLOAD = "s3wire doctor test object\n".getBytes(StandardCharsets.UTF_8);
  /** What the checksum-mismatch probe's CRC32C is computed over instead of {@link #PAYLOAD}. */
  static final byte[] NOT_THE_PAYLOAD = "not the doctor's test object\n".getBytes(StandardCharsets.UTF_8);

  private final Target target;
  private final Prober prober;
  private final String prefix;
  /** The target the extra probes and the cleanup use: the other addressing style when only it works. */
  private Target probeTarget;
  private io.s3wire.auth.CanonicalRequest canonical;
  private io.s3wire.auth.StringToSign stringToSign;

  MatrixRunner(Target target, Clock clock) {
    this.target = target;
    this.prober = new Prober(target, clock);
    this.probeTarget = target;
    this.prefix = "s3wire-doctor-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  private static Map<String, AlpnOffer> offers() {
    Map<String, AlpnOffer> m = new LinkedHashMap<>();
    m.put("h2,http/1.1", AlpnOffer.of("h2", "http/1.1"));
    m.put("http/1.1", AlpnOffer.of("http/1.1"));
    m.put("none", AlpnOffer.none());
    return m;
  }

  TransportConfig config(TlsProvider provider, HttpVersionPolicy policy, AlpnOffer offer) {
    return TransportConfig.builder()
        .versionPolicy(policy)
        .tlsProvider(provider)
        .alpnOffer(offer)
        .trustedCertificates(target.ca())
        .ioThreads(1)
        .connectTimeout(Duration.ofSeconds(5))
        .tlsHandshakeTimeout(Duration.ofSeconds(5))
        .responseHeadersTimeout(Duration.ofSeconds(15))
        .idleReadTimeout(Duration.ofSeconds(15))
        .build();
  }

  Measurements run() {
    List<Cell> cells = new ArrayList<>();
    Map<String, Outcome> probes = new LinkedHashMap<>();
    List<String> cleanup = new ArrayList<>();
    boolean plain = !target.endpoint().getScheme().equalsIgnoreCase("https");
    try (HttpTransport h1 = HttpTransport.create(config(TlsProvider.JDK, HttpVersionPolicy.HTTP_1_1, AlpnOffer.of("http/1.1")))) {
      if (target.bucket() != null) {
        addressing(h1, probes);
        prober.send(h1, put(key("fixture")));
      }
      List<java.util.concurrent.Callable<List<Cell>>> rows = new ArrayList<>();
      for (TlsProvider provider : TlsProvider.values()) {
        for (Map.Entry<String, AlpnOffer> offer : OFFERS.entrySet()) {
          rows.add(() -> row(provider, offer.getKey(), offer.getValue(), plain));
        }
      }
      // Rows are independent (own transport, own keys): run them side by side, keep their order.
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(rows.size());
      try {
        for (java.util.concurrent.Future<List<Cell>> f : pool.invokeAll(rows)) {
          cells.addAll(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running the matrix", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a matrix row failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
      probes(h1, probes);
      cleanup(h1, cells, probes, cleanup);
    }
    return new Measurements(target, List.copyOf(cells), probes, canonical, stringToSign, prefix,
        cleanup);
  }

  private List<Cell> row(TlsProvider provider, String alpn, AlpnOffer offer, boolean plain) {
    List<Cell> cells = new ArrayList<>();
    String unavailable = provider.unavailabilityCause();
    if (plain && (provider != TlsProvider.JDK || !alpn.equals("none"))) {
      unavailable = "plain HTTP: no TLS, no ALPN";
    }
    if (unavailable != null) {
      for (Shape shape : Shape.values()) {
        for (Operation op : Operation.values()) {
          cells.add(new Cell(provider, alpn, shape, op, null, "unavailable"));
        }
      }
      return cells;
    }
    try (HttpTransport t = HttpTransport.create(config(provider, HttpVersionPolicy.NEGOTIATE, offer))) {
      for (Shape shape : Shape.values()) {
        runRow(t, provider, alpn, shape, cells);
      }
    }
    return cells;
  }

  private void runRow(HttpTransport t, TlsProvider provider, String alpn, Shape shape, List<Cell> cells) {
    String rowKey = key(provider.name().toLowerCase(Locale.ROOT) + "-" + alpn.replace("/", "").replace(",", "-") + "-" + shape.id());
    for (Operation op : Operation.values()) {
      if (!shape.appliesTo(op)) {
        cells.add(new Cell(provider, alpn, shape, op, null, "n/a"));
        continue;
      }
      if (op != Operation.BUCKET && target.bucket() == null) {
        cells.add(new Cell(provider, alpn, shape, op, null, "no bucket"));
        continue;
      }
      HttpRequest r = switch (op) {
        case BUCKET -> target.bucket() == null
            ? prober.signed("GET", target.uri(null, null, null), HttpHeaders.empty(), null)
            : prober.signed("HEAD", target.uri(target.bucket(), null, null), HttpHeaders.empty(), null);
        case PUT -> put(rowKey);
        case GET -> prober.signed("GET", target.uri(target.bucket(), key("fixture"), null), HttpHeaders.empty(), null);
        case DELETE -> prober.signed("DELETE", target.uri(target.bucket(), rowKey, null), HttpHeaders.empty(), null);
      };
      cells.add(new Cell(provider, alpn, shape, op, prober.send(t, shape.apply(r)), null));
    }
  }

  /**
   * HEAD bucket in both addressing styles, recorded as the probes {@code addressing-path} and
   * {@code addressing-virtual}. When only the style the user did not configure works, the other probes
   * and the cleanup use it, so they measure the server's capabilities rather than the addressing again.
   */
  private void addressing(HttpTransport h1, Map<String, Outcome> probes) {
    Target other = target.withVirtualHosted(!target.virtualHosted());
    Outcome configured = prober.send(h1, prober.signed("HEAD", target.uri(target.bucket(), null, null), HttpHeaders.empty(), null));
    Outcome alternative = prober.send(h1, prober.signed("HEAD", other.uri(target.bucket(), null, null), HttpHeaders.empty(), null));
    probes.put(addressingProbe(target.virtualHosted()), configured);
    probes.put(addressingProbe(other.virtualHosted()), alternative);
    if (!configured.passed() && alternative.passed()) {
      probeTarget = other;
    }
  }

  /** The probe name of one addressing style's HEAD bucket. */
  static String addressingProbe(boolean virtualHosted) {
    return virtualHosted ? "addressing-virtual" : "addressing-path";
  }

  private HttpRequest put(String key) {
    return prober.signed("PUT", target.uri(target.bucket(), key, null), HttpHeaders.of("content-type", "text/plain"), PAYLOAD);
  }

  private String key(String name) {
    return prefix + "/" + name;
  }

  /** Requests beside the matrix, each over HTTP/1.1 unless it is about HTTP/2. */
  private void probes(HttpTransport h1, Map<String, Outcome> probes) {
    Target target = probeTarget; // the addressing style that works, so each probe measures only its own question
    if (target.endpoint().getScheme().equalsIgnoreCase("https")) {
      try (HttpTransport h2only = HttpTransport.create(config(TlsProvider.JDK, HttpVersionPolicy.HTTP_2, AlpnOffer.of("h2")))) {
        HttpRequest r = target.bucket() == null
            ? prober.signed("GET", target.uri(null, null, null), HttpHeaders.empty(), null)
            : prober.signed("HEAD", target.uri(target.bucket(), null, null), HttpHeaders.empty(), null);
        probes.put("forced-h2", prober.send(h2only, r));
      }
    }
    if (target.bucket() == null) {
      probes.put("get-h1", prober.send(h1, prober.signed("GET", target.uri(null, null, null), HttpHeaders.empty(), null)));
      keepSigningTexts();
      return;
    }
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(PAYLOAD);
    byte[] crcBytes = java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    HttpHeaders checksum = HttpHeaders.of("content-type", "text/plain",
        "x-amz-sdk-checksum-algorithm", "CRC32",
        "x-amz-checksum-crc32", java.util.Base64.getEncoder().encodeToString(crcBytes));
    Outcome accepted = prober.send(h1,
        prober.signed("PUT", target.uri(target.bucket(), key("checksum"), null), checksum, PAYLOAD));
    probes.put("checksum", accepted);
    if (accepted.passed()) {
      // Accepting the headers is not checking them: the same PUT with a CRC32C (what s3wire sends) of
      // other bytes must be refused. A server that stores it ignores the headers (Ceph RGW 16.2 does).
      HttpHeaders mismatch = HttpHeaders.of("content-type", "text/plain", "x-amz-checksum-crc32c",
          io.s3wire.checksum.Crc32c.base64(io.s3wire.checksum.Crc32c.of(NOT_THE_PAYLOAD)));
      probes.put("checksum-mismatch", prober.send(h1,
          prober.signed("PUT", target.uri(target.bucket(), key("checksum-mismatch"), null), mismatch, PAYLOAD)));
    }
    byte[] delete = ("<Delete><Quiet>true</Quiet><Object><Key>" + key("never-written")
        + "</Key></Object></Delete>").getBytes(StandardCharsets.UTF_8);
    probes.put("delete-objects", prober.send(h1,
        prober.signed("POST", target.uri(target.bucket(), null, "delete="), HttpHeaders.of("content-type", "application/xml"), delete)));
    // A plain GET whose signing texts are kept: the SignatureDoesNotMatch rule sets them beside the server's.
    probes.put("get-h1", prober.send(h1,
        prober.signed("GET", target.uri(target.bucket(), key("fixture"), null), HttpHeaders.empty(), null)));
    keepSigningTexts();
  }

  /** Keeps the canonical request and string to sign of the request just sent (the get-h1 probe). */
  private void keepSigningTexts() {
    canonical = prober.lastCanonical();
    stringToSign = prober.lastStringToSign();
  }

  /** Deletes exactly the keys the doctor wrote: the fixture, one per row, the checksum probes'. */
  private void cleanup(HttpTransport h1, List<Cell> cells, Map<String, Outcome> probes, List<String> done) {
    Target target = probeTarget;
    if (target.bucket() == null) {
      return;
    }
    List<String> keys = new ArrayList<>();
    keys.add(key("fixture"));
    keys.add(key("checksum"));
    if (probes.containsKey("checksum-mismatch")) {
      keys.add(key("checksum-mismatch"));
    }
    for (Cell c : cells) {
      if (c.operation() == Operation.PUT && c.passed()) {
        String k = key(c.tls().name().toLowerCase(Locale.ROOT) + "-" + c.alpn().replace("/", "").replace(",", "-") + "-" + c.shape().id());
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
    }
    for (String k : keys) {
      Outcome o = prober.send(h1, prober.signed("DELETE", target.uri(target.bucket(), k, null), HttpHeaders.empty(), null));
      done.add(k + ": " + o.result());
    }
  }
}
