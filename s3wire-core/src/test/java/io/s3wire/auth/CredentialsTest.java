package io.s3wire.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.error.ClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  @TempDir Path home;

  @Test
  void toStringMasksSecretAndToken() {
    Credentials c = Credentials.of("AKID", "s3cr3t", "t0ken");
    assertThat(c.toString())
        .isEqualTo("Credentials[accessKeyId=AKID, secretAccessKey=<redacted>, sessionToken=<redacted>]");
    assertThat(Credentials.of("AKID", "s3cr3t").toString())
        .isEqualTo("Credentials[accessKeyId=AKID, secretAccessKey=<redacted>]");
    assertThat(Credentials.of("AKID", "s3cr3t", "").token()).isEmpty();
  }

  @Test
  void environmentProvider() {
    Credentials c = CredentialsProvider.environment(Map.of("AWS_ACCESS_KEY_ID", "AK", "AWS_SECRET_ACCESS_KEY", "SK",
        "AWS_SESSION_TOKEN", "TOK")).resolve();
    assertThat(c).isEqualTo(new Credentials("AK", "SK", "TOK"));
    assertThat(CredentialsProvider.environment(Map.of()).find()).isEmpty();
  }

  @Test
  void partialEnvironmentCredentialsAreAnErrorWithoutTheSecret() {
    assertThatThrownBy(() -> CredentialsProvider.environment(Map.of("AWS_ACCESS_KEY_ID", "AK")).find())
        .isInstanceOf(ClientException.class)
        .hasMessage("credentials: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not (environment variables)");
    assertThatThrownBy(() -> CredentialsProvider.environment(Map.of("AWS_SECRET_ACCESS_KEY", "hidden-secret")).find())
        .isInstanceOf(ClientException.class)
        .hasMessageNotContaining("hidden-secret");
  }

  @Test
  void chainTakesTheFirstAndMissingCredentialsNameEveryPlace() throws Exception {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"), "[other]\naws_access_key_id = X\naws_secret_access_key = Y\n");
    CredentialsProvider chain = CredentialsProvider.defaultChain(Map.of(), home);
    assertThatThrownBy(chain::resolve)
        .isInstanceOf(ClientException.class)
        .hasMessage("credentials: no AWS credentials found; looked in environment variables "
            + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; " + home.resolve(".aws/credentials") + " [default], "
            + home.resolve(".aws/config") + " [default]");
    CredentialsProvider other = CredentialsProvider.defaultChain(Map.of("AWS_PROFILE", "other"), home);
    assertThat(other.resolve()).isEqualTo(Credentials.of("X", "Y"));
    assertThat(other.find().orElseThrow().source()).isEqualTo(home.resolve(".aws/credentials") + " [other]");

    CredentialsProvider fixed = CredentialsProvider.chain(List.of(
        CredentialsProvider.of(Credentials.of("A", "B"), "--access-key"), other));
    assertThat(fixed.find().orElseThrow().source()).isEqualTo("--access-key");
  }
}
