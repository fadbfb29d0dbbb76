package io.s3wire.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.config.AwsProfile;
import io.s3wire.config.AwsProfileFiles;
import io.s3wire.credentials.internal.InstanceMetadataLoader;
import io.s3wire.error.ClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where instance metadata is looked for: environment variables first, then the profile, then the mode's default. */
class InstanceMetadataEndpointTest {
  @TempDir
  Path home;

  private Optional<AwsProfile> profile(String lines) throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/config"), "[default]\n" + lines);
    return AwsProfileFiles.load(Map.of(), home).profile("default");
  }

  @Test
  void defaultsFollowTheEndpointModeFromEnvironmentOrProfile() throws IOException {
    assertThat(InstanceMetadataLoader.endpoint(Map.of(), Optional.empty())).isEqualTo("http://169.254.169.254");
    assertThat(InstanceMetadataLoader.endpoint(Map.of(), profile("ec2_metadata_service_endpoint_mode = IPv6\n")))
        .isEqualTo("http://[fd00:ec2::254]");
    assertThat(InstanceMetadataLoader.endpoint(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv4"),
        profile("ec2_metadata_service_endpoint_mode = IPv6\n"))).isEqualTo("http://169.254.169.254");
    assertThat(InstanceMetadataLoader.endpoint(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ipv6"), Optional.empty()))
        .isEqualTo("http://[fd00:ec2::254]");
  }

  @Test
  void anExplicitEndpointWinsOverTheModeAndTheEnvironmentOverTheProfile() throws IOException {
    Optional<AwsProfile> p = profile("ec2_metadata_service_endpoint = http://127.0.0.1:8111/\n"
        + "ec2_metadata_service_endpoint_mode = IPv6\n");
    assertThat(InstanceMetadataLoader.endpoint(Map.of(), p)).isEqualTo("http://127.0.0.1:8111");
    assertThat(InstanceMetadataLoader.endpoint(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:8222"), p))
        .isEqualTo("http://127.0.0.1:8222");
    assertThat(InstanceMetadataLoader.endpoint(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", " "), p))
        .isEqualTo("http://127.0.0.1:8111");
  }

  @Test
  void anUnknownModeIsATypedErrorNamingWhereItWasSet() throws IOException {
    Optional<AwsProfile> p = profile("ec2_metadata_service_endpoint_mode = IPv5\n");
    assertThatThrownBy(() -> InstanceMetadataLoader.endpoint(Map.of(), p)).isInstanceOf(ClientException.class)
        .hasMessageContaining("IPv4 or IPv6, was IPv5").hasMessageContaining("config");
  }

  @Test
  void theLoaderReachesTheProfilesEndpoint() throws IOException {
    try (StandIn imds = new StandIn(r -> new StandIn.Answer(404, ""))) {
      profile("ec2_metadata_service_endpoint = " + imds.url() + "\n");
      AwsProfileFiles loaded = AwsProfileFiles.load(Map.of(), home);
      assertThatThrownBy(() -> AwsCredentialsProviders.instanceMetadata(Map.of(), loaded, "default").load())
          .isInstanceOf(ClientException.class).hasMessageContaining("instance metadata at " + imds.url());
      assertThat(imds.seen).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/latest/api/token"));
    }
  }
}
