package io.s3wire.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.auth.SigV4SuiteRunner.Kind;
import io.s3wire.auth.SigV4SuiteRunner.Outcome;
import io.s3wire.config.AddressingStyle;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The signing suite under locales that break naive code (Turkish dotless i in lower-casing, German
 * number and date formats) and a time zone with a half-hour offset: results must not change.
 */
@Isolated
class SigV4HostileLocaleTest {
  @Test
  void signingIsUnchangedUnderTurkishAndGermanLocalesAndStJohnsTime() {
    Locale savedLocale = Locale.getDefault();
    TimeZone savedZone = TimeZone.getDefault();
    String reference = capitalIHeaderSignature();
    try {
      for (Locale hostile : List.of(Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("de-DE"))) {
        Locale.setDefault(hostile);
        TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
        int checks = 0;
        for (SigV4SuiteCase c : SigV4SuiteCase.all()) {
          for (Kind kind : Kind.values()) {
            Outcome expected = SigV4SuiteRunner.expected(c, kind);
            Outcome actual = c.name().endsWith("-normalized")
                ? SigV4SuiteRunner.generic(c, kind, PathMode.GENERIC_NORMALIZED)
                : SigV4SuiteRunner.s3(c, kind);
            assertThat(actual.canonicalRequest()).as(hostile + " " + c + " " + kind).isEqualTo(expected.canonicalRequest());
            assertThat(actual.stringToSign()).as(hostile + " " + c + " " + kind).isEqualTo(expected.stringToSign());
            assertThat(actual.signature()).as(hostile + " " + c + " " + kind).isEqualTo(expected.signature());
            checks++;
          }
        }
        assertThat(checks).isEqualTo(76);
        assertThat(capitalIHeaderSignature()).as(hostile.toString()).isEqualTo(reference);
        assertThat(SigV4.amzDate(Instant.parse("2026-01-01T02:03:04Z"))).isEqualTo("20260101T020304Z");
        assertThat(AddressingStyle.parse("VIRTUAL")).isEqualTo(AddressingStyle.VIRTUAL);
        assertThat(AddressingStyle.VIRTUAL.configName()).isEqualTo("virtual");
      }
    } finally {
      Locale.setDefault(savedLocale);
      TimeZone.setDefault(savedZone);
    }
  }

  /** A header name with capital I: Turkish lower-casing would give a dotless i. */
  private static String capitalIHeaderSignature() {
    HttpRequest req = new HttpRequest("GET", URI.create("https://s3.example.com/b/k"),
        HttpHeaders.of("X-Amz-Meta-ID", "İI"), RequestBody.empty());
    SigningResult r = SigV4Signer.s3().signWithDetails(req, Credentials.of("AKID", "secret"), "us-east-1", "s3",
        Instant.parse("2026-11-27T23:59:59Z"), PayloadHash.UNSIGNED);
    assertThat(r.canonicalRequest().canonicalHeaders()).contains("x-amz-meta-id:İI\n");
    assertThat(r.stringToSign().amzDate()).isEqualTo("20261127T235959Z");
    return r.signature();
  }
}
