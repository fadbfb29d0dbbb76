package io.s3wire.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.server.S3Server;
import io.s3wire.server.internal.fault.MiniJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor against the embedded server over plain HTTP: rows that make sense there (HTTP/1.1 and
 * h2c, per shape; no TLS provider or ALPN offer) with one line saying why, a cleanup line that counts
 * what was really created, and a bucket that does not exist named as such. One run gives the text,
 * the JSON (checked against docs/doctor-schema.json) and the HTML.
 */
@Timeout(180)
class DoctorPlainHttpTest {
  private static final String PLAIN_LINE = "s3wire doctor: plain HTTP, so no TLS provider or ALPN offer to vary: each request"
      + " shape runs over HTTP/1.1 and over HTTP/2 with prior knowledge (h2c)";

  @TempDir Path dir;
  private S3Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** One doctor run against a plain-HTTP embedded server; the bucket is created first when {@code create}. */
  private DoctorReport run(String bucket, boolean create) throws Exception {
    server = S3Server.builder().build().start();
    if (create) {
      server.store().createBucket(bucket);
    }
    Map<String, String> env = DoctorTestServer.env(server, dir, null);
    return new DoctorEngine(env, Clock.systemUTC()).run(new DoctorOptions(server.endpoint(), bucket, null, null, null, false,
        null, null));
  }

  @Test
  @SuppressWarnings("unchecked")
  void rowsAreHttp11AndH2cAndTheCleanupCountsWhatWasCreated() throws Exception {
    DoctorReport r = run(DoctorTestServer.BUCKET, true);
    List<String> text = TextRenderer.render(r);
    String all = String.join("\n", text);

    assertThat(text.get(1)).isEqualTo(PLAIN_LINE);
    assertThat(text).contains("http                  shape             bucket                   put                      get"
        + "                      delete");
    assertThat(text.stream().filter(l -> l.startsWith("http/1.1 ") || l.startsWith("h2c "))).hasSize(2 * Shape.values().length);
    assertThat(text).anyMatch(l -> l.matches("h2c {19}normalised {9}h2 200 \\d+ms.*"));
    assertThat(all).doesNotContain("unavailable", "jdk ", "openssl ");
    assertThat(r.problems()).as(all).isEmpty();

    long rowPuts = r.measurements().cells().stream().filter(c -> c.operation() == Operation.PUT && c.passed()).count();
    long created = rowPuts + 2; // and the fixture and the checksum probe's object
    assertThat(r.measurements().probes().get("checksum").passed()).isTrue();
    assertThat(text.get(text.size() - 1)).matches("cleanup: deleted " + created
        + " test object\\(s\\) under s3wire-doctor-[0-9a-f]+/ \\(\\d+\\.\\d s in all\\)");
    assertThat(server.store().listObjects(DoctorTestServer.BUCKET, "", "").hasNext()).as("the doctor left no object").isFalse();

    Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(JsonRenderer.render(r));
    Map<String, Object> schema = (Map<String, Object>) MiniJson.parse(
        Files.readString(Path.of("..", "docs", "doctor-schema.json"), StandardCharsets.UTF_8));
    assertThat(new SchemaValidator(schema).validate(doc)).isEmpty();
    assertThat((List<Object>) doc.get("headline")).contains(PLAIN_LINE);
    List<Map<String, Object>> cells = (List<Map<String, Object>>) (List<?>) doc.get("cells");
    assertThat(cells).hasSize(2 * Shape.values().length * Operation.values().length);
    assertThat(cells).allMatch(c -> c.get("tls") == null && c.get("alpn") == null);
    assertThat(cells).extracting(c -> c.get("http")).containsOnly("http/1.1", "h2c");
    assertThat((List<Object>) doc.get("cleanup")).hasSize((int) created);

    String html = HtmlRenderer.render(r);
    assertThat(html).contains("<tr><th>http</th><th>shape</th>").doesNotContain("<th>tls</th>");
    assertThat(all + doc + html).doesNotContain(server.secretKey());
  }

  @Test
  void aBucketThatDoesNotExistIsNamedAndNothingIsSaidToBeDeleted() throws Exception {
    DoctorReport r = run("no-such-bucket-here", false);
    List<String> text = TextRenderer.render(r);

    assertThat(r.problems()).extracting(Finding::id).as(String.join("\n", text)).containsExactly("no-such-bucket");
    Finding f = r.problems().get(0);
    assertThat(f.title()).isEqualTo("Bucket no-such-bucket-here does not exist at " + server.endpoint());
    assertThat(f.fixes().get(0)).isEqualTo("create it: s3wire mb s3://no-such-bucket-here --endpoint " + server.endpoint());
    assertThat(f.cause()).contains("s3wire answered 404 NoSuchBucket: 'The specified bucket does not exist'");
    assertThat(text.get(text.size() - 1)).matches(
        "cleanup: no test object was created, so there was none to delete \\(\\d+\\.\\d s in all\\)");
    assertThat(r.measurements().cleanup().lines()).isEmpty();
    assertThat(String.join("\n", text)).doesNotContain("unrecognised-failure").doesNotContain(server.secretKey());
  }
}
