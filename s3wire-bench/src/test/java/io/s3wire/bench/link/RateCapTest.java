package io.s3wire.bench.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The relays' rate cap, on given instants rather than the clock. */
class RateCapTest {
  @Test
  void noCapLetsEverythingLeaveOnArrival() {
    RateCap none = new RateCap(0);
    assertThat(none.departure(7, 1 << 30)).isEqualTo(7);
    assertThat(none.departure(7, 1 << 30)).isEqualTo(7);
  }

  @Test
  void dataQueuesBehindWhatIsAheadOfItAndAnIdleLinkStartsAfresh() {
    RateCap cap = new RateCap(1000);
    assertThat(cap.departure(0, 500)).isEqualTo(500_000_000L);
    assertThat(cap.departure(0, 500)).as("behind the first 500 bytes").isEqualTo(1_000_000_000L);
    assertThat(cap.departure(200_000_000L, 100)).isEqualTo(1_100_000_000L);
    assertThat(cap.departure(5_000_000_000L, 1000)).as("the link was idle").isEqualTo(6_000_000_000L);
  }
}
