package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.http.HttpVersionPolicy;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --http}'s names, the Alt-Svc upgrade's among them. */
class TransportOptionsTest {
  private final TransportOptions.PolicyConverter converter = new TransportOptions.PolicyConverter();

  @Test
  void everyPolicyHasAName() {
    assertThat(converter.convert("1.1")).isEqualTo(HttpVersionPolicy.HTTP_1_1);
    assertThat(converter.convert("2")).isEqualTo(HttpVersionPolicy.HTTP_2);
    assertThat(converter.convert("3")).isEqualTo(HttpVersionPolicy.HTTP_3);
    assertThat(converter.convert("negotiate")).isEqualTo(HttpVersionPolicy.NEGOTIATE);
    assertThat(converter.convert("auto")).isEqualTo(HttpVersionPolicy.NEGOTIATE_WITH_FALLBACK);
    assertThat(converter.convert("auto-h3")).isEqualTo(HttpVersionPolicy.NEGOTIATE_WITH_HTTP3);
    assertThat(converter.convert("AUTO-H3")).isEqualTo(HttpVersionPolicy.NEGOTIATE_WITH_HTTP3);
    assertThat(converter.convert("alt-svc")).isEqualTo(HttpVersionPolicy.NEGOTIATE_WITH_HTTP3);
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> converter.convert("quic")).isInstanceOf(TypeConversionException.class)
        .hasMessage("expected 1.1, 2, 3, negotiate, auto or auto-h3, not 'quic'");
  }
}
