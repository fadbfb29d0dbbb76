package io.s3wire.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfileFile;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServerProfile;
import io.s3wire.server.internal.fault.MiniJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One doctor run against a gcs-profile server with {@code --json --report --write-profile}: the JSON
 * validates against docs/doctor-schema.json, the HTML is self-contained with the matrix and a
 * diagram per failing cell, the profile file loads and says what was measured.
 */
@Timeout(180)
class DoctorOutputsTest {
  @TempDir Path dir;
  private S3Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonValidatesHtmlIsSelfContainedProfileLoads() throws Exception {
    server = S3Server.builder().tls(true).profile(ServerProfile.GCS).build().start();
    DoctorTestServer.bucket(server);
    Map<String, String> env = DoctorTestServer.env(server, dir, DoctorTestServer.ca(server, dir));
    Path html = dir.resolve("report.html");
    Path profile = dir.resolve("measured.profile");
    Map<String, Object> doc = DoctorTestServer.runJson(server, env, "--report=" + html, "--write-profile=" + profile);

    Path schemaFile = Path.of("..", "docs", "doctor-schema.json");
    Map<String, Object> schema = (Map<String, Object>) MiniJson.parse(Files.readString(schemaFile, StandardCharsets.UTF_8));
    assertThat(new SchemaValidator(schema).validate(doc)).isEmpty();
    assertThat(DoctorTestServer.ids(doc, "problem"))
        .containsExactly("host-header-reset", "checksum-rejected", "delete-objects-needs-md5");
    assertThat((List<Object>) doc.get("cells")).hasSize(2 * 3 * 5 * 4);

    // The validator must be able to fail: a wrong type and an unknown property are both reported.
    Map<String, Object> broken = new java.util.LinkedHashMap<>(doc);
    broken.put("millis", "soon");
    broken.put("extra", true);
    assertThat(new SchemaValidator(schema).validate(broken))
        .containsExactly("$.millis: expected [integer] but was String soon", "$: property 'extra' is not allowed");

    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<table id=\"matrix\">");
    Matcher svgs = Pattern.compile("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sequence\"").matcher(page);
    int diagrams = 0;
    while (svgs.find()) {
      diagrams++;
    }
    assertThat(diagrams).isGreaterThan(0);
    assertThat(page).contains("RST_STREAM [stream ").contains("(error_code=PROTOCOL_ERROR(0x01))");
    // Self-contained: nothing is fetched from elsewhere.
    assertThat(page).doesNotContain("<script src", "<link ", "@import", "url(http", "src=\"http");

    ProviderProfile measured = ProviderProfileFile.read(profile);
    assertThat(measured.forbidsHostHeaderOnH2()).isTrue();
    assertThat(measured.acceptsFlexibleChecksums()).isFalse();
    assertThat(measured.deleteObjectsNeedsContentMd5()).isTrue();
    assertThat(measured.defaultRegion()).isEqualTo("us-east-1");

    // --provider-file loads what --write-profile wrote.
    Map<String, Object> again = DoctorTestServer.runJson(server, env, "--provider-file=" + profile);
    assertThat(DoctorTestServer.ids(again, "problem")).contains("host-header-reset");
  }
}
