package io.s3wire;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.CredentialsProvider;
import io.s3wire.config.AddressingStyle;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.config.AwsSettings;
import io.s3wire.config.ExplicitSettings;
import io.s3wire.config.Resolved;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.TransportConfig;
import io.s3wire.internal.Capabilities;
import io.s3wire.internal.ClientCore;
import io.s3wire.internal.ClockSkew;
import io.s3wire.internal.Endpoint;
import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import io.s3wire.internal.Validation;
import io.s3wire.wire.WireListener;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * Configures an {@link S3Client} or {@link S3AsyncClient}. Anything not set explicitly comes from the
 * AWS configuration as the AWS CLI reads it (environment variables, {@code ~/.aws/config} and {@code
 * ~/.aws/credentials}); see {@link AwsConfigResolver}. Not thread-safe; {@link #build()} may be called
 * more than once.
 *
 * <p>{@link #build()} throws a {@link ClientException} naming the problem when an option is invalid
 * or options clash: an endpoint that is not a URL, no credentials anywhere, no region where the
 * provider has no default, plain HTTP to an HTTPS-only provider, a part size under 5 MiB, a transport
 * and a transport config both given.
 */
public final class S3ClientBuilder {
  static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

  private AwsConfigResolver awsConfig;
  private ExplicitSettings explicit = ExplicitSettings.none();
  private String endpointText;
  private CredentialsProvider credentialsProvider;
  private HttpTransport transport;
  private TransportConfig transportConfig;
  // Set by newBuilder(): the parent's transport, used only while the transport settings stay its own.
  private HttpTransport inherited;
  private ProviderProfile provider;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private int partSize = DEFAULT_PART_SIZE;
  private Clock clock = Clock.systemUTC();
  private WireListener listener = WireListener.NONE;
  private PayloadSigning payloadSigning = PayloadSigning.SIGNED_WITHOUT_TLS;
  private java.util.concurrent.Executor completionExecutor;
  private io.s3wire.metrics.CallListener callListener = io.s3wire.metrics.CallListener.NONE;

  S3ClientBuilder() {}

  /**
   * Where the AWS settings not given here come from; default {@link AwsConfigResolver#system()}.
   *
   * @param v the resolver of environment, profile files and defaults; tests pass one over fixed values
   * @return this builder
   */
  public S3ClientBuilder awsConfig(AwsConfigResolver v) { awsConfig = Objects.requireNonNull(v); return this; }

  /**
   * The service URL, e.g. {@code https://storage.googleapis.com} or {@code http://127.0.0.1:9000}.
   * Unset: the AWS configuration's endpoint, else {@code https://s3.<region>.amazonaws.com}.
   *
   * @param url the URL; checked by {@link #build()}, which fails with a {@link ClientException} on one
   *     that does not parse
   * @return this builder
   */
  public S3ClientBuilder endpoint(String url) { endpointText = url; return this; }

  /**
   * The service URL; see {@link #endpoint(String)}.
   *
   * @param url the URL; not {@code null}
   * @return this builder
   */
  public S3ClientBuilder endpoint(URI url) { endpointText = url.toString(); return this; }

  /**
   * The region requests are signed for, e.g. {@code us-east-1}; overrides the AWS configuration's.
   * Unset and not configured: the provider profile's default region.
   *
   * @param v the region name
   * @return this builder
   */
  public S3ClientBuilder region(String v) { explicit = explicit.withRegion(v, "S3ClientBuilder.region"); return this; }

  /**
   * The AWS profile to read ({@code AWS_PROFILE} otherwise).
   *
   * @param v the profile name in {@code ~/.aws/config} and {@code ~/.aws/credentials}
   * @return this builder
   */
  public S3ClientBuilder profile(String v) { explicit = explicit.withProfile(v, "S3ClientBuilder.profile"); return this; }

  /**
   * PATH, VIRTUAL, or AUTO (default: what the provider profile says).
   *
   * @param v whether the bucket goes in the path or in the host name
   * @return this builder
   */
  public S3ClientBuilder addressing(AddressingStyle v) {
    explicit = explicit.withAddressingStyle(v, "S3ClientBuilder.addressing");
    return this;
  }

  /**
   * Fixed credentials; they win over the AWS configuration and replace a provider set before.
   *
   * @param v the access key, secret key and optional session token
   * @return this builder
   */
  public S3ClientBuilder credentials(Credentials v) {
    explicit = explicit.withCredentials(v, "S3ClientBuilder.credentials");
    credentialsProvider = null;
    return this;
  }

  /**
   * Fixed long-term credentials, without a session token; see {@link #credentials(Credentials)}.
   *
   * @param accessKeyId the access key id
   * @param secretAccessKey the secret access key; never logged or put in an exception
   * @return this builder
   */
  public S3ClientBuilder credentials(String accessKeyId, String secretAccessKey) {
    return credentials(Credentials.of(accessKeyId, secretAccessKey));
  }

  /**
   * Where credentials come from, asked again for each attempt so expiring ones are refreshed; used
   * unless fixed credentials were given with {@link #credentials(Credentials)}. Default: the AWS
   * configuration's chain.
   *
   * @param v the provider, or {@code null} for the default
   * @return this builder
   */
  public S3ClientBuilder credentialsProvider(CredentialsProvider v) { credentialsProvider = v; return this; }

  /**
   * A transport to share; the client does not close it. Clashes with {@link #transportConfig}.
   *
   * @param v the transport, or {@code null} for one the client makes
   * @return this builder
   */
  public S3ClientBuilder transport(HttpTransport v) { transport = v; inherited = null; return this; }

  /**
   * The transport the client makes and closes; default {@link TransportConfig#defaults()}.
   *
   * @param v the transport settings (HTTP version, TLS, pools, timeouts), or {@code null} for the defaults
   * @return this builder
   */
  public S3ClientBuilder transportConfig(TransportConfig v) { transportConfig = v; return this; }

  /**
   * Changes transport settings starting from those in effect: the config given, the transport shared
   * by {@link S3AsyncClient#newBuilder()}, or the defaults. On a builder from {@code newBuilder()} a
   * change means the client makes (and closes) a transport of its own; without one it shares the
   * parent's. Clashes with a transport given by {@link #transport}.
   *
   * @param change edits a builder holding the settings in effect; called once, right away
   * @return this builder
   */
  public S3ClientBuilder transportConfig(java.util.function.Consumer<TransportConfig.Builder> change) {
    TransportConfig.Builder b = (transportConfig != null ? transportConfig
        : inherited != null ? inherited.config() : TransportConfig.defaults()).toBuilder();
    change.accept(b);
    transportConfig = b.build();
    return this;
  }

  /**
   * What the service accepts ({@link io.s3wire.provider.ProviderProfiles}: aws, gcs, minio, r2, ceph,
   * b2, generic); override single capabilities with {@link ProviderProfile#toBuilder()}. Default: aws
   * without an endpoint, generic with one.
   *
   * @param v the profile
   * @return this builder
   */
  public S3ClientBuilder provider(ProviderProfile v) { provider = Objects.requireNonNull(v); return this; }

  /**
   * How calls are retried; default {@link RetryPolicy#defaults()}.
   *
   * @param v the policy: attempts, back-off, which failures retry
   * @return this builder
   */
  public S3ClientBuilder retryPolicy(RetryPolicy v) { retryPolicy = Objects.requireNonNull(v); return this; }

  /**
   * The part size of uploads of unknown length, 5 MiB to 5 GiB (default 8 MiB).
   *
   * @param v the part size in bytes; out of range fails {@link #build()}, not this call
   * @return this builder
   */
  public S3ClientBuilder multipartPartSize(int v) { partSize = v; return this; }

  /**
   * The clock requests are signed with (corrected by the server's time after RequestTimeTooSkewed).
   *
   * @param v the clock; default {@link Clock#systemUTC()}, tests pin one
   * @return this builder
   */
  public S3ClientBuilder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }

  /**
   * Receives every call's wire events; it must be fast and must not throw (the {@link WireListener} contract).
   *
   * @param v the listener; default {@link WireListener#NONE}
   * @return this builder
   */
  public S3ClientBuilder listener(WireListener v) { listener = Objects.requireNonNull(v); return this; }

  /**
   * Whether signatures cover request bodies; {@link PayloadSigning#SIGNED_WITHOUT_TLS} unless set.
   *
   * @param v the payload signing mode
   * @return this builder
   */
  public S3ClientBuilder payloadSigning(PayloadSigning v) { payloadSigning = Objects.requireNonNull(v); return this; }

  /**
   * Where the futures of {@link S3AsyncClient} complete, and so where dependent stages ({@code
   * thenApply}, {@code thenCompose}, ...) run by default: never on a transport (Netty I/O) thread.
   * Default: a pool the client owns (daemon threads {@code s3wire-completion-N}, made on demand, ended
   * when idle, shut down by {@code close()}), unbounded so callbacks may block. The caller owns an
   * executor given here. The blocking {@link S3Client} does not hop: its caller waits anyway.
   *
   * @param v the executor, which the client never shuts down
   * @return this builder
   */
  public S3ClientBuilder completionExecutor(java.util.concurrent.Executor v) {
    completionExecutor = Objects.requireNonNull(v, "completionExecutor");
    return this;
  }

  /**
   * Hears every call's start, attempts and end, for metrics (the {@code s3wire-micrometer} module has
   * one); default none. Several listeners go in as one {@link io.s3wire.metrics.CallListener#composite},
   * which keeps one listener's exception from the others. The same facts are JFR events whatever is
   * set here.
   *
   * @param v the listener
   * @return this builder
   */
  public S3ClientBuilder callListener(io.s3wire.metrics.CallListener v) {
    callListener = Objects.requireNonNull(v, "callListener");
    return this;
  }

  /**
   * Builds a blocking client from the options set and the AWS configuration. Resolves credentials now,
   * so missing ones fail here rather than at the first call.
   *
   * @return a new client, to be closed
   * @throws ClientException when an option is invalid or options clash (see the class comment)
   */
  public S3Client build() {
    return new S3Client(buildAsync());
  }

  /**
   * Builds an asynchronous client; see {@link #build()} for what is resolved and checked.
   *
   * @return a new client, to be closed
   * @throws ClientException when an option is invalid or options clash (see the class comment)
   */
  public S3AsyncClient buildAsync() {
    ClientCore.Settings settings = settings();
    return new S3AsyncClient(new ClientCore(settings, callListener), copy(), completionExecutor != null
        ? io.s3wire.internal.CompletionHop.using(completionExecutor) : io.s3wire.internal.CompletionHop.ownPool());
  }

  /** A builder with the same options and the given transport, for {@link S3AsyncClient#newBuilder()}. */
  S3ClientBuilder copyWithTransport(HttpTransport shared) {
    S3ClientBuilder b = copy();
    b.transport = null;
    b.transportConfig = null;
    b.inherited = shared;
    return b;
  }

  private S3ClientBuilder copy() {
    S3ClientBuilder b = new S3ClientBuilder();
    b.awsConfig = awsConfig;
    b.explicit = explicit;
    b.endpointText = endpointText;
    b.credentialsProvider = credentialsProvider;
    b.transport = transport;
    b.transportConfig = transportConfig;
    b.inherited = inherited;
    b.provider = provider;
    b.retryPolicy = retryPolicy;
    b.partSize = partSize;
    b.clock = clock;
    b.listener = listener;
    b.payloadSigning = payloadSigning;
    b.completionExecutor = completionExecutor;
    b.callListener = callListener;
    return b;
  }

  /**
   * A presigner with this builder's endpoint, addressing style, region, credentials and clock,
   * without a transport (nothing is sent, nothing needs closing). Same errors as {@link #build()}
   * for what it resolves. Each presign asks the credentials provider afresh, so temporary
   * credentials are refreshed when they expire, as for {@link S3AsyncClient#presigner()}.
   *
   * @return a new presigner
   * @throws ClientException when the endpoint, region or credentials cannot be resolved
   */
  public S3Presigner buildPresigner() {
    Target r = resolve();
    // The provider, not the credentials resolved now: those expire while the presigner lives on.
    return new S3Presigner(r.endpoint(), r.region(), r.provider()::resolve, new ClockSkew(clock));
  }

  /** What a client and a presigner share: where, in which region, as whom. */
  private record Target(Endpoint endpoint, String region, Credentials credentials, ProviderProfile profile,
      CredentialsProvider provider) {}

  private ClientCore.Settings settings() {
    if (transport != null && transportConfig != null) {
      throw new ClientException("transport", "transport and transportConfig clash: a shared transport keeps its own config");
    }
    if (partSize < Validation.MIN_PART_SIZE || partSize > Validation.MAX_PART_SIZE) {
      throw new ClientException("multipart part size", "must be 5 MiB to 5 GiB, was " + partSize);
    }
    Target r = resolve();
    URI base = r.endpoint().base();
    ProviderProfile profile = r.profile();
    Capabilities caps = new Capabilities(profile, r.endpoint().addressing());
    HttpTransport shared = transport != null ? transport : transportConfig == null ? inherited : null;
    boolean owns = shared == null;
    TransportConfig tc = transportConfig != null ? transportConfig : TransportConfig.defaults();
    if (owns && base.getScheme().equalsIgnoreCase("https") && !tc.tlsProvider().isAvailable()) {
      // The transport checks the provider only at its first TLS connection; an https endpoint
      // will need one, so say it now.
      throw new ClientException("tlsProvider " + tc.tlsProvider(), tc.tlsProvider().unavailabilityCause());
    }
    HttpTransport t = owns ? HttpTransport.create(tc) : shared;
    return new ClientCore.Settings(r.endpoint(), r.region(), r.credentials(), caps, t, owns, listener,
        retryPolicy, partSize, clock, "s3wire/0.1", payloadSigning, r.provider());
  }

  private Target resolve() {
    ExplicitSettings given = explicit;
    if (endpointText != null) {
      given = given.withEndpoint(Endpoint.parse(endpointText), "S3ClientBuilder.endpoint");
    }
    // The credential calls (STS, SSO, ...) trust servers as this client's transport does.
    HttpTransport shared = transport != null ? transport : transportConfig == null ? inherited : null;
    TransportConfig tls = transportConfig != null ? transportConfig : shared != null ? shared.config() : TransportConfig.defaults();
    AwsSettings aws = (awsConfig != null ? awsConfig : AwsConfigResolver.system()).resolve(given, tls);
    URI base = aws.endpoint().map(Resolved::value).orElse(null);
    ProviderProfile profile = provider != null ? provider : base != null ? ProviderProfiles.generic() : ProviderProfiles.aws();
    String region = aws.region().map(Resolved::value).orElse(profile.defaultRegion());
    if (region == null || region.isBlank()) {
      throw new ClientException("region", "none configured, and provider profile " + profile.name()
          + " has no default (its region is part of the endpoint): set one");
    }
    if (base == null) {
      base = URI.create("https://s3." + region + ".amazonaws.com");
    }
    if (profile.httpsOnly() && !base.getScheme().equalsIgnoreCase("https")) {
      throw new ClientException("endpoint", base + " is plain HTTP, which provider profile " + profile.name() + " refuses");
    }
    AddressingStyle style = Capabilities.resolve(aws.addressingStyle().value(), profile);
    // Resolved now so build() fails fast; the provider stays for refreshing credentials per attempt.
    CredentialsProvider provider = credentialsProvider != null && explicit.credentials() == null
        ? credentialsProvider
        : aws.credentialsProvider();
    if (provider instanceof io.s3wire.credentials.RefreshingCredentialsProvider refreshing) {
      // STS, SSO, container and instance-metadata calls are traced like the S3 calls.
      refreshing.traceTo(listener);
      refreshing.traceTo(transportListener());
    }
    Credentials credentials = provider.resolve();
    return new Target(new Endpoint(base, style), region, credentials, profile, provider);
  }

  private WireListener transportListener() {
    HttpTransport shared = transport != null ? transport : transportConfig == null ? inherited : null;
    return shared != null ? shared.config().listener()
        : transportConfig != null ? transportConfig.listener() : WireListener.NONE;
  }
}
