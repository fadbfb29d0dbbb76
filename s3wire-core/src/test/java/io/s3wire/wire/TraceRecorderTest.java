package io.s3wire.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {
  @Test
  void keepsTheNewestEventsWithinTheBoundAndSaysHowManyDropped() {
    TraceRecorder r = TraceRecorder.create(3, Redaction.DEFAULT).startAt(TraceEvents.BASE);
    TraceEvents.h2Get().forEach(r::onEvent);
    assertThat(r.events()).hasSize(3);
    assertThat(r.dropped()).isEqualTo(9);
    assertThat(r.render(TraceFormat.TEXT)).containsExactly(
        "(9 earlier events dropped)",
        "[  0.015] c1 recv DATA frame <length=6, flags=0x01, stream_id=1>",
        "          ; END_STREAM",
        "[  1.234] c1 send GOAWAY frame <length=8, flags=0x00, stream_id=0>",
        "          (last_stream_id=0, error_code=NO_ERROR(0x00), opaque_data(0)=[])",
        "[  1.235] c1 connection closed: closed by client");
    assertThat(r.render(TraceFormat.JSON)).first().isEqualTo("{\"event\":\"dropped\",\"count\":9}");
  }

  @Test
  void timesAreRelativeToTheFirstEventEvenAfterItDrops() {
    TraceRecorder r = TraceRecorder.create(1, Redaction.DEFAULT);
    List<WireEvent> events = TraceEvents.h2Get();
    events.forEach(r::onEvent);
    assertThat(r.textTail(1)).containsExactly("[  1.235] c1 connection closed: closed by client");
  }

  @Test
  void textTailIsTheLastLines() {
    TraceRecorder r = TraceRecorder.create();
    TraceEvents.h2Get().forEach(r::onEvent);
    assertThat(r.textTail(2)).containsExactly(
        "          (last_stream_id=0, error_code=NO_ERROR(0x00), opaque_data(0)=[])",
        "[  1.235] c1 connection closed: closed by client");
    assertThat(r.last(WireEvent.TlsHandshake.class).alpnSelected()).isEqualTo("h2");
    assertThat(r.last(WireEvent.Fallback.class)).isNull();
  }

  @Test
  void recordingDoesNotFormat() {
    // An event whose formatting throws: recording must not touch it, only rendering does.
    WireEvent poison = new WireEvent.SettingsFrame(TraceEvents.BASE, "c1", WireEvent.Direction.SENT, false, null);
    TraceRecorder r = TraceRecorder.create();
    r.onEvent(poison);
    assertThat(r.events()).containsExactly(poison);
    assertThatThrownBy(() -> r.render(TraceFormat.TEXT)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void writerStreamsEachEventAsItComes() {
    StringWriter out = new StringWriter();
    TraceWriter w = new TraceWriter(out, TraceFormat.TEXT, Redaction.DEFAULT);
    List<WireEvent> events = TraceEvents.h2Get();
    w.onEvent(events.get(0));
    assertThat(out.toString()).isEqualTo("[  0.000] c1 connected to 127.0.0.1:8443 from 127.0.0.1:50312 (TLS)\n");
    w.onEvent(events.get(events.size() - 1));
    assertThat(out.toString()).endsWith("\n[  1.235] c1 connection closed: closed by client\n");
    assertThat(w.failure()).isNull();
  }

  @Test
  void noneListenerIsNotWanted() {
    assertThat(WireListener.wants(WireListener.NONE)).isFalse();
    assertThat(WireListener.wants(null)).isFalse();
    assertThat(WireListener.wants(WireListener.composite(WireListener.NONE, null))).isFalse();
    assertThat(WireListener.wants(TraceRecorder.create())).isTrue();
  }
}
