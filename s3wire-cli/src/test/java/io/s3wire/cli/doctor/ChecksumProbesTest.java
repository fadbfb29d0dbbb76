package io.s3wire.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.auth.Credentials;
import io.s3wire.error.ServiceExceptions;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfiles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the checksum probes make of a server, without a network: refusing the headers, checking
 * them, or accepting and ignoring them (Ceph RGW 16.2 stores a PUT whose CRC32C does not match its
 * body). Only a server that refuses a wrong checksum gets {@code acceptsFlexibleChecksums=true}; a
 * profile without them has no full-object CRC32C either, whatever its base (aws and minio have one).
 */
class ChecksumProbesTest {
  private static Outcome answered(int status, String code) {
    String body = code == null ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
        + "</Code><Message></Message><RequestId>tx1</RequestId></Error>";
    return new Outcome(HttpProtocol.HTTP_1_1, null, status, null,
        code == null ? null : ServiceExceptions.from(status, HttpHeaders.empty(), body.getBytes(StandardCharsets.UTF_8)),
        null, Instant.EPOCH, null, 1, List.of());
  }

  private static DoctorReport report(ProviderProfile base, Outcome checksum, Outcome mismatch) {
    Target target = new Target(URI.create("http://127.0.0.1:7480"), "b", "us-east-1", Credentials.of("AKID", "secret"),
        false, null, base, null);
    Map<String, Outcome> probes = new LinkedHashMap<>();
    probes.put("checksum", checksum);
    if (mismatch != null) {
      probes.put("checksum-mismatch", mismatch);
    }
    List<Cell> cells = List.of(new Cell(Route.all(false).get(0), Shape.NORMALISED, Operation.PUT, answered(200, null), null));
    Measurements m = new Measurements(target, cells, probes, null, null, "s3wire-doctor-x", Cleanup.NONE);
    return new DoctorReport(List.of(), m, Diagnosis.diagnose(m), 1);
  }

  private static List<String> ids(DoctorReport r) {
    return r.findings().stream().map(f -> f.severity() + " " + f.id()).toList();
  }

  @Test
  void aServerThatRefusesAWrongChecksumChecksThem() {
    DoctorReport r = report(ProviderProfiles.ceph(), answered(200, null), answered(400, "BadDigest"));
    assertThat(ids(r)).isEmpty();
    assertThat(ProfileWriter.measured(r).acceptsFlexibleChecksums()).isTrue();
    assertThat(ProfileWriter.measured(r).acceptsSdkChecksumAlgorithmHeader()).isTrue();
  }

  @Test
  void aServerThatStoresAWrongChecksumIgnoresThem() {
    DoctorReport r = report(ProviderProfiles.minio(), answered(200, null), answered(200, null));
    assertThat(ids(r)).containsExactly("note checksum-ignored");
    assertThat(r.verdict()).isEqualTo("no problem found");
    Finding f = r.findings().get(0);
    assertThat(f.title()).isEqualTo("Flexible checksum headers are accepted but not checked");
    assertThat(f.whatFails()).isEqualTo("a PUT whose x-amz-checksum-crc32c does not match its body is stored: 200");
    ProviderProfile measured = ProfileWriter.measured(r);
    assertThat(measured.acceptsFlexibleChecksums()).isFalse();
    assertThat(measured.acceptsSdkChecksumAlgorithmHeader()).isFalse();
    assertThat(measured.acceptsFullObjectCrc32c()).isFalse();
  }

  @Test
  void aServerThatRefusesTheHeadersGetsAProfileWithoutThemFromAnAwsBase() {
    DoctorReport r = report(ProviderProfiles.aws(), answered(400, "InvalidArgument"), null);
    assertThat(ids(r)).containsExactly("problem checksum-rejected");
    ProviderProfile measured = ProfileWriter.measured(r);
    assertThat(measured.acceptsFlexibleChecksums()).isFalse();
    assertThat(measured.acceptsFullObjectCrc32c()).isFalse();
  }
}
