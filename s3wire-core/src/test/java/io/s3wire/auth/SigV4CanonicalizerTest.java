package io.s3wire.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The canonicaliser's rules, one by one, on the public string-level API the server uses. */
class SigV4CanonicalizerTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''| /",
      "/| /",
      "/a//b/./c/../| /a//b/./c/../",
      "/%7e%7E~| /~~~",
      "/a%2fb| /a/b",
      "/a%2bb+c| /a%2Bb%2Bc",
      "/%e1%88%b4| /%E1%88%B4",
      "/ሴ| /%E1%88%B4",
      "/100%| /100%25",
      "/%zz| /%25zz",
      "/a b| /a%20b",
      "/!$&'()*,;=:@| /%21%24%26%27%28%29%2A%2C%3B%3D%3A%40",
  })
  void s3PathIsRecodedOnceAndNeverNormalised(String raw, String canonical) {
    assertThat(SigV4Canonicalizer.canonicalUri(raw, PathMode.S3)).isEqualTo(canonical.strip());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/example/..| /",
      "/example1/example2/../..| /",
      "/./| /",
      "//| /",
      "/./example| /example",
      "//example//| /example/",
      "/a/b/../c/./d/| /a/c/d/",
      "/a/..b/.c| /a/..b/.c",
      "/a%20b| /a%2520b",
  })
  void genericNormalisedPath(String raw, String canonical) {
    assertThat(SigV4Canonicalizer.canonicalUri(raw, PathMode.GENERIC_NORMALIZED)).isEqualTo(canonical.strip());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''| ''",
      "a| a=",
      "a=| a=",
      "b=2&a=1| a=1&b=2",
      "a=2&a=10&a=1| a=1&a=10&a=2",
      "&&x=1&| x=1",
      "k=a+b| k=a%2Bb",
      "k=a%20b| k=a%20b",
      "k=%2f%2F/| k=%2F%2F%2F",
      "%E1%88%B4=1&Z=2&a=3| %E1%88%B4=1&Z=2&a=3",
      "X-Amz-Signature=abc&a=1| a=1",
      "k==v| k=%3Dv",
  })
  void queryRules(String raw, String canonical) {
    assertThat(SigV4Canonicalizer.canonicalQuery(raw.equals("''") ? "" : raw))
        .isEqualTo(canonical.strip().equals("''") ? "" : canonical.strip());
  }

  @Test
  void headerValuesAndSignedHeaderNames() {
    HttpHeaders h = HttpHeaders.builder()
        .add("Host", "b.example.com")
        .add("X-Amz-Meta-Note", "\t a  \t b \r\n c ")
        .add("x-amz-meta-note", "")
        .add("X-Ignored", "not in the signed list")
        .build();
    CanonicalRequest cr = SigV4Canonicalizer.canonicalRequest("GET", "/k", null, h,
        List.of("X-Amz-Meta-Note", "host", "x-amz-missing", "HOST"), "UNSIGNED-PAYLOAD", PathMode.S3);
    assertThat(cr.canonicalHeaders()).isEqualTo("host:b.example.com\nx-amz-meta-note:a b c,\nx-amz-missing:\n");
    assertThat(cr.signedHeaders()).isEqualTo("host;x-amz-meta-note;x-amz-missing");
    assertThat(cr.text()).isEqualTo("GET\n/k\n\nhost:b.example.com\nx-amz-meta-note:a b c,\nx-amz-missing:\n\n"
        + "host;x-amz-meta-note;x-amz-missing\nUNSIGNED-PAYLOAD");
    assertThat(SigV4Canonicalizer.canonicalHeaderValue(List.of(" x ", "y  z"))).isEqualTo("x,y z");
  }
}
