package io.s3wire.cli.doctor;

import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfileFile;
import io.s3wire.provider.ProviderProfiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --write-profile}: the capabilities the doctor measured, as a provider profile file that
 * {@code --provider-file} loads. Starts from {@code --provider} (or the generic profile) and sets
 * what the matrix and probes showed; what was not measured keeps the base profile's value.
 */
public final class ProfileWriter {
  private ProfileWriter() {}

  /** The measured profile. */
  public static ProviderProfile measured(DoctorReport r) {
    Measurements m = r.measurements();
    ProviderProfile base = m.target().provider() != null ? m.target().provider() : ProviderProfiles.generic();
    ProviderProfile.Builder b = base.toBuilder();
    b.set("name", "measured");
    List<String> ids = r.findings().stream().map(Finding::id).toList();
    boolean h2Seen = m.cells().stream().anyMatch(c -> c.ran() && c.outcome().protocol() == io.s3wire.http.HttpProtocol.HTTP_2);
    // Rejected on HTTP/2 only: a host header refused on HTTP/1.1 as well is not a property of HTTP/2.
    boolean hostRejectedOnH2 = ids.contains("host-header-rejected") && m.failing().stream()
        .anyMatch(c -> c.shape() == Shape.HOST_HEADER && c.outcome().protocol() == io.s3wire.http.HttpProtocol.HTTP_2)
        && m.failing().stream()
        .noneMatch(c -> c.shape() == Shape.HOST_HEADER && c.outcome().protocol() == io.s3wire.http.HttpProtocol.HTTP_1_1);
    if (ids.contains("host-header-reset") || hostRejectedOnH2) {
      b.set("forbidsHostHeaderOnH2", "true");
    } else if (h2Seen && m.cells().stream().anyMatch(c -> c.shape() == Shape.HOST_HEADER && c.passed()
        && c.outcome().protocol() == io.s3wire.http.HttpProtocol.HTTP_2)) {
      b.set("forbidsHostHeaderOnH2", "false");
    }
    Outcome checksum = m.probes().get("checksum");
    if (ids.contains("checksum-ignored")) {
      // Headers the server stores without checking buy no integrity: the profile sends none, so
      // transfers fall back to Content-MD5 and ETags, which it does check.
      noFlexibleChecksums(b);
    } else if (checksum != null && checksum.passed()) {
      b.set("acceptsFlexibleChecksums", "true");
      b.set("acceptsSdkChecksumAlgorithmHeader", "true");
    } else if (ids.contains("checksum-rejected")) {
      noFlexibleChecksums(b);
    }
    Outcome delete = m.probes().get("delete-objects");
    if (delete != null && delete.passed()) {
      b.set("supportsDeleteObjects", "true");
      b.set("deleteObjectsNeedsContentMd5", "false");
    } else if (ids.contains("delete-objects-needs-md5")) {
      b.set("supportsDeleteObjects", "true");
      b.set("deleteObjectsNeedsContentMd5", "true");
    }
    b.set("defaultRegion", m.target().region());
    return b.build();
  }

  /**
   * No flexible checksums, and so no full-object CRC32C either: a base profile that has one (aws,
   * minio) would otherwise not build.
   */
  private static void noFlexibleChecksums(ProviderProfile.Builder b) {
    b.set("acceptsFlexibleChecksums", "false");
    b.set("acceptsSdkChecksumAlgorithmHeader", "false");
    b.set("acceptsFullObjectCrc32c", "false");
  }

  public static void write(DoctorReport r, Path file) throws IOException {
    ProviderProfileFile.write(file, measured(r));
  }
}
