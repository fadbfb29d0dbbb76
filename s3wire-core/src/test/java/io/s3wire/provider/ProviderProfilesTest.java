package io.s3wire.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.config.AddressingStyle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderProfilesTest {
  @Test
  void awsAcceptsEveryChecksumFormAndAddressesVirtuallyWhereItCan() {
    ProviderProfile p = ProviderProfiles.aws();
    assertThat(p.defaultRegion()).isEqualTo("us-east-1");
    assertThat(p.addressingStyle()).isEqualTo(AddressingStyle.AUTO);
    assertThat(p.acceptsFlexibleChecksums()).isTrue();
    assertThat(p.acceptsAwsChunked()).isTrue();
    assertThat(p.acceptsAwsChunkedTrailers()).isTrue();
    assertThat(p.supportsDeleteObjects()).isTrue();
    assertThat(p.maxDeleteBatch()).isEqualTo(1000);
    assertThat(p.forbidsHostHeaderOnH2()).isFalse();
    assertThat(p.supportsConditionalWrites()).isTrue();
  }

  @Test
  void gcsGetsNoFlexibleChecksumsNoAwsChunkedAndNoHostOnH2() {
    ProviderProfile p = ProviderProfiles.gcs();
    assertThat(p.defaultRegion()).isEqualTo("auto");
    assertThat(p.addressingStyle()).isEqualTo(AddressingStyle.PATH);
    assertThat(p.acceptsFlexibleChecksums()).isFalse();
    assertThat(p.acceptsSdkChecksumAlgorithmHeader()).isFalse();
    assertThat(p.acceptsAwsChunked()).isFalse();
    assertThat(p.acceptsAwsChunkedTrailers()).isFalse();
    assertThat(p.supportsDeleteObjects()).isTrue();
    assertThat(p.deleteObjectsNeedsContentMd5()).isTrue();
    assertThat(p.forbidsHostHeaderOnH2()).isTrue();
    assertThat(p.supportsListObjectsV2()).isTrue();
    assertThat(p.supportsConditionalWrites()).isFalse();
  }

  @Test
  void minioTakesStreamingTrailers() {
    ProviderProfile p = ProviderProfiles.minio();
    assertThat(p.addressingStyle()).isEqualTo(AddressingStyle.PATH);
    assertThat(p.acceptsAwsChunked()).isTrue();
    assertThat(p.acceptsAwsChunkedTrailers()).isTrue();
    assertThat(p.acceptsFlexibleChecksums()).isTrue();
  }

  @Test
  void r2HasRegionAutoAndNoAwsChunkedTrailers() {
    ProviderProfile p = ProviderProfiles.r2();
    assertThat(p.defaultRegion()).isEqualTo("auto");
    assertThat(p.acceptsAwsChunkedTrailers()).isFalse();
    assertThat(p.acceptsAwsChunked()).isFalse();
    assertThat(p.acceptsFlexibleChecksums()).isTrue();
    assertThat(p.supportsObjectAcls()).isFalse();
  }

  @Test
  void cephSkipsBuggyFlexibleChecksumsAndTrailers() {
    ProviderProfile p = ProviderProfiles.ceph();
    assertThat(p.acceptsFlexibleChecksums()).isFalse();
    assertThat(p.acceptsAwsChunked()).isTrue();
    assertThat(p.acceptsAwsChunkedTrailers()).isFalse();
    // Measured on RGW 16.2 (RgwCephProfileTest): POST ?delete needs no Content-MD5; a quoted If-Match on
    // PUT fails with 412 even when it matches.
    assertThat(p.deleteObjectsNeedsContentMd5()).isFalse();
    assertThat(p.supportsConditionalWrites()).isFalse();
  }

  @Test
  void b2IsHttpsOnlyWithoutAclsOrSdkChecksumHeaderAndNoAssumedRegion() {
    ProviderProfile p = ProviderProfiles.b2();
    assertThat(p.httpsOnly()).isTrue();
    assertThat(p.supportsObjectAcls()).isFalse();
    assertThat(p.acceptsSdkChecksumAlgorithmHeader()).isFalse();
    assertThat(p.defaultRegion()).isNull();
    assertThat(p.addressingStyle()).isEqualTo(AddressingStyle.AUTO);
  }

  @Test
  void genericSendsTheLeastThatWorksEverywhere() {
    ProviderProfile p = ProviderProfiles.generic();
    assertThat(p.addressingStyle()).isEqualTo(AddressingStyle.PATH);
    assertThat(p.acceptsFlexibleChecksums()).isFalse();
    assertThat(p.acceptsAwsChunked()).isFalse();
    assertThat(p.deleteObjectsNeedsContentMd5()).isTrue();
    assertThat(p.forbidsHostHeaderOnH2()).isTrue();
    assertThat(p.sends100ContinueOnH2()).isFalse();
  }

  @Test
  void namedLooksUpCaseInsensitivelyAndListsKnownNames() {
    assertThat(ProviderProfiles.named(" GCS ")).isEqualTo(ProviderProfiles.gcs());
    assertThat(ProviderProfiles.all().keySet()).containsExactly("aws", "gcs", "minio", "r2", "ceph", "b2", "generic");
    assertThatThrownBy(() -> ProviderProfiles.named("wasabi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown provider 'wasabi'; known: aws, gcs, minio, r2, ceph, b2, generic");
  }

  @Test
  void everyCapabilityCanBeOverridden() {
    ProviderProfile p = ProviderProfiles.gcs().withOverrides(Map.of(
        "defaultRegion", "europe-west1", "addressingStyle", "virtual", "acceptsAwsChunked", "true",
        "maxDeleteBatch", "250", "forbidsHostHeaderOnH2", "FALSE"));
    assertThat(p.defaultRegion()).isEqualTo("europe-west1");
    assertThat(p.addressingStyle()).isEqualTo(AddressingStyle.VIRTUAL);
    assertThat(p.acceptsAwsChunked()).isTrue();
    assertThat(p.maxDeleteBatch()).isEqualTo(250);
    assertThat(p.forbidsHostHeaderOnH2()).isFalse();
    assertThat(p.acceptsFlexibleChecksums()).isFalse();

    ProviderProfile flipped = ProviderProfiles.generic();
    for (Capability c : Capability.values()) {
      String v = c.valueOf(flipped);
      String other = switch (v) {
        case "true" -> "false";
        case "false" -> "true";
        default -> v;
      };
      if (c == Capability.ACCEPTS_AWS_CHUNKED_TRAILERS || c == Capability.ACCEPTS_FULL_OBJECT_CRC32C) {
        continue; // each needs another capability first; checked below
      }
      ProviderProfile changed = flipped.withOverrides(Map.of(c.key(), other));
      assertThat(c.valueOf(changed)).as(c.key()).isEqualTo(other);
    }
    assertThat(ProviderProfiles.aws().toBuilder().supportsDeleteObjects(false).build().supportsDeleteObjects()).isFalse();
    assertThat(flipped.withOverrides(Map.of("acceptsFlexibleChecksums", "true", "acceptsFullObjectCrc32c", "true"))
        .acceptsFullObjectCrc32c()).isTrue();
    assertThatThrownBy(() -> flipped.withOverrides(Map.of("acceptsFullObjectCrc32c", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acceptsFullObjectCrc32c needs acceptsFlexibleChecksums");
  }

  @Test
  void fullObjectCrc32cOnlyWhereMultipartTakesIt() {
    assertThat(ProviderProfiles.aws().acceptsFullObjectCrc32c()).isTrue();
    assertThat(ProviderProfiles.minio().acceptsFullObjectCrc32c()).isTrue();
    // R2 takes CRC32C only as a composite; Ceph mislabels multipart checksum types; GCS takes none.
    for (ProviderProfile p : List.of(ProviderProfiles.r2(), ProviderProfiles.ceph(), ProviderProfiles.gcs(),
        ProviderProfiles.b2(), ProviderProfiles.generic())) {
      assertThat(p.acceptsFullObjectCrc32c()).as(p.name()).isFalse();
    }
  }

  @Test
  void badOverridesAreNamed() {
    assertThatThrownBy(() -> ProviderProfiles.aws().withOverrides(Map.of("acceptsAwsChunked", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acceptsAwsChunked must be true or false, was 'yes'");
    assertThatThrownBy(() -> ProviderProfiles.aws().withOverrides(Map.of("acceptsChunks", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown provider capability 'acceptsChunks'; known: name, defaultRegion,");
    assertThatThrownBy(() -> ProviderProfiles.aws().withOverrides(Map.of("maxDeleteBatch", "5000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDeleteBatch must be 1..1000, was 5000");
    assertThatThrownBy(() -> ProviderProfiles.gcs().withOverrides(Map.of("acceptsAwsChunkedTrailers", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acceptsAwsChunkedTrailers needs acceptsAwsChunked");
  }

  @Test
  void fileRoundTripsEveryProfile(@TempDir Path dir) throws Exception {
    for (ProviderProfile p : ProviderProfiles.all().values()) {
      Path f = dir.resolve(p.name() + ".profile");
      ProviderProfileFile.write(f, p);
      assertThat(ProviderProfileFile.read(f)).isEqualTo(p);
    }
    ProviderProfile custom = ProviderProfiles.r2().toBuilder().name("my r2").defaultRegion("weur").build();
    assertThat(ProviderProfileFile.parse(ProviderProfileFile.format(custom), "x")).isEqualTo(custom);
  }

  @Test
  void fileFormatIsExact() {
    String text = ProviderProfileFile.format(ProviderProfiles.b2());
    assertThat(text).startsWith("# s3wire provider profile\n# label of the profile; decides nothing\nname=b2\n"
        + "# signing region when none is configured (empty: must be configured)\ndefaultRegion=\n"
        + "# PATH, VIRTUAL or AUTO\naddressingStyle=AUTO\n");
    assertThat(text).endsWith("# plain HTTP is refused\nhttpsOnly=true\n"
        + "# multipart uploads may carry a full-object CRC32C (x-amz-checksum-type: FULL_OBJECT)\n"
        + "acceptsFullObjectCrc32c=false\n");
  }

  @Test
  void fileWithBaseAndOverrides(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p");
    Files.writeString(f, "\uFEFF# from doctor\r\n\r\n  acceptsFlexibleChecksums = true \r\nbase=gcs\r\n! note\r\n");
    ProviderProfile p = ProviderProfileFile.read(f);
    assertThat(p).isEqualTo(ProviderProfiles.gcs().toBuilder().acceptsFlexibleChecksums(true).build());
  }

  @Test
  void badFilesNameTheLine() {
    assertThatThrownBy(() -> ProviderProfileFile.parse("name=x\nacceptsAwsChunked\n", "f.profile"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("f.profile:2: expected key=value, got 'acceptsAwsChunked'");
    assertThatThrownBy(() -> ProviderProfileFile.parse("# c\nhttpsOnly=maybe\n", "f.profile"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("f.profile:2: httpsOnly must be true or false, was 'maybe'");
    assertThatThrownBy(() -> ProviderProfileFile.parse("base=nope\n", "f.profile"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("f.profile:1: unknown provider 'nope'");
    assertThatThrownBy(() -> ProviderProfileFile.parse("acceptsAwsChunkedTrailers=true\n", "f.profile"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("f.profile: acceptsAwsChunkedTrailers needs acceptsAwsChunked");
  }
}
