package io.s3wire.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.error.ClientException;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the AWS config and credentials file parser through its file entry point, {@link
 * AwsProfileFiles#load(Path, Path)}, and the lookups on what it read: loading returns the files or
 * throws {@link ClientException} naming file and line; looking a profile, its properties and its
 * services up never throws. Seeds: {@code AwsProfileFilesFuzzTestInputs/files/} (the config file's
 * bytes, then after a NUL byte the credentials file's).
 */
class AwsProfileFilesFuzzTest {
  private static final List<Class<? extends Throwable>> TYPED = List.of(ClientException.class);
  private static final Path DIR = tempDir();

  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("s3wire-profile-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void files(FuzzedDataProvider data) throws IOException {
    EXECUTIONS.ran();
    String name = data.consumeString(20);
    byte[] both = data.consumeRemainingAsBytes();
    int nul = indexOf(both, (byte) 0);
    byte[] config = nul < 0 ? both : java.util.Arrays.copyOfRange(both, 0, nul);
    byte[] credentials = nul < 0 ? new byte[0] : java.util.Arrays.copyOfRange(both, nul + 1, both.length);
    Path configFile = Files.write(DIR.resolve("config"), config);
    Path credentialsFile = Files.write(DIR.resolve("credentials"), credentials);
    configFile.toFile().deleteOnExit();
    credentialsFile.toFile().deleteOnExit();

    AwsProfileFiles files = FuzzChecks.valueOrTyped(both.length, TYPED,
        () -> AwsProfileFiles.load(configFile, credentialsFile));
    if (files == null) {
      return;
    }
    for (String profile : List.of(name, "default", "")) {
      FuzzChecks.valueOrTyped(both.length, List.of(), () -> {
        files.hasProfile(profile);
        files.profile(profile).ifPresent(p -> {
          p.property("region");
          p.property(name);
          p.nestedProperty("s3", "endpoint_url");
        });
        files.credentialsFileProfile(profile);
        files.configFileProfile(profile);
        return files.services(profile);
      });
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
