package io.s3wire.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.auth.Credentials;
import io.s3wire.error.ClientException;
import io.s3wire.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshingCredentialsProviderTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final Queue<Runnable> queued = new ArrayDeque<>();
  private final Executor manual = queued::add;
  private final List<String> warnings = new ArrayList<>();
  private final AtomicInteger loads = new AtomicInteger();

  private ProvidedCredentials issued(int n, Duration lifetime) {
    return new ProvidedCredentials(Credentials.of("AKID" + n, "secret-" + n, "token-" + n), "stand-in",
        T0.plus(lifetime.multipliedBy(n)));
  }

  private RefreshingCredentialsProvider provider(CredentialsLoader loader) {
    return RefreshingCredentialsProvider.builder(loader, "stand-in loader").clock(clock).executor(manual)
        .warnings(warnings::add).build();
  }

  private void runQueued() {
    Runnable r;
    while ((r = queued.poll()) != null) {
      r.run();
    }
  }

  @Test
  void longTermKeysAreLoadedOnce() {
    RefreshingCredentialsProvider p = provider(() -> {
      loads.incrementAndGet();
      return Optional.of(new ProvidedCredentials(Credentials.of("AK", "s"), "static", null));
    });
    CompletableFuture<ProvidedCredentials> first = p.providedAsync();
    assertThat(first).isNotDone();
    runQueued();
    assertThat(first).isCompleted();
    clock.advance(Duration.ofDays(400));
    assertThat(p.providedAsync().join().credentials().accessKeyId()).isEqualTo("AK");
    assertThat(queued).isEmpty();
    assertThat(loads).hasValue(1);
  }

  @Test
  void insideTheRefreshWindowCallersKeepTheCachedKeysWhileOneRefreshRuns() {
    RefreshingCredentialsProvider p = provider(() -> Optional.of(issued(loads.incrementAndGet(), Duration.ofHours(1))));
    p.providedAsync();
    runQueued();
    clock.advance(Duration.ofMinutes(56)); // 4 min before expiry: inside the 5 min window, still valid
    for (int i = 0; i < 5; i++) {
      assertThat(p.providedAsync().join().credentials().accessKeyId()).isEqualTo("AKID1");
    }
    assertThat(queued).hasSize(1);
    runQueued();
    assertThat(loads).hasValue(2);
    assertThat(p.providedAsync().join().credentials().accessKeyId()).isEqualTo("AKID2");
    assertThat(p.expiration()).hasValue(T0.plus(Duration.ofHours(2)));
  }

  @Test
  void expiredKeysMakeEveryCallerWaitForOneSharedRefresh() throws Exception {
    RefreshingCredentialsProvider p = provider(() -> Optional.of(issued(loads.incrementAndGet(), Duration.ofHours(1))));
    p.providedAsync();
    runQueued();
    clock.advance(Duration.ofMinutes(61));
    List<CompletableFuture<ProvidedCredentials>> waiting = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    List<CompletableFuture<ProvidedCredentials>> sync = java.util.Collections.synchronizedList(waiting);
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> sync.add(p.providedAsync()));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(10));
    }
    assertThat(waiting).hasSize(8).allSatisfy(f -> assertThat(f).isNotDone());
    assertThat(queued).hasSize(1);
    runQueued();
    assertThat(loads).hasValue(2);
    for (CompletableFuture<ProvidedCredentials> f : waiting) {
      assertThat(f.get(10, TimeUnit.SECONDS).credentials().accessKeyId()).isEqualTo("AKID2");
    }
  }

  @Test
  void aFailedRefreshKeepsValidKeysAndSaysSoWithoutSecrets() {
    AtomicInteger calls = new AtomicInteger();
    RefreshingCredentialsProvider p = provider(() -> {
      if (calls.incrementAndGet() == 1) {
        return Optional.of(issued(1, Duration.ofHours(1)));
      }
      throw new ClientException("credentials", "STS at http://127.0.0.1:1 unreachable");
    });
    p.providedAsync();
    runQueued();
    clock.advance(Duration.ofMinutes(57));
    assertThat(p.providedAsync().join().credentials().accessKeyId()).isEqualTo("AKID1");
    runQueued();
    assertThat(p.providedAsync().join().credentials().accessKeyId()).isEqualTo("AKID1");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("refreshing AWS credentials failed", "stand-in", "unreachable",
        "2030-01-01T01:00:00Z").doesNotContain("secret-1", "token-1");
    // Once they are no longer valid the failure reaches the caller.
    runQueued();
    clock.advance(Duration.ofMinutes(3));
    CompletableFuture<ProvidedCredentials> f = p.providedAsync();
    runQueued();
    assertThatThrownBy(f::join).hasCauseInstanceOf(ClientException.class).hasMessageContaining("unreachable");
  }

  @Test
  void afterAFailedRefreshTheSourceIsAskedAgainOnlyAfterTheJitteredBackoff() {
    AtomicInteger calls = new AtomicInteger();
    Queue<Double> jitters = new ArrayDeque<>(List.of(0.5, 0.0));
    RefreshingCredentialsProvider p = RefreshingCredentialsProvider.builder(() -> {
      int n = calls.incrementAndGet();
      if (n == 1 || n == 4) {
        return Optional.of(issued(n, Duration.ofHours(1)));
      }
      throw new ClientException("credentials", "STS at http://127.0.0.1:1 unreachable");
    }, "stand-in loader").clock(clock).executor(manual).warnings(warnings::add)
        .retryBackoff(Duration.ofSeconds(10)).jitter(jitters::remove).build();
    p.providedAsync();
    runQueued();
    clock.advance(Duration.ofMinutes(56)); // inside the refresh window, still valid
    p.providedAsync();
    runQueued();
    assertThat(calls).hasValue(2);
    assertThat(warnings).singleElement().asString().contains("next try in 12500 ms");
    // Backoff 10 s plus half of it times jitter 0.5: nobody asks the source for 12.5 s.
    for (int i = 0; i < 100; i++) {
      assertThat(p.providedAsync().join().credentials().accessKeyId()).isEqualTo("AKID1");
      clock.advance(Duration.ofMillis(124));
    }
    assertThat(queued).isEmpty();
    clock.advance(Duration.ofMillis(100)); // 12.5 s after the failure
    assertThat(p.providedAsync().join().credentials().accessKeyId()).isEqualTo("AKID1");
    runQueued();
    assertThat(calls).hasValue(3);
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(1)).contains("next try in 10000 ms");
    clock.advance(Duration.ofMillis(9_999));
    p.providedAsync();
    assertThat(queued).isEmpty();
    clock.advance(Duration.ofMillis(1));
    p.providedAsync();
    runQueued();
    assertThat(calls).hasValue(4);
    assertThat(p.providedAsync().join().credentials().accessKeyId()).isEqualTo("AKID4");
    assertThat(queued).isEmpty();
  }

  @Test
  void noSourceConfiguredIsEmptyForFindAndAnErrorForResolve() {
    RefreshingCredentialsProvider p = RefreshingCredentialsProvider.builder(Optional::empty, "nowhere")
        .clock(clock).executor(Runnable::run).build();
    assertThat(p.find()).isEmpty();
    assertThatThrownBy(p::resolve).isInstanceOf(ClientException.class)
        .hasMessage("credentials: no AWS credentials found; looked in nowhere");
  }

  @Test
  void toStringsNeverShowSecrets() {
    ProvidedCredentials c = issued(1, Duration.ofHours(1));
    assertThat(c.toString()).contains("AKID1", "stand-in").doesNotContain("secret-1", "token-1");
    assertThat(provider(Optional::empty).toString()).contains("stand-in loader");
  }
}
