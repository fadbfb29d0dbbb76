package io.s3wire.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.error.ServiceExceptions;
import io.s3wire.provider.ProviderProfileFile;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.ClockSkew;
import io.s3wire.xml.internal.S3Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Formats do not change under a non-English locale (Turkish dotless i, German) or a non-UTC, half-hour time zone. */
class HostileLocaleTest {
  private Locale locale;
  private TimeZone zone;

  @BeforeEach
  void hostile() {
    locale = Locale.getDefault();
    zone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
  }

  @AfterEach
  void restore() {
    Locale.setDefault(locale);
    TimeZone.setDefault(zone);
  }

  @Test
  void formatsAreLocaleAndZoneIndependent() throws Exception {
    for (Locale l : List.of(Locale.forLanguageTag("de-DE"), Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("ar-EG"))) {
      Locale.setDefault(l);
      Instant t = Instant.parse("2009-10-12T17:50:30.007Z");
      assertThat(S3Timestamps.format(t)).isEqualTo("2009-10-12T17:50:30.007Z");
      assertThat(S3Timestamps.parse("2009-10-12T17:50:30")).isEqualTo(Instant.parse("2009-10-12T17:50:30Z"));
      var doc = new ListPartsResult("b", "KEY-İı", "u", 0, 0, 1000, false,
          List.of(new PartSummary(1, t, "\"e\"", 123456789L)), null, null, "STANDARD");
      assertThat(S3Xml.readListPartsResult(S3Xml.write(doc))).isEqualTo(doc);
      assertThat(new String(S3Xml.write(doc), StandardCharsets.UTF_8)).contains("<Size>123456789</Size>");
      assertThat(ClockSkew.offset("Mon, 12 Oct 2009 17:50:31 GMT", Instant.parse("2009-10-12T17:50:30Z")))
          .isEqualTo(Duration.ofSeconds(1));
      assertThat(ProviderProfileFile.parse(ProviderProfileFile.format(ProviderProfiles.gcs()), "x"))
          .isEqualTo(ProviderProfiles.gcs());
      assertThat(ProviderProfiles.named("GCS")).isEqualTo(ProviderProfiles.gcs());
      assertThat(ServiceExceptions.from(500, null, "x".repeat(3000).getBytes(StandardCharsets.UTF_8)).rawBody())
          .endsWith("... (952 more characters)");
    }
  }
}
