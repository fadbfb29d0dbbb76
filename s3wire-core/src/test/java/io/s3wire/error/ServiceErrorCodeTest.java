package io.s3wire.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import io.s3wire.http.HttpHeaders;
import org.junit.jupiter.api.Test;

/** The typed view of S3 error codes, and the questions applications ask of a service error. */
class ServiceErrorCodeTest {
  private static final HttpHeaders IDS = HttpHeaders.of("x-amz-request-id", "R1");

  private static ServiceException answer(int status, String code) {
    String xml = code == null ? "" : "<Error><Code>" + code + "</Code><Message>m</Message></Error>";
    return ServiceExceptions.from(status, IDS, xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void knownCodesAreTypedAndTheRawCodeIsKept() {
    ServiceException e = answer(404, "NoSuchKey");
    assertThat(e.code()).isEqualTo(ServiceErrorCode.NO_SUCH_KEY);
    assertThat(e.errorCode()).isEqualTo("NoSuchKey");
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.isAccessDenied()).isFalse();
  }

  @Test
  void anUnknownCodeIsUnknownWithTheRawCodeKept() {
    ServiceException e = answer(400, "QuotaExceeded");
    assertThat(e.code()).isEqualTo(ServiceErrorCode.UNKNOWN);
    assertThat(e.errorCode()).isEqualTo("QuotaExceeded");
    assertThat(ServiceErrorCode.of(null)).isEqualTo(ServiceErrorCode.UNKNOWN);
    assertThat(ServiceErrorCode.of("nosuchkey")).as("codes are case-sensitive, as S3 spells them")
        .isEqualTo(ServiceErrorCode.UNKNOWN);
  }

  @Test
  void everyCodeHasItsSpellingAndMeaningAndRoundTrips() {
    for (ServiceErrorCode c : ServiceErrorCode.values()) {
      if (c == ServiceErrorCode.UNKNOWN) {
        continue;
      }
      assertThat(ServiceErrorCode.of(c.code())).isEqualTo(c);
      assertThat(c.meaning()).isNotBlank();
      assertThat(c.code()).matches("[A-Z][A-Za-z0-9]+");
    }
  }

  @Test
  void theQuestionsApplicationsAsk() {
    assertThat(answer(404, null).isNotFound()).as("a HEAD's 404 has no code").isTrue();
    assertThat(answer(404, "NoSuchBucket").isNotFound()).isTrue();
    assertThat(answer(412, "PreconditionFailed").isPreconditionFailed()).isTrue();
    assertThat(answer(403, "SignatureDoesNotMatch").isAccessDenied()).isTrue();
    assertThat(answer(400, "ExpiredToken").isAccessDenied()).isTrue();
    assertThat(answer(503, "SlowDown").isThrottling()).isTrue();
    assertThat(answer(429, null).isThrottling()).isTrue();
    assertThat(answer(409, "BucketNotEmpty").isNotFound()).isFalse();
    assertThat(answer(409, "BucketNotEmpty").isThrottling()).isFalse();
  }

  @Test
  void explainSaysMoreThanTheMessageForA404() {
    ServiceException coded = answer(404, "NoSuchKey");
    assertThat(coded.explain()).startsWith("The server answered " + coded.getMessage())
        .contains("keys are case-sensitive and include every prefix");
    ServiceException bare = answer(404, null);
    assertThat(bare.explain()).contains("the bucket or the object does not exist")
        .contains("the endpoint and the region");
  }
}
