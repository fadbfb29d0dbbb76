package io.s3wire.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3ErrorCode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every call and every attempt is a JFR event, recorded by a recording that names nothing but s3wire's events. */
@Timeout(30)
class JfrEventsTest extends ObserveFixture {

  @Test
  void aRetriedPutIsOneCallEventAndTwoAttemptEvents() throws Exception {
    server.addFaultRule(FaultRule.when().method("PUT").path("/" + bucket + "/jfr").firstN(1).error(503, S3ErrorCode.SLOW_DOWN));
    Path file = temp.resolve("s3wire.jfr");
    try (Recording recording = new Recording()) {
      // The events' own defaults: enabled, no threshold, as a plain "jcmd <pid> JFR.start" has them.
      recording.enable("io.s3wire.Call");
      recording.enable("io.s3wire.Attempt");
      recording.start();
      client.putObject(BucketKey.of(bucket, "jfr"), new byte[1234]).get(10, TimeUnit.SECONDS);
      client.headObject(BucketKey.of(bucket, "missing")).handle((v, e) -> null).get(10, TimeUnit.SECONDS);
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    List<RecordedEvent> calls = events.stream().filter(e -> e.getEventType().getName().equals("io.s3wire.Call")).toList();
    List<RecordedEvent> attempts = events.stream().filter(e -> e.getEventType().getName().equals("io.s3wire.Attempt")).toList();

    RecordedEvent put = calls.stream().filter(e -> "PutObject".equals(e.getString("operation"))).findFirst().orElseThrow();
    assertThat(put.getString("bucket")).isEqualTo(bucket);
    assertThat(put.getString("key")).isEqualTo("jfr");
    assertThat(put.getInt("attempts")).isEqualTo(2);
    assertThat(put.getInt("status")).isEqualTo(200);
    assertThat(put.getLong("bytesSent")).isEqualTo(1234);
    assertThat(put.getString("failure")).isNull();
    assertThat(put.getDuration().isNegative()).isFalse();

    // Events of different threads are not in time order in the file: order by retry number.
    List<RecordedEvent> putAttempts = attempts.stream().filter(e -> "PutObject".equals(e.getString("operation")))
        .sorted(java.util.Comparator.comparingInt(e -> e.getInt("retry"))).toList();
    assertThat(putAttempts).hasSize(2);
    assertThat(putAttempts.get(0).getInt("retry")).isZero();
    assertThat(putAttempts.get(0).getInt("status")).isEqualTo(503);
    assertThat(putAttempts.get(0).getString("failure")).isEqualTo("ServiceException");
    assertThat(putAttempts.get(1).getInt("retry")).isEqualTo(1);
    assertThat(putAttempts.get(1).getInt("status")).isEqualTo(200);
    assertThat(putAttempts.get(1).getString("protocol")).isEqualTo("HTTP/1.1");
    assertThat(putAttempts.get(1).getString("tlsProvider")).isNull();

    RecordedEvent head = calls.stream().filter(e -> "HeadObject".equals(e.getString("operation"))).findFirst().orElseThrow();
    assertThat(head.getInt("status")).isEqualTo(404);
    assertThat(head.getString("failure")).isEqualTo("ServiceException");
  }
}
