package io.s3wire.credentials;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.CredentialsProvider;
import io.s3wire.config.Resolved;
import io.s3wire.credentials.internal.CredentialsHttp;
import io.s3wire.credentials.internal.CredentialsThreads;
import io.s3wire.error.ClientException;
import io.s3wire.wire.WireListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * A {@link CredentialsProvider} that caches what a {@link CredentialsLoader} fetched and fetches
 * again before it expires.
 *
 * <ul>
 *   <li>Long-term keys (no expiration) are fetched once.
 *   <li>Inside the refresh window before expiry a refresh starts in the background while callers
 *       keep getting the cached, still-valid credentials; once they are within the validity margin of
 *       expiry (or expired) callers wait for the refresh.
 *   <li>At most one refresh is in flight however many callers ask.
 *   <li>A failed refresh keeps handing out the cached credentials while they are still valid and
 *       reports it to the warning sink (never with a secret); the source is then not asked again
 *       before the retry backoff (with jitter) has passed on the clock. Once the cached credentials
 *       are not valid the failure reaches the caller, and every caller then triggers a new attempt.
 *   <li>The loader's HTTP calls are traced to the listeners added with {@link #traceTo}.
 *   <li>The loader runs on the given executor (by default a small pool of daemon threads), never on
 *       the caller's thread, so {@link #currentAsync()} is safe on an I/O event loop.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class RefreshingCredentialsProvider implements CredentialsProvider {
  /** Refresh this long before expiry, in the background. */
  public static final Duration DEFAULT_REFRESH_WINDOW = Duration.ofMinutes(5);
  /** Credentials closer than this to expiry are not handed out; callers wait for fresh ones. */
  public static final Duration VALIDITY_MARGIN = Duration.ofSeconds(30);
  /** After a failed refresh, the source is not asked again for this long (plus jitter) while cached credentials last. */
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(10);

  // Marks "no source configured" apart from "a source failed"; stackless, holds nothing.
  private static final Exception NOT_CONFIGURED = new Exception("no source configured", null, false, false) {};

  private final CredentialsLoader loader;
  private final String description;
  private final Clock clock;
  private final Duration refreshWindow;
  private final Executor executor;
  private final Consumer<String> warnings;
  private final Duration retryBackoff;
  private final DoubleSupplier jitter;
  private final Set<WireListener> listeners = new CopyOnWriteArraySet<>();
  private final Object lock = new Object();
  private volatile ProvidedCredentials current;
  private volatile Instant retryNotBefore = Instant.MIN; // after a failed refresh
  private CompletableFuture<ProvidedCredentials> inFlight; // guarded by lock

  private RefreshingCredentialsProvider(Builder b) {
    this.loader = b.loader;
    this.description = b.description;
    this.clock = b.clock;
    this.refreshWindow = b.refreshWindow;
    this.executor = b.executor;
    this.warnings = b.warnings;
    this.retryBackoff = b.retryBackoff;
    this.jitter = b.jitter;
  }

  /**
   * A builder for a provider over {@code loader}.
   *
   * @param loader fetches fresh credentials; called on the executor only
   * @param description where the loader looks, in words, for error messages
   * @return a builder with the defaults (refresh window, executor, warnings, back-off)
   */
  public static Builder builder(CredentialsLoader loader, String description) {
    return new Builder(loader, description);
  }

  /**
   * The credentials to sign with now. Completes at once from the cache while it is fresh; otherwise
   * when the (single, shared) refresh completes, on the refresh executor's thread.
   *
   * @return the credentials with their source and expiry; fails with a {@code ClientException} naming
   *     every source tried when none can be had
   */
  public CompletableFuture<ProvidedCredentials> providedAsync() {
    ProvidedCredentials c = current;
    Instant now = clock.instant();
    if (c != null && c.expiration() == null) {
      return CompletableFuture.completedFuture(c);
    }
    if (c != null && now.isBefore(c.expiration().minus(refreshWindow))) {
      return CompletableFuture.completedFuture(c);
    }
    if (c != null && usable(c, now) && now.isBefore(retryNotBefore)) {
      return CompletableFuture.completedFuture(c); // backing off after a failed refresh
    }
    CompletableFuture<ProvidedCredentials> refresh = refresh();
    if (c != null && usable(c, now) && !refresh.isDone()) {
      return CompletableFuture.completedFuture(c);
    }
    return refresh;
  }

  /**
   * Sends the wire events of the loader's HTTP calls (STS, SSO, container and instance metadata) to
   * {@code listener} too, redacted as for S3 calls. A client built over this provider adds its
   * listener here; listeners added before stay.
   *
   * @param listener a listener; {@code null} and {@link WireListener#NONE} are ignored
   */
  public void traceTo(WireListener listener) {
    if (WireListener.wants(listener)) {
      listeners.add(listener);
    }
  }

  @Override
  public CompletableFuture<Credentials> currentAsync() {
    return providedAsync().thenApply(ProvidedCredentials::credentials);
  }

  /**
   * The credentials to sign with now, waiting for a refresh when needed. Do not call on an I/O
   * thread; use {@link #providedAsync()} there.
   *
   * @return the credentials with their source and expiry
   * @throws ClientException when none can be had, naming every source tried and why it failed
   */
  public ProvidedCredentials provided() {
    try {
      return providedAsync().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ClientException("credentials", String.valueOf(e.getCause()), e.getCause());
    }
  }

  @Override
  public Optional<Instant> expiration() {
    return cached().flatMap(ProvidedCredentials::expiresAt);
  }

  /**
   * The credentials held now, without fetching.
   *
   * @return the cached credentials, possibly expired; empty before the first fetch
   */
  public Optional<ProvidedCredentials> cached() {
    return Optional.ofNullable(current);
  }

  /** Empty when no source is configured at all; throws when one is configured but fails. */
  @Override
  public Optional<Resolved<Credentials>> find() {
    try {
      ProvidedCredentials c = provided();
      return Optional.of(Resolved.of(c.credentials(), c.source()));
    } catch (ClientException e) {
      if (e.getCause() == NOT_CONFIGURED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Credentials resolve() {
    return provided().credentials();
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return "RefreshingCredentialsProvider[" + description + "]";
  }

  private boolean usable(ProvidedCredentials c, Instant now) {
    return c.expiration() == null || now.isBefore(c.expiration().minus(VALIDITY_MARGIN));
  }

  // The backoff plus up to half of it again, so many clients that failed together do not retry together.
  private Duration backoff() {
    double j = Math.min(Math.max(jitter.getAsDouble(), 0), 1);
    return retryBackoff.plusMillis((long) (retryBackoff.toMillis() * 0.5 * j));
  }

  private CompletableFuture<ProvidedCredentials> refresh() {
    synchronized (lock) {
      if (inFlight != null) {
        return inFlight;
      }
      CompletableFuture<ProvidedCredentials> f = new CompletableFuture<>();
      inFlight = f;
      try {
        executor.execute(() -> runRefresh(f));
      } catch (RuntimeException e) {
        inFlight = null;
        return CompletableFuture.failedFuture(e);
      }
      return f;
    }
  }

  private void runRefresh(CompletableFuture<ProvidedCredentials> f) {
    ProvidedCredentials result = null;
    RuntimeException failure = null;
    try {
      WireListener listener = WireListener.composite(listeners.toArray(WireListener[]::new));
      result = CredentialsHttp.traced(listener, loader::load).orElseThrow(() -> new ClientException("credentials",
          "no AWS credentials found; looked in " + description, NOT_CONFIGURED));
    } catch (RuntimeException e) {
      failure = e;
    }
    ProvidedCredentials previous = current;
    Instant now = clock.instant();
    if (failure == null) {
      current = result;
      retryNotBefore = Instant.MIN;
    } else if (previous != null && usable(previous, now)) {
      Duration wait = backoff();
      retryNotBefore = now.plus(wait);
      warnings.accept("refreshing AWS credentials failed; still using those from " + previous.source()
          + ", valid until " + previous.expiration() + ", next try in " + wait.toMillis() + " ms: "
          + failure.getMessage());
      result = previous;
      failure = null;
    }
    synchronized (lock) {
      inFlight = null;
    }
    if (failure == null) {
      f.complete(result);
    } else {
      f.completeExceptionally(failure);
    }
  }

  /** Options of a {@link RefreshingCredentialsProvider}. Not thread-safe. */
  public static final class Builder {
    private final CredentialsLoader loader;
    private final String description;
    private Clock clock = Clock.systemUTC();
    private Duration refreshWindow = DEFAULT_REFRESH_WINDOW;
    private Executor executor = CredentialsThreads.shared();
    private Consumer<String> warnings = CredentialsThreads::warn;
    private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder(CredentialsLoader loader, String description) {
      this.loader = Objects.requireNonNull(loader, "loader");
      this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * The clock that decides when credentials are due for refresh (tests pin it).
     *
     * @param v the clock; default the UTC system clock
     * @return this builder
     */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v, "clock"); return this; }

    /**
     * How long before expiry a background refresh starts; default {@link #DEFAULT_REFRESH_WINDOW}.
     *
     * @param v the window, zero or more
     * @return this builder
     */
    public Builder refreshWindow(Duration v) {
      if (v.isNegative()) {
        throw new IllegalArgumentException("refreshWindow must not be negative, was " + v);
      }
      refreshWindow = v;
      return this;
    }

    /**
     * Where the loader runs; default: a small pool of daemon threads shared by all providers. Never a
     * transport's I/O thread: loaders block on files, processes and HTTP.
     *
     * @param v the executor
     * @return this builder
     */
    public Builder executor(Executor v) { executor = Objects.requireNonNull(v, "executor"); return this; }

    /**
     * Receives a sentence (no secret in it) when a refresh fails but cached credentials stay in use;
     * default: JDK logging.
     *
     * @param v where the sentences go
     * @return this builder
     */
    public Builder warnings(Consumer<String> v) { warnings = Objects.requireNonNull(v, "warnings"); return this; }

    /**
     * After a failed refresh while the cached credentials are still valid, wait at least this long
     * (plus up to half of it again, at random) before asking the source again; default {@link
     * #DEFAULT_RETRY_BACKOFF}. Callers are not held back once the cached credentials are not valid.
     *
     * @param v the backoff, zero or more
     * @return this builder
     */
    public Builder retryBackoff(Duration v) {
      if (v.isNegative()) {
        throw new IllegalArgumentException("retryBackoff must not be negative, was " + v);
      }
      retryBackoff = v;
      return this;
    }

    /**
     * The random source of the backoff's jitter; default a uniform random number.
     *
     * @param v yields values in [0, 1] (others are clamped); tests pin it
     * @return this builder
     */
    public Builder jitter(DoubleSupplier v) { jitter = Objects.requireNonNull(v, "jitter"); return this; }

    /**
     * The provider; nothing is fetched until credentials are first asked for.
     *
     * @return a new provider with this builder's settings
     */
    public RefreshingCredentialsProvider build() {
      return new RefreshingCredentialsProvider(this);
    }
  }
}
