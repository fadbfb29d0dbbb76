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
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs the matrix route x request shape x operation (a route is TLS provider x ALPN offer over TLS,
 * HTTP/1.1 or h2c over plain HTTP: see {@link Route}), then the extra probes, then deletes the objects
 * it created. One transport per route, so cells of one row reuse its connection where the server
 * keeps it.
 */
final class MatrixRunner {
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
  /** {@code --pcap}: the captures' base name, or {@code null}. */
  private final java.nio.file.Path pcap;
  /** {@code --http3}: h3 rows even when no response advertised HTTP/3. */
  private final boolean http3Asked;
  private final java.util.function.Supplier<String> quicUnavailable;
  /** What the run decided about h3, once the TCP rows ran. */
  private Http3Plan http3 = Http3Plan.none("h3 not tried: the matrix did not run");

  MatrixRunner(Target target, Clock clock, java.nio.file.Path pcap) {
    this(target, clock, pcap, false);
  }

  MatrixRunner(Target target, Clock clock, java.nio.file.Path pcap, boolean http3Asked) {
    this(target, clock, pcap, http3Asked, io.s3wire.cli.Http3Support::unavailabilityCause);
  }

  /** @param quicUnavailable why QUIC cannot run here, or {@code null} ({@link io.s3wire.cli.Http3Support}; tests give another) */
  MatrixRunner(Target target, Clock clock, java.nio.file.Path pcap, boolean http3Asked,
      java.util.function.Supplier<String> quicUnavailable) {
    this.target = target;
    this.pcap = pcap;
    this.http3Asked = http3Asked;
    this.quicUnavailable = quicUnavailable;
    this.prober = new Prober(target, clock);
    this.probeTarget = target;
    this.prefix = "s3wire-doctor-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  TransportConfig config(TlsProvider provider, HttpVersionPolicy policy, AlpnOffer offer) {
    return config(provider, policy, offer, pcap);
  }

  private TransportConfig config(TlsProvider provider, HttpVersionPolicy policy, AlpnOffer offer, java.nio.file.Path capture) {
    return TransportConfig.builder()
        .pcapFile(capture)
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
    Cleanup cleanup = Cleanup.NONE;
    boolean tls = target.endpoint().getScheme().equalsIgnoreCase("https");
    try (HttpTransport h1 = HttpTransport.create(config(TlsProvider.JDK, HttpVersionPolicy.HTTP_1_1, AlpnOffer.of("http/1.1")))) {
      Outcome fixture = null;
      if (target.bucket() != null) {
        addressing(h1, probes);
        fixture = prober.send(h1, put(key("fixture")));
      }
      List<java.util.concurrent.Callable<List<Cell>>> rows = new ArrayList<>();
      for (Route route : Route.all(tls)) {
        rows.add(() -> row(route));
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
      // The TCP rows' responses say whether HTTP/3 is on offer (Alt-Svc): only then, or when asked, h3 rows.
      http3 = Http3Plan.decide(target.endpoint(), cells, http3Asked, quicUnavailable.get());
      cells.addAll(http3Rows(http3));
      probes(h1, probes);
      cleanup = cleanup(h1, fixture, cells, probes);
    }
    return new Measurements(target, List.copyOf(cells), probes, canonical, stringToSign, prefix, cleanup);
  }

  /** What the run decided about h3 (valid after {@link #run()}). */
  Http3Plan http3() {
    return http3;
  }

  /**
   * The h3 routes' cells, against the endpoint at the advertised UDP port: one jdk row that says it
   * cannot run, then every shape over QUIC (skipped when the native QUIC library did not load).
   * Nothing captures QUIC, so no pcap; shorter handshake budgets than TCP's, as a QUIC handshake that
   * gets no answer (UDP dropped) only ends when its budget does.
   */
  private List<Cell> http3Rows(Http3Plan plan) {
    List<Cell> cells = new ArrayList<>();
    for (Route route : plan.routes()) {
      String unavailable = route.tls() == TlsProvider.JDK ? Http3Plan.JDK_CELL
          : plan.quicUnavailable() != null ? Http3Plan.NO_QUIC_CELL : null;
      if (unavailable != null) {
        for (Shape shape : route.tls() == TlsProvider.JDK ? List.of(Shape.NORMALISED) : List.of(Shape.values())) {
          for (Operation op : Operation.values()) {
            cells.add(new Cell(route, shape, op, null, unavailable));
          }
        }
        continue;
      }
      TransportConfig config = config(TlsProvider.JDK, route.policy(), route.offer(), null).toBuilder()
          .connectTimeout(Duration.ofSeconds(3))
          .tlsHandshakeTimeout(Duration.ofSeconds(3))
          .build();
      Target h3 = target.withEndpoint(plan.endpoint());
      try (HttpTransport t = HttpTransport.create(config)) {
        for (Shape shape : Shape.values()) {
          runRow(t, h3, route, shape, cells);
        }
      }
    }
    return cells;
  }

  private List<Cell> row(Route route) {
    List<Cell> cells = new ArrayList<>();
    String unavailable = route.tls() == null ? null : route.tls().unavailabilityCause();
    if (unavailable != null) {
      for (Shape shape : Shape.values()) {
        for (Operation op : Operation.values()) {
          cells.add(new Cell(route, shape, op, null, "unavailable"));
        }
      }
      return cells;
    }
    try (HttpTransport t = HttpTransport.create(config(route.tls() == null ? TlsProvider.JDK : route.tls(), route.policy(),
        route.offer(), DoctorCaptures.forRoute(pcap, route)))) {
      for (Shape shape : Shape.values()) {
        runRow(t, target, route, shape, cells);
      }
    }
    return cells;
  }

  /** The key of the object a row PUTs and DELETEs: one per route and shape. */
  private String rowKey(Route route, Shape shape) {
    return key(route.keyPart() + "-" + shape.id());
  }

  /** One route and shape's cells, sent to {@code target} (the endpoint, or its h3 alternative). */
  private void runRow(HttpTransport t, Target target, Route route, Shape shape, List<Cell> cells) {
    String rowKey = rowKey(route, shape);
    for (Operation op : Operation.values()) {
      if (!shape.appliesTo(op)) {
        cells.add(new Cell(route, shape, op, null, "n/a"));
        continue;
      }
      if (route.http3() && cells.stream().anyMatch(c -> c.failed() && c.outcome().protocol() == null)) {
        cells.add(new Cell(route, shape, op, null, Http3Plan.NOT_CONNECTED));
        continue;
      }
      if (op != Operation.BUCKET && target.bucket() == null) {
        cells.add(new Cell(route, shape, op, null, "no bucket"));
        continue;
      }
      HttpRequest r = switch (op) {
        case BUCKET -> target.bucket() == null
            ? prober.signed("GET", target.uri(null, null, null), HttpHeaders.empty(), null)
            : prober.signed("HEAD", target.uri(target.bucket(), null, null), HttpHeaders.empty(), null);
        case PUT -> put(target, rowKey);
        case GET -> prober.signed("GET", target.uri(target.bucket(), key("fixture"), null), HttpHeaders.empty(), null);
        case DELETE -> prober.signed("DELETE", target.uri(target.bucket(), rowKey, null), HttpHeaders.empty(), null);
      };
      cells.add(new Cell(route, shape, op, prober.send(t, shape.apply(r)), null));
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
    return put(target, key);
  }

  private HttpRequest put(Target target, String key) {
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

  /**
   * Deletes exactly the objects the doctor created: the fixture and the checksum probes' objects when
   * their PUT passed (a wrong CRC32C the server ignored stored one too), and each row's object whose PUT passed and whose own DELETE cell did not
   * already remove it. A PUT that failed created nothing, so it is neither deleted nor counted.
   */
  private Cleanup cleanup(HttpTransport h1, Outcome fixture, List<Cell> cells, Map<String, Outcome> probes) {
    List<String> deleted = new ArrayList<>();
    List<String> toDelete = new ArrayList<>();
    if (fixture != null && fixture.passed()) {
      toDelete.add(key("fixture"));
    }
    for (String probe : List.of("checksum", "checksum-mismatch")) {
      Outcome o = probes.get(probe);
      if (o != null && o.passed()) {
        toDelete.add(key(probe));
      }
    }
    for (Cell c : cells) {
      if (c.operation() != Operation.PUT || !c.passed()) {
        continue;
      }
      String k = rowKey(c.route(), c.shape());
      Cell delete = cells.stream().filter(x -> x.operation() == Operation.DELETE && x.route().equals(c.route())
          && x.shape() == c.shape()).findFirst().orElse(null);
      if (delete != null && delete.passed()) {
        deleted.add(k + ": deleted by its row's DELETE (" + delete.outcome().result() + ")");
      } else {
        toDelete.add(k);
      }
    }
    List<String> left = new ArrayList<>();
    Target target = probeTarget;
    for (String k : toDelete) {
      Outcome o = prober.send(h1, prober.signed("DELETE", target.uri(target.bucket(), k, null), HttpHeaders.empty(), null));
      if (o.passed()) {
        deleted.add(k + ": deleted (" + o.result() + ")");
      } else {
        left.add(k + ": not deleted: " + o.describe());
      }
    }
    return new Cleanup(deleted, left);
  }
}
