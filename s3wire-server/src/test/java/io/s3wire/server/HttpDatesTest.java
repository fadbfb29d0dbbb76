package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's HTTP dates on a clock pinned to days 1 and 9 of a month, over HTTP/1.1 and HTTP/2:
 * {@code Date} and {@code Last-Modified} are IMF-fixdate byte for byte, and conditional dates are read
 * in all three RFC 9110 forms, a malformed one ignored as S3 ignores it.
 */
@Timeout(60)
class HttpDatesTest {
  static final Pattern IMF_FIXDATE = Pattern.compile(
      "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4}"
          + " [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");
  /** A Sunday and a Monday: the first and last one-digit days of November 2026. */
  static final Instant DAY_1 = Instant.parse("2026-11-01T02:03:04Z");
  static final Instant DAY_9 = Instant.parse("2026-11-09T23:59:59Z");

  @TempDir static Path dir;
  private static S3Server day1;
  private static S3Server day9;
  private static HttpTransport h1;
  private static HttpTransport h2;

  @BeforeAll
  static void start() throws Exception {
    day1 = pinned(DAY_1);
    day9 = pinned(DAY_9);
    Path both = dir.resolve("both.pem");
    java.nio.file.Files.writeString(both, day1.certificatePem() + day9.certificatePem());
    TransportConfig base = TransportConfig.builder().trustedCertificates(both).build();
    h1 = HttpTransport.create(base.toBuilder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
        .alpnOffer(AlpnOffer.of("http/1.1")).build());
    h2 = HttpTransport.create(base.toBuilder().versionPolicy(HttpVersionPolicy.HTTP_2).alpnOffer(AlpnOffer.of("h2"))
        .build());
  }

  private static S3Server pinned(Instant now) throws Exception {
    S3Server s = S3Server.builder().tls(true).anonymous(true).clock(Clock.fixed(now, ZoneOffset.UTC)).start();
    s.store().createBucket("bucket");
    s.store().putObject("bucket", "obj", ObjectAttributes.empty(), new ByteArrayInputStream(new byte[] {1, 2, 3}));
    return s;
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {h1, h2, day1, day9}) {
      if (c != null) {
        c.close();
      }
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(HttpProtocol.HTTP_1_1, DAY_1, "Sun, 01 Nov 2026 02:03:04 GMT"),
        Arguments.of(HttpProtocol.HTTP_2, DAY_1, "Sun, 01 Nov 2026 02:03:04 GMT"),
        Arguments.of(HttpProtocol.HTTP_1_1, DAY_9, "Mon, 09 Nov 2026 23:59:59 GMT"),
        Arguments.of(HttpProtocol.HTTP_2, DAY_9, "Mon, 09 Nov 2026 23:59:59 GMT"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void dateAndLastModifiedAreImfFixdate(HttpProtocol version, Instant day, String expected) throws Exception {
    S3Server server = day.equals(DAY_1) ? day1 : day9;
    for (String method : new String[] {"GET", "HEAD"}) {
      try (HttpResponse r = send(version, server, method, "/bucket/obj", HttpHeaders.empty())) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.attempts()).last().satisfies(a -> assertThat(a.protocol()).isEqualTo(version));
        assertThat(r.headers().first("date")).hasValue(expected).get().asString().matches(IMF_FIXDATE);
        assertThat(r.headers().first("last-modified")).hasValue(expected).get().asString().matches(IMF_FIXDATE);
      }
    }
    // An error answer carries the same Date.
    try (HttpResponse r = send(version, server, "GET", "/bucket/missing", HttpHeaders.empty())) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.headers().first("date")).hasValue(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void conditionalDatesInEveryFormAndMalformedOnesIgnored(HttpProtocol version) throws Exception {
    // The object was stored at Sun, 01 Nov 2026 02:03:04 GMT.
    assertThat(status(version, "If-Modified-Since", "Sun, 01 Nov 2026 02:03:04 GMT")).isEqualTo(304);
    assertThat(status(version, "If-Modified-Since", "Sunday, 01-Nov-26 02:03:04 GMT")).isEqualTo(304);
    assertThat(status(version, "If-Modified-Since", "Sun Nov  1 02:03:04 2026")).isEqualTo(304);
    assertThat(status(version, "If-Modified-Since", "Sun, 1 Nov 2026 02:03:03 GMT")).isEqualTo(200);
    assertThat(status(version, "If-Unmodified-Since", "Saturday, 31-Oct-26 23:00:00 GMT")).isEqualTo(412);
    assertThat(status(version, "If-Unmodified-Since", "Sun Nov  1 02:03:04 2026")).isEqualTo(200);
    // Malformed dates, short or long, are ignored: the object is served, never a 500.
    assertThat(status(version, "If-Modified-Since", "not a date")).isEqualTo(200);
    assertThat(status(version, "If-Unmodified-Since", "Sun, 99 Nov 2026 02:03:04 GMT")).isEqualTo(200);
    assertThat(status(version, "If-Modified-Since", "x".repeat(200))).isEqualTo(200);
  }

  static Stream<HttpProtocol> versions() {
    return Stream.of(HttpProtocol.HTTP_1_1, HttpProtocol.HTTP_2);
  }

  private static int status(HttpProtocol version, String header, String value) throws Exception {
    try (HttpResponse r = send(version, day1, "GET", "/bucket/obj", HttpHeaders.of(header, value))) {
      r.body().bytes();
      return r.status();
    }
  }

  private static HttpResponse send(HttpProtocol version, S3Server server, String method, String path,
      HttpHeaders headers) throws Exception {
    HttpTransport t = version == HttpProtocol.HTTP_2 ? h2 : h1;
    HttpRequest request = new HttpRequest(method, server.endpoint().resolve(path), headers, RequestBody.empty());
    return t.execute(request).get(30, TimeUnit.SECONDS);
  }
}
