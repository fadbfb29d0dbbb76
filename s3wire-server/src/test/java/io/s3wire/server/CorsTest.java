package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http2.Http2Headers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * CORS as a browser meets it: OPTIONS preflights answered from the bucket's rules without a
 * signature (HTTP/1.1 and HTTP/2), S3's 403 when no rule matches, and the {@code Access-Control-*}
 * headers on actual requests — presigned, anonymous, and errors — that carry {@code Origin}.
 */
@Timeout(60)
class CorsTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";
  static final String NOT_ALLOWED = "CORSResponse: This CORS request is not allowed. This is usually because the"
      + " evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are"
      + " not whitelisted by the resource's CORS spec.";
  static S3Server server;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    server = Peers.onOneDigitDay().start();
    s3 = Peers.apache(server);
    s3.createBucket(r -> r.bucket("web"));
    s3.createBucket(r -> r.bucket("closed"));
    s3.putBucketCors(r -> r.bucket("web").corsConfiguration(c -> c.corsRules(
        CORSRule.builder().allowedOrigins("https://app.example", "https://*.example.org")
            .allowedMethods("GET", "PUT").allowedHeaders("content-type", "x-amz-*").exposeHeaders("ETag")
            .maxAgeSeconds(600).build(),
        CORSRule.builder().allowedOrigins("*").allowedMethods("GET", "HEAD").build())));
    s3.putObject(r -> r.bucket("web").key("page.txt"), RequestBody.fromString("hello"));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
    server.close();
  }

  private static HttpResponse<String> options(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(Peers.uri(server, path)).method("OPTIONS",
        HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The response's access-control-* and vary headers, by lower-case name. */
  private static Map<String, String> cors(HttpResponse<?> r) {
    Map<String, String> out = new TreeMap<>();
    r.headers().map().forEach((k, v) -> {
      String name = k.toLowerCase(java.util.Locale.ROOT);
      if (name.startsWith("access-control-") || name.equals("vary")) {
        out.put(name, String.join(",", v));
      }
    });
    return out;
  }

  @Test
  void preflightMatchingAnExactOriginGetsTheRuleAndEchoesTheOrigin() throws Exception {
    HttpResponse<String> r = options("/web/dir/new.txt", "Origin", "https://app.example",
        "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "Content-Type, X-Amz-Meta-Color");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(cors(r)).isEqualTo(Map.of(
        "access-control-allow-origin", "https://app.example",
        "access-control-allow-methods", "GET, PUT",
        "access-control-allow-headers", "content-type, x-amz-meta-color",
        "access-control-allow-credentials", "true",
        "access-control-expose-headers", "ETag",
        "access-control-max-age", "600",
        "vary", VARY));
    assertThat(r.body()).isEmpty();
  }

  @Test
  void preflightMatchesWildcardOriginsAndFallsToTheNextRule() throws Exception {
    HttpResponse<String> sub = options("/web/k", "Origin", "https://shop.example.org",
        "Access-Control-Request-Method", "GET");
    assertThat(sub.statusCode()).isEqualTo(200);
    assertThat(cors(sub)).containsEntry("access-control-allow-origin", "https://shop.example.org")
        .doesNotContainKey("access-control-allow-headers");
    // Not the first rule's origin: the second rule ("*", GET and HEAD, no headers) answers with *.
    HttpResponse<String> any = options("/web/k", "Origin", "http://elsewhere.test", "Access-Control-Request-Method",
        "HEAD");
    assertThat(any.statusCode()).isEqualTo(200);
    assertThat(cors(any)).isEqualTo(Map.of("access-control-allow-origin", "*",
        "access-control-allow-methods", "GET, HEAD", "vary", VARY));
  }

  @Test
  void preflightThatNoRuleAllowsIsForbiddenAsOnS3() throws Exception {
    assertForbidden(options("/web/k", "Origin", "http://elsewhere.test", "Access-Control-Request-Method", "PUT"),
        "PUT", "OBJECT", NOT_ALLOWED);
    assertForbidden(options("/web/k", "Origin", "https://app.example", "Access-Control-Request-Method", "DELETE"),
        "DELETE", "OBJECT", NOT_ALLOWED);
    assertForbidden(options("/web/k", "Origin", "http://elsewhere.test", "Access-Control-Request-Method", "GET",
        "Access-Control-Request-Headers", "authorization"), "GET", "OBJECT", NOT_ALLOWED);
    assertForbidden(options("/web", "Origin", "https://app.example", "Access-Control-Request-Method", "GET",
        "Access-Control-Request-Headers", "range"), "GET", "BUCKET", NOT_ALLOWED);
    assertForbidden(options("/closed/k", "Origin", "https://app.example", "Access-Control-Request-Method", "GET"),
        "GET", "OBJECT", "CORSResponse: CORS is not enabled for this bucket.");
  }

  private static void assertForbidden(HttpResponse<String> r, String method, String type, String message) {
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(cors(r)).doesNotContainKey("access-control-allow-origin");
    assertThat(r.body()).contains("<Code>AccessForbidden</Code>", "<Message>" + message.replace("'", "&apos;")
        + "</Message>", "<Method>" + method + "</Method>", "<ResourceType>" + type + "</ResourceType>");
  }

  @Test
  void preflightWithoutOriginOrMethodIsABadRequest() throws Exception {
    HttpResponse<String> noOrigin = options("/web/k", "Access-Control-Request-Method", "GET");
    assertThat(noOrigin.statusCode()).isEqualTo(400);
    assertThat(noOrigin.body()).contains("<Code>BadRequest</Code>",
        "<Message>Insufficient information. Origin request header needed.</Message>");
    HttpResponse<String> noMethod = options("/web/k", "Origin", "https://app.example");
    assertThat(noMethod.statusCode()).isEqualTo(400);
    assertThat(noMethod.body()).contains("<Code>BadRequest</Code>");
    HttpResponse<String> noBucket = options("/nobucket/k", "Origin", "https://app.example",
        "Access-Control-Request-Method", "GET");
    assertThat(noBucket.statusCode()).isEqualTo(404);
    assertThat(noBucket.body()).contains("<Code>NoSuchBucket</Code>");
  }

  @Test
  void preflightOverHttp2() throws Exception {
    try (RawH2Client c = new RawH2Client(server.port())) {
      c.headers(1, RawH2Client.request("OPTIONS", "/web/k", "origin", "https://app.example",
          "access-control-request-method", "PUT", "access-control-request-headers", "content-type"), true);
      Http2Headers h = c.decode(c.await(RawH2Client.HEADERS, 1));
      assertThat(h.status().toString()).isEqualTo("200");
      assertThat(h.get("access-control-allow-origin").toString()).isEqualTo("https://app.example");
      assertThat(h.get("access-control-allow-methods").toString()).isEqualTo("GET, PUT");
      assertThat(h.get("access-control-allow-headers").toString()).isEqualTo("content-type");
      assertThat(h.get("access-control-max-age").toString()).isEqualTo("600");
      assertThat(h.get("vary").toString()).isEqualTo(VARY);
      c.headers(3, RawH2Client.request("OPTIONS", "/web/k", "origin", "http://elsewhere.test",
          "access-control-request-method", "PUT"), true);
      assertThat(c.decode(c.await(RawH2Client.HEADERS, 3)).status().toString()).isEqualTo("403");
    }
  }

  private static S3Presigner presigner() {
    return S3Presigner.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .pathStyleAccessEnabled(true).build())
        .credentialsProvider(Peers.credentials(server)).build();
  }

  @Test
  void presignedRequestsWithOriginGetTheMatchingRulesHeaders() throws Exception {
    try (S3Presigner presigner = presigner()) {
      URI get = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket("web").key("page.txt"))).url().toURI();
      HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(get).header("Origin", "https://app.example").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("hello");
      assertThat(cors(ok)).isEqualTo(Map.of(
          "access-control-allow-origin", "https://app.example",
          "access-control-allow-methods", "GET, PUT",
          "access-control-allow-credentials", "true",
          "access-control-expose-headers", "ETag",
          "access-control-max-age", "600",
          "vary", VARY));

      URI put = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
          .putObjectRequest(p -> p.bucket("web").key("up.txt"))).url().toURI();
      HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(put).header("Origin", "https://a.example.org")
          .PUT(HttpRequest.BodyPublishers.ofString("from the browser")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(uploaded.statusCode()).isEqualTo(200);
      assertThat(cors(uploaded)).containsEntry("access-control-allow-origin", "https://a.example.org")
          .containsEntry("access-control-expose-headers", "ETag");
      assertThat(s3.getObjectAsBytes(r -> r.bucket("web").key("up.txt")).asString(StandardCharsets.UTF_8))
          .isEqualTo("from the browser");

      // An origin no rule allows for the method: the answer itself, with Vary but no permission.
      HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(put).header("Origin", "http://elsewhere.test")
          .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(cors(other)).isEqualTo(Map.of("vary", VARY));
    }
  }

  @Test
  void errorsAndUnsignedRequestsCarryTheHeadersToo() throws Exception {
    HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(Peers.uri(server, "/web/page.txt"))
        .header("Origin", "http://elsewhere.test").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(cors(unsigned)).containsEntry("access-control-allow-origin", "*");
    try (S3Presigner presigner = presigner()) {
      URI missing = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket("web").key("absent"))).url().toURI();
      HttpResponse<String> notFound = HTTP.send(HttpRequest.newBuilder(missing)
          .header("Origin", "https://app.example").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(notFound.statusCode()).isEqualTo(404);
      assertThat(cors(notFound)).containsEntry("access-control-allow-origin", "https://app.example");
    }
    // Without Origin nothing CORS is added.
    HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(Peers.uri(server, "/web/page.txt")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(cors(plain)).isEmpty();
  }

  @Test
  void anonymousServerAnswersOriginRequests() throws Exception {
    try (S3Server open = S3Server.builder().anonymous(true).start()) {
      open.store().createBucket("pub");
      open.store().putBucketConfig("pub", "cors", ("<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
          + "<AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>").getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(Peers.uri(open, "/pub?list-type=2"))
          .header("Origin", "https://app.example").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(cors(r)).isEqualTo(Map.of("access-control-allow-origin", "*", "access-control-allow-methods", "GET",
          "vary", VARY));
      assertThat(List.of(r.body())).allMatch(b -> b.contains("<ListBucketResult"));
    }
  }
}
