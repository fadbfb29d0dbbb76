package io.s3wire.bench.transport;

import io.s3wire.bench.report.Measure;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One large GET and one large PUT per subject: s3wire with each TLS provider over HTTP/1.1 and
 * HTTP/2, and curl over both versions (PUT with {@code -T}: see {@link Curl.Upload}).
 * Subjects run one after another, each transfer timed alone; with {@code --repeats} above 1 the
 * rounds alternate subjects and the best time of each is kept.
 */
final class BigTransfers {
  private final TransportBench.Settings s;
  private final BenchServer server;
  private final URI base;
  private final CertificateFiles cert;
  private final Path file;
  private final Measure get;
  private final Measure put;
  private final Map<String, Double> bestGet = new LinkedHashMap<>();
  private final Map<String, Double> bestPut = new LinkedHashMap<>();
  private final Map<String, String> handshakes = new LinkedHashMap<>();

  BigTransfers(TransportBench.Settings s, BenchServer server, URI base, CertificateFiles cert, Path file, String where) {
    this.s = s;
    this.server = server;
    this.base = base;
    this.cert = cert;
    this.file = file;
    String size = mib(s.big());
    String how = "Each timed transfer opens a fresh connection (s3wire: a new transport after a warm-up of " + mib(s.warmup())
        + " each way on another; curl: a new process, timed from start to exit). s3wire GETs with "
        + "ResponseBody.transferTo(/dev/null) and PUTs RequestBody.ofFile; curl uses -o /dev/null and -T FILE "
        + "(--data-binary @FILE is run too when the size is at most 256 MiB: curl reads the whole file into memory "
        + "first, and curl 7.88 fails with 'out of memory' on 1 GiB). The file is sparse. "
        + "Best of " + s.repeats() + " run(s). Note: TLS cipher as negotiated by each client's defaults. " + where;
    get = new Measure(size + " GET throughput: s3wire per TLS provider and HTTP version vs curl", how);
    put = new Measure(size + " PUT throughput: s3wire per TLS provider and HTTP version vs curl", how);
  }

  List<Measure> run() {
    get.started();
    put.started();
    String curlVersion = Curl.version(s.curl());
    Curl curl = curlVersion == null ? null : new Curl(s.curl(), cert.certificate());
    if (curl == null) {
      get.failed("curl (" + s.curl() + ") cannot run: install it (apt-get install -y curl)");
      put.failed("curl (" + s.curl() + ") cannot run: install it (apt-get install -y curl)");
    }
    for (int round = 0; round < s.repeats(); round++) {
      for (TlsProvider p : List.of(TlsProvider.JDK, TlsProvider.OPENSSL)) {
        for (HttpVersionPolicy v : List.of(HttpVersionPolicy.HTTP_1_1, HttpVersionPolicy.HTTP_2)) {
          ours(p, v, round == 0);
        }
      }
      if (curl != null) {
        for (boolean h2 : List.of(false, true)) {
          curl(curl, h2);
        }
      }
    }
    record(get, bestGet);
    record(put, bestPut);
    for (String version : List.of("HTTP/1.1", "HTTP/2")) {
      for (String p : List.of("JDK", "OPENSSL")) {
        get.ratio("s3wire " + p + " " + version, "curl " + version);
        put.ratio("s3wire " + p + " " + version, "curl " + version + " -T");
        if (s.big() <= Curl.DATA_BINARY_MAX) {
          put.ratio("s3wire " + p + " " + version, "curl " + version + " --data-binary");
        }
      }
    }
    return List.of(get.finished(), put.finished());
  }

  private void ours(TlsProvider p, HttpVersionPolicy v, boolean warm) {
    String subject = "s3wire " + p + " " + (v == HttpVersionPolicy.HTTP_2 ? "HTTP/2" : "HTTP/1.1");
    try {
      if (warm) {
        try (HttpTransport t = HttpTransport.create(OurClient.config(p, v, cert.certificate()))) {
          OurClient.get(t, base, s.warmup());
          OurClient.putRegion(t, base, file, s.warmup());
        }
      }
      try (HttpTransport t = HttpTransport.create(OurClient.config(p, v, cert.certificate()))) {
        long start = System.nanoTime();
        OurClient.get(t, base, s.big());
        keep(bestGet, subject, System.nanoTime() - start);
        handshakes.put(subject, server.lastHandshake());
      }
      try (HttpTransport t = HttpTransport.create(OurClient.config(p, v, cert.certificate()))) {
        long start = System.nanoTime();
        OurClient.put(t, base, file, s.big());
        keep(bestPut, subject, System.nanoTime() - start);
      }
    } catch (Exception e) {
      fail(subject, e);
    }
  }

  private void curl(Curl curl, boolean h2) {
    String version = h2 ? "HTTP/2" : "HTTP/1.1";
    String subject = "curl " + version;
    String url = base.toString().replaceAll("/$", "");
    try {
      keep(bestGet, subject, curl.get(url, s.big(), h2));
      handshakes.put(subject, server.lastHandshake());
      keep(bestPut, subject + " -T", curl.put(url, file, s.big(), h2, Curl.Upload.UPLOAD_FILE));
      if (s.big() <= Curl.DATA_BINARY_MAX) {
        keep(bestPut, subject + " --data-binary", curl.put(url, file, s.big(), h2, Curl.Upload.DATA_BINARY));
      }
    } catch (Exception e) {
      fail(subject, e);
    }
  }

  private void fail(String subject, Exception e) {
    get.failed(subject, e);
    put.failed(subject, e);
  }

  private void keep(Map<String, Double> best, String subject, long nanos) {
    double mibPerSecond = s.big() / (double) (1 << 20) / (nanos / 1e9);
    best.merge(subject, mibPerSecond, Math::max);
  }

  private void record(Measure m, Map<String, Double> best) {
    best.forEach((subject, v) -> {
      String hs = handshakes.get(subject.replace(" -T", "").replace(" --data-binary", ""));
      m.add(subject, v, 0, "MiB/s", hs == null ? "" : hs);
    });
  }

  static String mib(long bytes) {
    return bytes >= 1L << 30 && bytes % (1L << 30) == 0
        ? (bytes >> 30) + " GiB"
        : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
  }
}
