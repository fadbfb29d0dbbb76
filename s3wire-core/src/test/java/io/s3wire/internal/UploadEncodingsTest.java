package io.s3wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.wire.WireEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The per-endpoint memory of upload encodings: verdicts only go down, last their time, and are reported. */
class UploadEncodingsTest {
  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-12-07T06:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aStepDownIsRememberedForItsTimeToLiveAndReported() {
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    MovableClock clock = new MovableClock();
    UploadEncodings memory = new UploadEncodings(List.of(events::add), clock);
    assertThat(memory.use(UploadEncoding.TRAILER)).isEqualTo(UploadEncoding.TRAILER);

    memory.stepDown("UploadPart", "part 1 of s3://b/k", UploadEncoding.TRAILER, UploadEncoding.HEADER, "400 X");
    assertThat(memory.use(UploadEncoding.TRAILER)).isEqualTo(UploadEncoding.HEADER);
    assertThat(memory.use(UploadEncoding.CONTENT_MD5)).isEqualTo(UploadEncoding.CONTENT_MD5);
    assertThat(events).singleElement().isInstanceOfSatisfying(WireEvent.UploadStepDown.class, e -> {
      assertThat(e.from()).isEqualTo("aws-chunked with a trailing checksum");
      assertThat(e.to()).isEqualTo("the checksum in a header");
      assertThat(e.reason()).isEqualTo("400 X; remembered for this endpoint for 5 min");
    });

    clock.now = clock.now.plus(Duration.ofMinutes(5)).minusMillis(1);
    assertThat(memory.floor()).isEqualTo(UploadEncoding.HEADER);
    clock.now = clock.now.plusMillis(1);
    assertThat(memory.floor()).isEqualTo(UploadEncoding.TRAILER);
  }

  @Test
  void anUnconfirmedChecksumStepsDownToContentMd5OnceAndNeverBackUp() {
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    UploadEncodings memory = new UploadEncodings(List.of(events::add), new MovableClock());
    memory.unconfirmed("UploadPart", "part 1 of s3://b/k", UploadEncoding.HEADER, "CRC32C", "the ETag");
    memory.unconfirmed("UploadPart", "part 2 of s3://b/k", UploadEncoding.HEADER, "CRC32C", "the ETag");
    memory.stepDown("UploadPart", "part 3 of s3://b/k", UploadEncoding.TRAILER, UploadEncoding.HEADER, "400 X");
    assertThat(memory.floor()).isEqualTo(UploadEncoding.CONTENT_MD5);
    assertThat(events).map(e -> e.getClass().getSimpleName()).containsExactly("ChecksumUnconfirmed", "UploadStepDown",
        "ChecksumUnconfirmed", "UploadStepDown");
    WireEvent.UploadStepDown first = (WireEvent.UploadStepDown) events.get(1);
    assertThat(first.from()).isEqualTo("the checksum in a header");
    assertThat(first.to()).isEqualTo("Content-MD5 only");
  }
}
