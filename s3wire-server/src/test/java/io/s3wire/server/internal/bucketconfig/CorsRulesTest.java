package io.s3wire.server.internal.bucketconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CORS rule matching as S3 does it: one wildcard per pattern, exact methods, case-insensitive headers, first match. */
class CorsRulesTest {
  private static CorsRules rules(String xml) {
    return CorsRules.read(("<CORSConfiguration>" + xml + "</CORSConfiguration>").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void wildcardMatchesAnyRunButNeedsRoomForPrefixAndSuffix() {
    assertThat(CorsRules.wildcardMatch("https://*.example.com", "https://a.b.example.com", false)).isTrue();
    assertThat(CorsRules.wildcardMatch("https://*.example.com", "https://.example.com", false)).isTrue();
    assertThat(CorsRules.wildcardMatch("https://*.example.com", "https://example.com", false)).isFalse();
    assertThat(CorsRules.wildcardMatch("a*a", "a", false)).isFalse();
    assertThat(CorsRules.wildcardMatch("*", "", false)).isTrue();
    assertThat(CorsRules.wildcardMatch("https://App.example", "https://app.example", false)).isFalse();
    assertThat(CorsRules.wildcardMatch("X-Amz-*", "x-amz-date", true)).isTrue();
  }

  @Test
  void firstRuleAllowingOriginMethodAndEveryHeaderWins() {
    CorsRules r = rules("<CORSRule><ID>one</ID><AllowedOrigin>https://a.example</AllowedOrigin>"
        + "<AllowedMethod>PUT</AllowedMethod><AllowedHeader>content-*</AllowedHeader></CORSRule>"
        + "<CORSRule><ID>two</ID><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod>"
        + "<AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader></CORSRule>");
    assertThat(r.match("https://a.example", "PUT", List.of("content-type")).id()).isEqualTo("one");
    assertThat(r.match("https://a.example", "PUT", List.of("content-type", "x-amz-date")).id()).isEqualTo("two");
    assertThat(r.match("https://a.example", "put", List.of())).isNull();
    assertThat(r.match("https://b.example", "DELETE", List.of())).isNull();
    assertThat(CorsRules.headerList(" Content-Type ,X-Amz-Date,, ")).containsExactly("content-type", "x-amz-date");
  }

  @Test
  void rulesAreCheckedWhenRead() {
    assertThatThrownBy(() -> rules("<CORSRule><ID>" + "i".repeat(256) + "</ID><AllowedOrigin>*</AllowedOrigin>"
        + "<AllowedMethod>GET</AllowedMethod></CORSRule>"))
        .isInstanceOfSatisfying(S3ErrorException.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> rules("<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
        + "<AllowedHeader>x-*-*</AllowedHeader></CORSRule>"))
        .isInstanceOfSatisfying(S3ErrorException.class, e -> {
          assertThat(e.code()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
          assertThat(e.getMessage()).isEqualTo("AllowedHeader \"x-*-*\" can not have more than one wildcard.");
        });
  }
}
