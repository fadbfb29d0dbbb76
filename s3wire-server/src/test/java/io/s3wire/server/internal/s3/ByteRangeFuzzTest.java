package io.s3wire.server.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.Range;
import io.s3wire.error.ClientException;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the server's Range header parser ({@link ByteRange}) and the client's {@link Range}: a
 * header parses to a range inside the object, to {@code null} (whole object), or throws S3's 416
 * InvalidRange and nothing else; a client range that can be built (else {@link
 * ClientException}) is sent as a header the server reads back as the same bytes. Seeds:
 * {@code ByteRangeFuzzTestInputs/ranges/}.
 */
class ByteRangeFuzzTest {
  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  @FuzzTest(maxDuration = "60s")
  void ranges(FuzzedDataProvider data) {
    EXECUTIONS.ran();
    // An object's size is never negative (the FDP's ranged consumeLong did hand out negative sizes).
    long size = data.consumeBoolean() ? data.consumeLong() & Long.MAX_VALUE : data.consumeInt(0, 1 << 20);
    long a = data.consumeLong();
    long b = data.consumeLong();
    int form = data.consumeInt(0, 2);
    String header = data.consumeRemainingAsString();

    ByteRange r = FuzzChecks.valueOrTyped(header.length(), List.of(S3ErrorException.class),
        () -> ByteRange.parse(header, size));
    if (r != null) {
      assertThat(r.first()).as("first of %s on %d bytes", header, size).isBetween(0L, r.last());
      assertThat(r.last()).as("last of %s on %d bytes", header, size).isLessThan(size);
      assertThat(r.length()).isPositive();
    }
    try {
      ByteRange.parse(header, size);
    } catch (S3ErrorException e) {
      assertThat(e.code()).isEqualTo(S3ErrorCode.INVALID_RANGE);
    }

    Range client = FuzzChecks.valueOrTyped(0, List.of(ClientException.class), () -> switch (form) {
      case 0 -> Range.of(a, b);
      case 1 -> Range.from(a);
      default -> Range.lastBytes(a);
    });
    if (client == null || size == 0) {
      return;
    }
    ByteRange served = FuzzChecks.valueOrTyped(0, List.of(S3ErrorException.class),
        () -> ByteRange.parse(client.headerValue(), size));
    if (client.first() >= size) {
      assertThat(served).as("%s on %d bytes: 416", client, size).isNull();
      return;
    }
    assertThat(served).as("%s on %d bytes", client, size).isNotNull();
    if (client.first() == -1) {
      assertThat(served.last()).isEqualTo(size - 1);
      assertThat(served.length()).isEqualTo(Math.min(client.last(), size));
    } else {
      assertThat(served.first()).isEqualTo(client.first());
      assertThat(served.last()).isEqualTo(client.last() == -1 ? size - 1 : Math.min(client.last(), size - 1));
    }
  }
}
