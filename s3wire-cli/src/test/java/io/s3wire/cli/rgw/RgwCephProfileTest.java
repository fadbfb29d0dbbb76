package io.s3wire.cli.rgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectMetadata;
import io.s3wire.S3Client;
import io.s3wire.auth.Credentials;
import io.s3wire.auth.PayloadHash;
import io.s3wire.auth.SigV4Signer;
import io.s3wire.cli.rgw.RgwCli.Front;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.it.S3Target;
import io.s3wire.provider.Capability;
import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfileFile;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.rgw.RgwCluster;
import io.s3wire.server.internal.fault.MiniJson;
import io.s3wire.wire.WireEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The built-in {@code ceph} provider profile against what Ceph RGW 16.2 does: the doctor's measured
 * profile ({@code doctor --write-profile}, base {@code ceph}) must equal it but for the differences
 * named here, and the capabilities the doctor does not measure but the client acts on are checked
 * with requests of their own.
 */
@Tag("rgw")
@Timeout(300)
class RgwCephProfileTest {
  @TempDir Path tmp;

  /**
   * Where the measured profile differs from the built-in one, and why. Through the nginx front an
   * HTTP/2 request with a host header gets 400 (nginx 1.22 takes :authority as the host and refuses a
   * second one): that is the front's doing; RGW has no HTTP/2 of its own, so the profile says false.
   */
  private static Map<String, String> expectedDifferences(Front front) {
    return front == Front.TLS ? Map.of("forbidsHostHeaderOnH2", "false -> true") : Map.of();
  }

  /**
   * What the doctor finds: RGW 16.2 stores a PUT whose CRC32C does not match its body (it ignores the
   * flexible checksum headers); the nginx front refuses a host header on HTTP/2; on plain HTTP, RGW's
   * Beast front end speaks no h2c (it answers the HTTP/2 preface with an HTTP/1.1 response).
   */
  private static List<String> expectedFindings(Front front) {
    return front == Front.TLS ? List.of("note checksum-ignored", "problem host-header-rejected")
        : List.of("note checksum-ignored", "note no-h2c");
  }

  @ParameterizedTest
  @EnumSource(Front.class)
  @SuppressWarnings("unchecked")
  void theDoctorMeasuresTheBuiltInCephProfile(Front front) throws Exception {
    RgwCli cli = new RgwCli(front, tmp);
    String b = RgwCli.bucket("profile");
    cli.ok("mb", "s3://" + b);
    Path file = tmp.resolve("measured.profile");
    String out = cli.ok("doctor", "--bucket", b, "--json", "--write-profile", file.toString()).out();
    Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(out);
    List<Map<String, Object>> findings = (List<Map<String, Object>>) doc.get("findings");
    assertThat(findings).as(out).extracting(f -> f.get("severity") + " " + f.get("id"))
        .containsExactlyInAnyOrderElementsOf(expectedFindings(front));

    ProviderProfile measured = ProviderProfileFile.read(file);
    ProviderProfile builtIn = ProviderProfiles.ceph();
    Map<String, String> differences = new TreeMap<>();
    for (Capability c : Capability.values()) {
      if (c != Capability.NAME && !c.valueOf(measured).equals(c.valueOf(builtIn))) {
        differences.put(c.key(), c.valueOf(builtIn) + " -> " + c.valueOf(measured));
      }
    }
    assertThat(differences).as(ProviderProfileFile.format(measured)).isEqualTo(expectedDifferences(front));
    cli.ok("rb", "s3://" + b);
  }

  /** acceptsContentMd5: RGW refuses a part whose Content-MD5 is not its body's (BadDigest). */
  @Test
  void contentMd5IsChecked() {
    assertThat(ProviderProfiles.ceph().acceptsContentMd5()).isTrue();
    try (S3Client client = client(RgwCluster.get().plainTarget(), ProviderProfiles.ceph())) {
      String b = bucket(client);
      MultipartUpload upload = client.createMultipartUpload(BucketKey.of(b, "md5"), ObjectMetadata.NONE);
      byte[] wrongMd5 = new byte[16];
      assertThatThrownBy(() -> client.async().uploadPart(upload, 1, RequestBody.ofBytes(utf8("part")), wrongMd5).join())
          .cause().isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("BadDigest");
          });
      client.abortMultipartUpload(upload);
    }
  }

  /**
   * acceptsAwsChunkedTrailers: over TLS (where the transfer engine would use them) RGW 16.2 refuses
   * a part sent as aws-chunked with a trailing CRC32C (STREAMING-UNSIGNED-PAYLOAD-TRAILER). The client
   * then steps down to the checksum header, so the refusal shows as the step-down's evidence.
   */
  @Test
  void unsignedTrailersAreRefused() {
    assertThat(ProviderProfiles.ceph().acceptsAwsChunkedTrailers()).isFalse();
    ProviderProfile withTrailers = ProviderProfiles.ceph().toBuilder().acceptsFlexibleChecksums(true)
        .acceptsAwsChunkedTrailers(true).build();
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    S3Target tls = RgwCluster.get().tlsTarget();
    try (S3Client client = tls.configure(S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), Path.of("target", "no-aws-home"))).endpoint(tls.endpoint())
        .region(RgwCluster.get().region()).credentials(tls.accessKey(), tls.secretKey()).provider(withTrailers)
        .listener(events::add)).build()) {
      String b = bucket(client);
      MultipartUpload upload = client.createMultipartUpload(BucketKey.of(b, "trailer"), ObjectMetadata.NONE);
      client.async().uploadPartWithTrailingChecksum(upload, 1, RequestBody.ofBytes(utf8("part")), ChecksumAlgorithm.CRC32C)
          .join();
      assertThat(events).filteredOn(e -> e instanceof WireEvent.UploadStepDown).first()
          .isInstanceOfSatisfying(WireEvent.UploadStepDown.class, e -> {
            assertThat(e.from()).isEqualTo("aws-chunked with a trailing checksum");
            assertThat(e.reason()).startsWith("400 XAmzContentSHA256Mismatch to an upload that signed no payload hash");
          });
      client.abortMultipartUpload(upload);
    }
  }

  /**
   * supportsConditionalWrites is false: RGW 16.2 honours {@code If-None-Match: *} on PUT, but it
   * compares {@code If-Match} with the stored ETag without its quotes, so the quoted form RFC 9110
   * and the AWS SDKs use fails with 412 even when it matches; only a bare hex ETag passes.
   */
  @Test
  void conditionalWritesAreOnlyHalfHonoured() throws Exception {
    assertThat(ProviderProfiles.ceph().supportsConditionalWrites()).isFalse();
    RgwCluster rgw = RgwCluster.get();
    try (S3Client client = client(rgw.plainTarget(), ProviderProfiles.ceph())) {
      String b = bucket(client);
      client.putObject(BucketKey.of(b, "k"), utf8("first"));
      String eTag = client.headObject(BucketKey.of(b, "k")).eTag();
      try (HttpTransport http = HttpTransport.create(TransportConfig.builder().build())) {
        URI existing = URI.create(rgw.endpoint() + "/" + b + "/k");
        assertThat(put(http, existing, "If-None-Match", "*")).isEqualTo(412);
        assertThat(put(http, URI.create(rgw.endpoint() + "/" + b + "/new"), "If-None-Match", "*")).isEqualTo(200);
        assertThat(put(http, existing, "If-Match", "\"00000000000000000000000000000000\"")).isEqualTo(412);
        assertThat(put(http, existing, "If-Match", "\"" + eTag + "\"")).as("a matching quoted If-Match").isEqualTo(412);
        assertThat(client.getObjectBytes(BucketKey.of(b, "k")).asUtf8()).isEqualTo("first");
        assertThat(put(http, existing, "If-Match", eTag)).as("a matching bare If-Match").isEqualTo(200);
      }
      assertThat(client.getObjectBytes(BucketKey.of(b, "k")).asUtf8()).isEqualTo("second");
    }
  }

  /** A signed PUT of "second" with one extra header; the status. */
  private static int put(HttpTransport http, URI uri, String header, String value) throws Exception {
    RgwCluster rgw = RgwCluster.get();
    byte[] body = utf8("second");
    HttpRequest request = new HttpRequest("PUT", uri, HttpHeaders.of(header, value), RequestBody.ofBytes(body));
    HttpRequest signed = SigV4Signer.s3().sign(request, Credentials.of(rgw.accessKey(), rgw.secretKey()), rgw.region(), "s3",
        Instant.now(), PayloadHash.ofBytes(body));
    try (HttpResponse response = http.execute(signed).get(30, TimeUnit.SECONDS)) {
      response.body().bytes();
      return response.status();
    }
  }

  private static S3Client client(S3Target target, ProviderProfile profile) {
    return target.configure(S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), Path.of("target", "no-aws-home")))
        .endpoint(target.endpoint())
        .region(RgwCluster.get().region())
        .credentials(target.accessKey(), target.secretKey())
        .provider(profile)).build();
  }

  private static String bucket(S3Client client) {
    String name = RgwCli.bucket("capability");
    client.createBucket(name);
    return name;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
