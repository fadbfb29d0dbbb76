package io.s3wire.cli.doctor;

import static io.s3wire.cli.doctor.DoctorTestServer.finding;
import static io.s3wire.cli.doctor.DoctorTestServer.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServerProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each recognised cause, injected into the embedded server, is named, and it is the only problem
 * named; a healthy server gets "no problem found". Notes (facts that break other clients, such as
 * RFC 9113's reset of connection-specific headers) are not problems and are checked separately.
 */
@Timeout(180)
class DoctorCausesTest {
  @TempDir Path dir;
  private S3Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Map<String, String> start(S3Server.Builder b) throws Exception {
    server = b.tls(true).build().start();
    DoctorTestServer.bucket(server);
    return DoctorTestServer.env(server, dir, DoctorTestServer.ca(server, dir));
  }

  private Map<String, Object> run(Map<String, String> env) {
    return DoctorTestServer.runJson(server, env);
  }

  private static ServerProfile profile(boolean hostReset, boolean needsMd5, boolean checksums) {
    return new ServerProfile("test", hostReset, Set.of("us-east-1"), needsMd5, checksums, false);
  }

  @Test
  void healthyServerHasNoProblem() throws Exception {
    Map<String, Object> doc = run(start(S3Server.builder()));
    assertThat(ids(doc, "problem")).isEmpty();
    assertThat(ids(doc, "note")).containsExactly("connection-header-reset");
    assertThat(doc.get("verdict")).isEqualTo("no problem found");
  }

  @Test
  void hostHeaderReset() throws Exception {
    Map<String, Object> doc = run(start(S3Server.builder().profile(profile(true, false, true))));
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("host-header-reset");
    @SuppressWarnings("unchecked")
    List<String> evidence = (List<String>) finding(doc, "host-header-reset").get("evidence");
    assertThat(evidence).anyMatch(l -> l.matches("\\[ *\\d+\\.\\d{3}\\] c\\d+ send HEADERS frame <length=\\d+, flags=0x0[45], stream_id=\\d+>"));
    assertThat(evidence).anyMatch(l -> l.trim().equals("host: " + server.endpoint().getRawAuthority()));
    assertThat(evidence).anyMatch(l -> l.matches("\\[ *\\d+\\.\\d{3}\\] c\\d+ recv RST_STREAM frame <length=4, flags=0x00, stream_id=\\d+>"));
    assertThat(evidence).anyMatch(l -> l.trim().equals("(error_code=PROTOCOL_ERROR(0x01))"));
    assertThat((String) finding(doc, "host-header-reset").get("source")).contains("RFC 9113 section 8.3.1").contains("rust-s3#377");
  }

  @Test
  void http11Required() throws Exception {
    Map<String, String> env = start(S3Server.builder()
        .faultRules(List.of(FaultRule.when().protocol(HttpProtocol.HTTP_2).http11Required())));
    Map<String, Object> doc = run(env);
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("http-1-1-required");
    assertThat((String) finding(doc, "http-1-1-required").get("source")).contains("RFC 9113 section 7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "http/1.1"})
  void serverWithoutH2(String alpn) throws Exception {
    List<String> offer = alpn.equals("none") ? List.of() : List.of("http/1.1");
    Map<String, Object> doc = run(start(S3Server.builder().alpn(offer)));
    assertThat(ids(doc, "problem")).isEmpty();
    assertThat(ids(doc, "note")).containsExactly("no-h2");
    Map<String, Object> f = finding(doc, "no-h2");
    assertThat((String) f.get("title")).isEqualTo(alpn.equals("none")
        ? "The server offers no ALPN: every connection is HTTP/1.1"
        : "The server selects only http/1.1 in ALPN: every connection is HTTP/1.1");
    @SuppressWarnings("unchecked")
    List<String> evidence = (List<String>) f.get("evidence");
    assertThat(evidence).anyMatch(l -> l.startsWith("HTTP/2 demanded (ALPN h2 only, policy HTTP_2): ALPN: the server selected"));
  }

  @Test
  void clockSkewWithTheMeasuredOffset() throws Exception {
    Map<String, Object> doc = run(start(S3Server.builder().clockOffset(Duration.ofHours(2))));
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("clock-skew");
    String title = (String) finding(doc, "clock-skew").get("title");
    Matcher m = Pattern.compile("Clock skew: the server's clock is (\\d+) s ahead of this machine's clock").matcher(title);
    assertThat(m.matches()).as(title).isTrue();
    assertThat(Long.parseLong(m.group(1))).isBetween(7190L, 7210L);
  }

  @Test
  void wrongRegionNamesTheExpectedOne() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(start(S3Server.builder()));
    env.put("AWS_REGION", "eu-west-1");
    Map<String, Object> doc = run(env);
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("wrong-region");
    assertThat(finding(doc, "wrong-region").get("title"))
        .isEqualTo("Wrong region: requests are signed for eu-west-1, the server expects us-east-1");
  }

  @Test
  void wrongSecretShowsIdenticalCanonicalTexts() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(start(S3Server.builder()));
    env.put("AWS_SECRET_ACCESS_KEY", "not-the-secret-0123456789abcdefghijklmnop");
    Map<String, Object> doc = run(env);
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("signature-mismatch");
    Map<String, Object> f = finding(doc, "signature-mismatch");
    assertThat(f.get("title")).isEqualTo("SignatureDoesNotMatch: wrong secret key");
    @SuppressWarnings("unchecked")
    List<String> evidence = (List<String>) f.get("evidence");
    assertThat(evidence.get(0)).isEqualTo("canonical request (' ' same, '!' differs; ours | server's):");
    assertThat(evidence).contains("  GET", "string to sign:", "  AWS4-HMAC-SHA256");
    assertThat(evidence).noneMatch(l -> l.startsWith("! "));
    assertThat(String.join("\n", evidence)).doesNotContain("not-the-secret").doesNotContain(server.secretKey());
  }

  @Test
  void unknownAccessKey() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(start(S3Server.builder()));
    env.put("AWS_ACCESS_KEY_ID", "AKIAUNKNOWNKEY000000");
    Map<String, Object> doc = run(env);
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("invalid-access-key");
  }

  @Test
  void untrustedCertificate() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(start(S3Server.builder()));
    env.remove("AWS_CA_BUNDLE");
    Map<String, Object> doc = run(env);
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("untrusted-certificate");
    assertThat(ids(doc, "note")).isEmpty();
  }

  @Test
  void virtualHostedStyleOnAnAddressWithoutWildcardDns() throws Exception {
    Map<String, String> env = start(S3Server.builder());
    java.nio.file.Files.createDirectories(dir.resolve(".aws"));
    java.nio.file.Files.writeString(dir.resolve(".aws/config"), "[default]\ns3 =\n    addressing_style = virtual\n");
    Map<String, Object> doc = run(env);
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("wrong-addressing-style");
    assertThat(ids(doc, "note")).isEmpty();
    Map<String, Object> f = finding(doc, "wrong-addressing-style");
    assertThat(f.get("title")).isEqualTo("Wrong addressing style: virtual-hosted-style requests fail, path-style requests work");
    @SuppressWarnings("unchecked")
    List<String> evidence = (List<String>) f.get("evidence");
    String port = Integer.toString(server.endpoint().getPort());
    assertThat(evidence.get(0)).startsWith("virtual-hosted-style: HEAD https://" + DoctorTestServer.BUCKET + ".127.0.0.1:" + port + "/ — ");
    assertThat(evidence.get(1)).isEqualTo("path-style: HEAD https://127.0.0.1:" + port + "/" + DoctorTestServer.BUCKET + " — 200");
    assertThat((String) f.get("cause")).contains("does not resolve").contains("it is an IP address");
    @SuppressWarnings("unchecked")
    List<String> fixes = (List<String>) f.get("fixes");
    assertThat(fixes.get(0)).contains("addressing_style = path");
    assertThat(fixes.get(1)).contains("--provider-file");
    assertThat((String) f.get("source")).contains("Virtual hosting of buckets").contains("s3s#283");
    assertThat(server.store().listObjects(DoctorTestServer.BUCKET, "", "").hasNext()).as("the doctor left no object behind").isFalse();
  }

  @Test
  void certificateForAnotherHost() throws Exception {
    Path[] pem = OtherHostCertificate.write(dir);
    Map<String, Object> doc = run(start(S3Server.builder().certificate(pem[0], pem[1])));
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("hostname-mismatch");
    assertThat(ids(doc, "note")).isEmpty();
    Map<String, Object> f = finding(doc, "hostname-mismatch");
    assertThat((String) f.get("cause")).contains("(127.0.0.1)");
    assertThat((String) f.get("source")).contains("RFC 6125 section 6");
  }

  @Test
  void flexibleChecksumsRejected() throws Exception {
    Map<String, Object> doc = run(start(S3Server.builder().profile(profile(false, false, false))));
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("checksum-rejected");
  }

  @Test
  void deleteObjectsWithoutContentMd5Rejected() throws Exception {
    Map<String, Object> doc = run(start(S3Server.builder().profile(profile(false, true, true))));
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings"))).containsExactly("delete-objects-needs-md5");
  }

  /**
   * A shape rejected in forms other than a reset: the server's fault rules answer the shape's requests
   * (only they carry expect, or content-length on a bodiless request) with GOAWAY, a closed
   * connection, 400 with S3 error XML and 421; the doctor names each shape once with the form it took.
   */
  @Test
  void aShapeRejectedInOtherFormsIsNamedWithTheFormItTook() throws Exception {
    Map<String, Object> doc = run(start(S3Server.builder().faultRules(List.of(
        FaultRule.when().method("PUT").header("expect").protocol(HttpProtocol.HTTP_2).goAway(Http2ErrorCode.PROTOCOL_ERROR, -1),
        FaultRule.when().method("PUT").header("expect").protocol(HttpProtocol.HTTP_1_1).resetStream(Http2ErrorCode.PROTOCOL_ERROR),
        FaultRule.when().method("GET").header("content-length").error(400, S3ErrorCode.INVALID_REQUEST),
        FaultRule.when().method("HEAD").header("content-length").error(421, S3ErrorCode.INVALID_REQUEST)))));
    assertThat(ids(doc, "problem")).as(() -> String.valueOf(doc.get("findings")))
        .containsExactly("content-length-zero-rejected", "expect-continue-rejected");

    Map<String, Object> cl = finding(doc, "content-length-zero-rejected");
    assertThat(cl.get("title")).isEqualTo("Bodiless requests with content-length: 0 are rejected: s3wire answered 400"
        + " InvalidRequest: 'Invalid Request'");
    assertThat((String) cl.get("whatFails")).startsWith("12 cell(s) with content-length: 0 fail where the normalised request"
        + " passes: 421 on 6: jdk h2,http/1.1 content-length-0 bucket, ").contains("; 400 on 6: jdk h2,http/1.1 content-length-0 get, ");

    Map<String, Object> expect = finding(doc, "expect-continue-rejected");
    assertThat(expect.get("title")).isEqualTo("Uploads with expect: 100-continue are rejected: the server closed the connection"
        + " with GOAWAY(PROTOCOL_ERROR)");
    assertThat(expect.get("whatFails")).isEqualTo("6 cell(s) with expect: 100-continue fail where the normalised request"
        + " passes: GOAWAY:PROTOCOL_ERROR on 2: jdk h2,http/1.1 expect-100 put, openssl h2,http/1.1 expect-100 put;"
        + " CONNECTION_CLOSED on 4: jdk http/1.1 expect-100 put, jdk none expect-100 put, openssl http/1.1 expect-100 put,"
        + " openssl none expect-100 put");
    @SuppressWarnings("unchecked")
    List<String> evidence = (List<String>) expect.get("evidence");
    assertThat(evidence.get(0)).matches("jdk h2,http/1\\.1 expect-100 put: h2 GOAWAY:PROTOCOL_ERROR \\d+ms"
        + " — GOAWAY\\(PROTOCOL_ERROR, last-stream-id \\d+\\) covering stream \\d+");
    assertThat(evidence).contains("          expect: 100-continue");
    assertThat(String.valueOf(doc)).doesNotContain(server.secretKey());
  }
}
