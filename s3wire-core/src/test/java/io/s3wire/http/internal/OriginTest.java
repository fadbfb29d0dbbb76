package io.s3wire.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Connections are pooled per origin: origins are equal exactly when scheme, host and port are. */
class OriginTest {
  @Test
  void equalWhenEveryPartIs() {
    Origin a = new Origin(true, "bucket.example.com", 443);
    assertThat(a).isEqualTo(new Origin(true, "bucket.example.com", 443)).hasSameHashCodeAs(
        new Origin(true, "bucket.example.com", 443));
    assertThat(a).isNotEqualTo(new Origin(false, "bucket.example.com", 443))
        .isNotEqualTo(new Origin(true, "other.example.com", 443))
        .isNotEqualTo(new Origin(true, "bucket.example.com", 8443))
        .isNotEqualTo("https://bucket.example.com:443");
  }
}
