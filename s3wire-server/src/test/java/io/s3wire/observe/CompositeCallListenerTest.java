package io.s3wire.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.S3AsyncClient;
import io.s3wire.metrics.AttemptEnd;
import io.s3wire.metrics.CallEnd;
import io.s3wire.metrics.CallListener;
import io.s3wire.metrics.CallStart;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link CallListener#composite}: every listener hears every event in order, one that throws keeps
 * none of the others from it (its failure is a WARN line through SLF4J, the call unchanged), and
 * the degenerate forms collapse.
 */
@Timeout(60)
class CompositeCallListenerTest extends ObserveFixture {

  /** Writes down each event as {@code name:method:operation}. */
  static final class Recording implements CallListener {
    final String name;
    final List<String> heard;

    Recording(String name, List<String> heard) {
      this.name = name;
      this.heard = heard;
    }

    @Override
    public void onCallStart(CallStart call) {
      heard.add(name + ":start:" + call.operation());
    }

    @Override
    public void onAttempt(AttemptEnd attempt) {
      heard.add(name + ":attempt:" + attempt.operation() + ":" + attempt.status());
    }

    @Override
    public void onCallEnd(CallEnd call) {
      heard.add(name + ":end:" + call.operation() + ":" + call.status());
    }
  }

  /** Throws from every method, as a listener must not. */
  static final class Throwing implements CallListener {
    @Override
    public void onCallStart(CallStart call) {
      throw new IllegalStateException("broken start");
    }

    @Override
    public void onAttempt(AttemptEnd attempt) {
      throw new IllegalStateException("broken attempt");
    }

    @Override
    public void onCallEnd(CallEnd call) {
      throw new IllegalStateException("broken end");
    }
  }

  @Test
  void everyListenerHearsEveryEventPastOneThatThrows() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    CallListener both = CallListener.composite(new Recording("a", heard), new Throwing(), new Recording("b", heard));
    List<String> lines = CapturingLogProvider.capture(() -> {
      try (S3AsyncClient c = builder().callListener(both).buildAsync()) {
        c.putObject(BucketKey.of(bucket, "k"), new byte[] {1, 2, 3}).join();
      }
    });

    assertThat(heard).containsExactly("a:start:PutObject", "b:start:PutObject", "a:attempt:PutObject:200",
        "b:attempt:PutObject:200", "a:end:PutObject:200", "b:end:PutObject:200");
    String thrower = Throwing.class.getName();
    assertThat(lines.stream().filter(l -> l.startsWith("WARN io.s3wire.metrics.CallListener ")).toList()).containsExactly(
        "WARN io.s3wire.metrics.CallListener call listener " + thrower + " threw from onCallStart; the other listeners"
            + " still heard the event | java.lang.IllegalStateException: broken start",
        "WARN io.s3wire.metrics.CallListener call listener " + thrower + " threw from onAttempt; the other listeners"
            + " still heard the event | java.lang.IllegalStateException: broken attempt",
        "WARN io.s3wire.metrics.CallListener call listener " + thrower + " threw from onCallEnd; the other listeners"
            + " still heard the event | java.lang.IllegalStateException: broken end");
  }

  @Test
  void noneAndSingleListenersCollapse() {
    CallListener one = new Recording("one", new CopyOnWriteArrayList<>());
    assertThat(CallListener.composite()).isSameAs(CallListener.NONE);
    assertThat(CallListener.composite(CallListener.NONE, CallListener.NONE)).isSameAs(CallListener.NONE);
    assertThat(CallListener.composite(CallListener.NONE, one)).isSameAs(one);
    assertThat(CallListener.composite(one, one)).isNotSameAs(one);
  }
}
