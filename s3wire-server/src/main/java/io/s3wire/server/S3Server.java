package io.s3wire.server;

import io.netty.handler.ssl.SslContext;
import io.s3wire.http.TlsProvider;
import io.s3wire.server.internal.auth.Authenticator;
import io.s3wire.server.internal.auth.SigV4Verifier;
import io.s3wire.server.internal.auth.Users;
import io.s3wire.server.internal.fault.FaultEngine;
import io.s3wire.server.internal.net.Listening;
import io.s3wire.server.internal.net.ServerCertificate;
import io.s3wire.server.internal.net.TlsContexts;
import io.s3wire.server.internal.s3.Router;
import io.s3wire.server.internal.s3.ServerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embedded S3-compatible server: HTTP/1.1 and HTTP/2 with prior knowledge on a plain port, or
 * TLS with ALPN; a memory or file store; SigV4 verification; provider profiles; fault rules.
 *
 * <p>Build with {@link #builder()}, then {@link #start()}; {@link #close()} stops it. Thread-safe.
 * Store calls run on a worker pool, never on the event loops. Fault rules and observers may be
 * changed while it runs. Defaults: 127.0.0.1, an OS-chosen port, plain HTTP, a memory store,
 * generated credentials (one user; more with {@link Builder#user}), profile {@link ServerProfile#S3}, {@link ServerLimits#defaults()}.
 */
public final class S3Server implements AutoCloseable {
  private final Builder options;
  private final ObjectStore store;
  private final Clock clock;
  private final FaultEngine faults = new FaultEngine();
  private final List<RequestObserver> observers = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final String accessKey;
  private final String secretKey;
  private final boolean secretGenerated;
  private final List<ServerUser> users;
  private final ServerCertificate certificate;
  private Listening listening;

  private S3Server(Builder b) {
    this.options = b;
    this.clock = Clock.offset(b.clock, b.clockOffset);
    this.store = b.store != null ? b.store : ObjectStore.memory(clock);
    if (b.anonymous) {
      this.accessKey = null;
      this.secretKey = null;
      this.secretGenerated = false;
    } else if (b.accessKey != null) {
      this.accessKey = b.accessKey;
      this.secretKey = b.secretKey;
      this.secretGenerated = false;
    } else {
      this.accessKey = Secrets.accessKey();
      this.secretKey = Secrets.secretKey();
      this.secretGenerated = true;
    }
    this.users = ServerUsers.all(accessKey, secretKey, b.users);
    this.certificate = !b.tls ? null : b.certFile != null ? readCertificate(b) : ServerCertificate.selfSigned();
    faults.set(b.faultRules);
    observers.add(r -> counts.computeIfAbsent(r.operation(), k -> new AtomicLong()).incrementAndGet());
    observers.addAll(b.observers);
  }

  /** {@return a new builder} Every option has a default: {@code builder().start()} serves on a free loopback port. */
  public static Builder builder() {
    return new Builder();
  }

  private SslContext tlsContext() {
    try {
      return TlsContexts.server(certificate, options.tlsProvider, options.alpn);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up TLS with provider " + options.tlsProvider, e);
    }
  }

  private static ServerCertificate readCertificate(Builder b) {
    try {
      return ServerCertificate.fromPem(b.certFile, b.keyFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the certificate " + b.certFile + " or its key " + b.keyFile, e);
    }
  }

  /**
   * Binds and starts serving; returns this server.
   * @return this server, started
   * @throws UncheckedIOException when the address cannot be bound (its cause says why, e.g. a
   *     {@link java.net.BindException}, or Netty's native error under epoll, for a port in use)
   * @throws IllegalStateException when the server is already started
   */
  public synchronized S3Server start() {
    if (listening != null) {
      throw new IllegalStateException("the server is already started");
    }
    SslContext ssl = certificate == null ? null : tlsContext();
    Authenticator auth = options.anonymous ? Authenticator.anonymous(options.checkRequestTime)
        : new SigV4Verifier(new Users(users), options.profile, false, options.checkRequestTime);
    listening = Listening.bind(options.host, options.port, options.ioThreads, options.workerThreads, ssl, options.alpn,
        options.http3 ? TlsContexts.quic(certificate) : null, options.limits, workers -> new Router(new ServerContext(store, options.profile, auth, faults, observers,
            options.limits, clock, workers, new Users(users))));
    return this;
  }

  /** {@return the port the server listens on} When the builder's port was 0, the OS chose it. */
  public int port() {
    return listening.port();
  }

  /** {@return {@code http://host:port} or {@code https://host:port}}, an IPv6 host in brackets. */
  public URI endpoint() {
    String host = options.host.contains(":") ? "[" + options.host + "]" : options.host;
    return URI.create((certificate != null ? "https" : "http") + "://" + host + ":" + port());
  }

  /** {@return the access key requests must be signed with, or {@code null} in anonymous mode} */
  public String accessKey() {
    return accessKey;
  }

  /** {@return the secret key, or {@code null} in anonymous mode} Never log it. */
  public String secretKey() {
    return secretKey;
  }

  /**
   * Every user the server knows, the first one being {@link #accessKey()}'s (canonical id
   * {@link ServerUser#DEFAULT_OWNER_ID}), then those given to {@link Builder#user} in order; empty
   * in anonymous mode.
   * @return the users, unmodifiable
   */
  public List<ServerUser> users() {
    return users;
  }

  /**
   * {@return the user of {@code accessKey}}
   * @param accessKey the access key the user signs with
   * @throws IllegalArgumentException when the server does not know {@code accessKey}
   */
  public ServerUser user(String accessKey) {
    return users.stream().filter(u -> u.accessKey().equals(accessKey)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the server has no user with access key '" + accessKey + "'"));
  }

  /** {@return whether the server generated its credentials} (Then the secret is shown to the user once.) */
  public boolean secretGenerated() {
    return secretGenerated;
  }

  /** {@return whether the server speaks TLS} */
  public boolean isTls() {
    return certificate != null;
  }

  /** {@return the TLS certificate, or {@code null} on a plain port} */
  public X509Certificate certificate() {
    return certificate == null ? null : certificate.certificate();
  }

  /** {@return the certificate's SHA-256 fingerprint (colon-separated hex), or {@code null} on a plain port} */
  public String certificateSha256() {
    return certificate == null ? null : certificate.sha256Fingerprint();
  }

  /** {@return the certificate as PEM, for clients to trust, or {@code null} on a plain port} */
  public String certificatePem() {
    return certificate == null ? null : certificate.pem();
  }

  /**
   * Writes the certificate as PEM (US-ASCII) to {@code file}, replacing it.
   * @param file where to write
   * @throws IOException when the file cannot be written
   * @throws IllegalStateException when the server was built without TLS
   */
  public void writeCertificatePem(Path file) throws IOException {
    if (certificate == null) {
      throw new IllegalStateException("the server has no certificate: it was built without tls()");
    }
    Files.writeString(file, certificate.pem(), StandardCharsets.US_ASCII);
  }

  /** {@return the store served: the builder's, or the memory store the server made} It is thread-safe. */
  public ObjectStore store() {
    return store;
  }

  /** {@return which S3 implementation's behaviour the server imitates} */
  public ServerProfile profile() {
    return options.profile;
  }

  /**
   * Replaces all fault rules; their counters start from zero. Safe while serving.
   * @param rules the new rules, in order; empty for none
   */
  public void faultRules(List<FaultRule> rules) {
    faults.set(rules);
  }

  /**
   * Adds a fault rule after the active ones, its counter at zero. Safe while serving.
   * @param rule the rule to add
   */
  public void addFaultRule(FaultRule rule) {
    faults.add(rule);
  }

  /** Removes every fault rule: requests are served normally again. */
  public void clearFaultRules() {
    faults.set(List.of());
  }

  /** {@return the active fault rules in order, a snapshot} */
  public List<FaultRule> faultRules() {
    return faults.rules();
  }

  /**
   * How many times each active fault rule fired since it was set, by rule (in rule order); a rule
   * fires when its match and its {@code which} condition hold and its action is applied.
   * @return the counts, a snapshot
   */
  public Map<FaultRule, Long> faultsFired() {
    return faults.fired();
  }

  /**
   * Adds an observer told of every request from now on. Safe while serving.
   * @param observer called on the server's threads; what it throws is logged and ignored
   */
  public void addObserver(RequestObserver observer) {
    observers.add(observer);
  }

  /**
   * Removes an observer; requests already being handled may still reach it.
   * @param observer an observer added before; an unknown one is ignored
   */
  public void removeObserver(RequestObserver observer) {
    observers.remove(observer);
  }

  /**
   * {@return how many requests of {@code operation} arrived since start or reset} 0 for one not seen.
   * @param operation the operation's AWS name, e.g. {@code PutObject}
   */
  public long requestCount(String operation) {
    AtomicLong c = counts.get(operation);
    return c == null ? 0 : c.get();
  }

  /** {@return request counts by operation name, sorted: a snapshot} */
  public Map<String, Long> requestCounts() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Sets every request count back to zero, e.g. between the steps of a test. */
  public void resetRequestCounts() {
    counts.clear();
  }

  /** Stops accepting, closes every connection, stops the threads; closes the store if the server made it. */
  @Override
  public synchronized void close() {
    if (listening != null) {
      listening.close();
    }
    if (options.store == null) {
      try {
        store.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public String toString() {
    return "S3Server[" + (listening == null ? "not started" : endpoint()) + ", profile " + options.profile.name()
        + "]";
  }

  /** Options of a server; every one has a default. */
  public static final class Builder {
    private ObjectStore store;
    private ServerProfile profile = ServerProfile.S3;
    private ServerLimits limits = ServerLimits.defaults();
    private String host = "127.0.0.1";
    private int port;
    private boolean tls;
    private TlsProvider tlsProvider = TlsProvider.JDK;
    private List<String> alpn = List.of("h2", "http/1.1");
    private boolean http3;
    private Path certFile;
    private Path keyFile;
    private String accessKey;
    private String secretKey;
    private boolean anonymous;
    private final List<ServerUser> users = new java.util.ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Duration clockOffset = Duration.ZERO;
    private boolean checkRequestTime = true;
    private List<FaultRule> faultRules = List.of();
    private final List<RequestObserver> observers = new java.util.ArrayList<>();
    private int workerThreads = 256;
    private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

    private Builder() {}

    /**
     * The store; the caller keeps ownership (the server does not close it). Default: a new memory
     * store on the server's {@link #clock}.
     * @param store the store to serve, or {@code null} for the default
     * @return this builder
     */
    public Builder store(ObjectStore store) {
      this.store = store;
      return this;
    }

    /**
     * Which S3 implementation's front end the server imitates: the regions it accepts, the headers it
     * refuses, the checksums it takes ({@link ServerProfile#S3} unless set).
     * @param profile the profile; not {@code null}
     * @return this builder
     */
    public Builder profile(ServerProfile profile) {
      this.profile = java.util.Objects.requireNonNull(profile);
      return this;
    }

    /**
     * The server's protective limits: HTTP/2 stream and frame caps, timeouts, the largest request body
     * ({@link ServerLimits#defaults()} unless set). What exceeds them is refused as S3 would refuse it.
     * @param limits the limits; not {@code null}
     * @return this builder
     */
    public Builder limits(ServerLimits limits) {
      this.limits = java.util.Objects.requireNonNull(limits);
      return this;
    }

    /**
     * The address to bind, a name or a literal IPv4 or IPv6 address; {@code 127.0.0.1} unless set.
     * {@link S3Server#endpoint()} names it as given.
     * @param host the host to listen on
     * @return this builder
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * The port to bind; 0 (the default) lets the OS choose, read back with {@link S3Server#port()}.
     * @param port the port, 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Serves TLS (self-signed certificate unless {@link #certificate} is given).
     * @param tls {@code true} for https (default {@code false})
     * @return this builder
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * The TLS implementation for {@link #tls(boolean) tls(true)}: the JDK's (default) or BoringSSL
     * through netty-tcnative, which must then be on the class or module path.
     * @param provider the provider; not {@code null}
     * @return this builder
     */
    public Builder tlsProvider(TlsProvider provider) {
      this.tlsProvider = java.util.Objects.requireNonNull(provider);
      return this;
    }

    /**
     * ALPN protocols the server selects from, in preference order; empty: no ALPN (HTTP/1.1).
     * @param protocols {@code h2} and/or {@code http/1.1} (default both, h2 first); copied
     * @return this builder
     */
    public Builder alpn(List<String> protocols) {
      this.alpn = List.copyOf(protocols);
      return this;
    }

    /**
     * Serves HTTP/3 over QUIC on UDP at the TLS port's number as well, with the same certificate, and
     * advertises it in every TCP response as {@code Alt-Svc: h3=":PORT"; ma=86400}. Needs
     * {@link #tls(boolean) tls(true)} (QUIC has no cleartext form) and Netty's native QUIC library,
     * which loads on linux-x86_64. With port 0, OS-chosen ports whose UDP twin is taken are passed over.
     * @param http3 {@code true} to serve HTTP/3 too (default {@code false})
     * @return this builder
     */
    public Builder http3(boolean http3) {
      this.http3 = http3;
      return this;
    }

    /**
     * A PEM certificate (chain) and PKCS#8 PEM key to serve instead of a generated certificate; the
     * files are read by {@link #build()}.
     * @param certFile the certificate chain, leaf first
     * @param keyFile the leaf's private key
     * @return this builder
     */
    public Builder certificate(Path certFile, Path keyFile) {
      this.certFile = certFile;
      this.keyFile = keyFile;
      return this;
    }

    /**
     * The first user's keys, which requests are signed with; unless set the server generates a pair
     * ({@link S3Server#secretGenerated()}). Clashes with {@link #anonymous}.
     * @param accessKey the access key; not {@code null}
     * @param secretKey the secret key, never logged; not {@code null}
     * @return this builder
     */
    public Builder credentials(String accessKey, String secretKey) {
      this.accessKey = java.util.Objects.requireNonNull(accessKey);
      this.secretKey = java.util.Objects.requireNonNull(secretKey);
      return this;
    }

    /**
     * Adds a further user (a second identity, after the first one {@link #credentials} sets or the
     * server generates): its requests are signed with its own keys, the buckets it creates are its
     * own, and it reaches other users' buckets and objects only where their ACLs grant it. Clashes
     * with {@link #anonymous}.
     * @param user the user; not {@code null}
     * @return this builder
     */
    public Builder user(ServerUser user) {
      this.users.add(java.util.Objects.requireNonNull(user));
      return this;
    }

    /**
     * Adds a further user with {@link ServerUser#of}'s derived canonical id and display name.
     * @param accessKey the user's access key
     * @param secretKey the user's secret key, never logged
     * @return this builder
     */
    public Builder user(String accessKey, String secretKey) {
      return user(ServerUser.of(accessKey, secretKey));
    }

    /**
     * Accepts unsigned requests and checks no signature.
     * @param anonymous {@code true} for a server without users (default {@code false})
     * @return this builder
     */
    public Builder anonymous(boolean anonymous) {
      this.anonymous = anonymous;
      return this;
    }

    /**
     * The server's clock (default: the system's, in UTC): the {@code Date} of every answer, the
     * times of objects and uploads in the default store, and the time signed requests are checked
     * against (S3's 15-minute window, presigned expiry). A store given to {@link #store} keeps its
     * own clock ({@link ObjectStore#memory(Clock)}). A clock pinned far from the clients' makes every
     * signed request RequestTimeTooSkewed unless {@link #checkRequestTime(boolean) checkRequestTime(false)}.
     * @param clock the clock; not {@code null}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = java.util.Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Runs the server's clock {@code offset} ahead (negative: behind) of {@link #clock}, to test skew.
     * @param offset the offset (default zero); not {@code null}
     * @return this builder
     */
    public Builder clockOffset(Duration offset) {
      this.clockOffset = java.util.Objects.requireNonNull(offset);
      return this;
    }

    /**
     * Whether a signed request's time is checked against the server's clock (default: true, as S3
     * does). Signatures are verified either way; false serves clients whose clock differs from a
     * pinned {@link #clock}.
     * @param check whether to check
     * @return this builder
     */
    public Builder checkRequestTime(boolean check) {
      this.checkRequestTime = check;
      return this;
    }

    /**
     * The fault rules active from the start, tried in order for every request (replaceable while the
     * server runs with {@link S3Server#faultRules(List)}); none unless set.
     * @param rules the rules; copied
     * @return this builder
     */
    public Builder faultRules(List<FaultRule> rules) {
      this.faultRules = List.copyOf(rules);
      return this;
    }

    /**
     * Adds an observer told of every request from the start (more can be added while serving with
     * {@link S3Server#addObserver}).
     * @param observer called on the server's event loops; must be fast and must not throw
     * @return this builder
     */
    public Builder observer(RequestObserver observer) {
      this.observers.add(observer);
      return this;
    }

    /**
     * The most store operations running at once; more requests are answered with SlowDown.
     * @param n the number of worker threads (default 256)
     * @return this builder
     */
    public Builder workerThreads(int n) {
      this.workerThreads = n;
      return this;
    }

    /**
     * The event-loop threads that read and write connections (default: the processor count, at least
     * two). Only small requests on the memory store run their store call on them; the rest go to workers.
     * @param n the number of I/O threads
     * @return this builder
     */
    public Builder ioThreads(int n) {
      this.ioThreads = n;
      return this;
    }

    /**
     * Builds without starting.
     * @return the server, not yet bound
     * @throws IllegalArgumentException when options clash
     * @throws UncheckedIOException when the certificate or key file cannot be read
     */
    public S3Server build() {
      if (anonymous && accessKey != null) {
        throw new IllegalArgumentException("anonymous(true) and credentials(...) clash: choose one");
      }
      if (anonymous && !users.isEmpty()) {
        throw new IllegalArgumentException("anonymous(true) and user(...) clash: an anonymous server has no users");
      }
      if (!tls && (certFile != null || tlsProvider != TlsProvider.JDK)) {
        throw new IllegalArgumentException("certificate(...) and tlsProvider(...) need tls(true)");
      }
      if (http3 && !tls) {
        throw new IllegalArgumentException("http3(true) needs tls(true): QUIC always runs over TLS 1.3");
      }
      if (certFile != null && keyFile == null) {
        throw new IllegalArgumentException("certificate(...) needs both a certificate and a key file");
      }
      for (String p : alpn) {
        if (!p.equals("h2") && !p.equals("http/1.1")) {
          throw new IllegalArgumentException("ALPN protocols are h2 and http/1.1, not '" + p + "'");
        }
      }
      return new S3Server(this);
    }

    /** {@return the started server} Throws as {@link #build()} and {@link S3Server#start()}; the caller closes it. */
    public S3Server start() {
      return build().start();
    }
  }
}
