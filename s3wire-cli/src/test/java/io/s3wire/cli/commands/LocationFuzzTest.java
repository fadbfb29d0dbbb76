package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the CLI's address parsing ({@code s3://BUCKET/KEY}, {@code gs://...}, a local path or
 * {@code -}): {@link Location#parse} and {@link Location#parseRemote} return a location or throw
 * {@link IllegalArgumentException} with the address in its message; a remote address printed and
 * parsed again is the same address. Seeds: {@code LocationFuzzTestInputs/addresses/}.
 */
class LocationFuzzTest {
  private static final List<Class<? extends Throwable>> TYPED = List.of(IllegalArgumentException.class);

  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  @FuzzTest(maxDuration = "60s")
  void addresses(byte[] input) {
    EXECUTIONS.ran();
    String text = new String(input, StandardCharsets.UTF_8);
    Location location = FuzzChecks.valueOrTyped(input.length, TYPED, () -> Location.parse(text));
    FuzzChecks.valueOrTyped(input.length, TYPED, () -> Location.parseRemote(text));
    if (location instanceof Location.Remote remote) {
      assertThat(Location.parse(remote.toString())).as("%s printed and parsed", text).isEqualTo(remote);
      assertThat(remote.bucket()).isNotEmpty().doesNotContain("/");
      FuzzChecks.valueOrTyped(input.length, List.of(io.s3wire.error.ClientException.class), remote::object);
    }
  }
}
