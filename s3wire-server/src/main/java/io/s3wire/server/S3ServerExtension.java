package io.s3wire.server;

import io.s3wire.S3AsyncClient;
import io.s3wire.S3Client;
import io.s3wire.S3ClientBuilder;
import io.s3wire.auth.Credentials;
import io.s3wire.config.AddressingStyle;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import java.nio.file.Path;
import java.util.Map;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts an {@link S3Server} once per test class on 127.0.0.1 and an
 * OS-chosen port, and stops it after the class.
 *
 * <p>Use {@code @ExtendWith(S3ServerExtension.class)} for the defaults, or
 * {@code @RegisterExtension static S3ServerExtension s3 = new S3ServerExtension(b -> b.tls(true));}
 * to configure the server. Test methods and constructors may declare parameters of type
 * {@link S3Server}, {@link URI} (the endpoint), {@link Credentials}, {@link S3AsyncClient} and {@link S3Client} (a client
 * made for this server on first use: path style, region us-east-1, the server's credentials, its
 * certificate trusted over TLS, and no AWS settings of the machine; closed after the class). Fault rules set during a
 * test with {@link #faultRules} are cleared after it, as are request counts.
 *
 * <p>A second identity for tests of access control: configure it with
 * {@code new S3ServerExtension(b -> b.user("USER2", "secret2"))}, then {@link #client(String)
 * client("USER2")} is a client signing as that user and {@link #credentials(String)} its credentials.
 */
public final class S3ServerExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(S3ServerExtension.class);

  private final Consumer<S3Server.Builder> configure;
  private S3Server server;
  private S3Client client;
  private final Map<String, S3Client> userClients = new java.util.HashMap<>();

  /** A server with the defaults. */
  public S3ServerExtension() {
    this(b -> { });
  }

  /**
   * A server configured by {@code configure}.
   *
   * @param configure applied to a fresh builder in {@code beforeAll}, before the server starts
   */
  public S3ServerExtension(Consumer<S3Server.Builder> configure) {
    this.configure = configure;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    S3Server.Builder b = S3Server.builder();
    configure.accept(b);
    server = b.start();
    // The store closes the server when JUnit closes the class's context, even if afterAll is skipped.
    context.getStore(NS).put(S3Server.class, (ExtensionContext.Store.CloseableResource) server::close);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    context.getStore(NS).remove(S3Server.class);
    if (client != null) {
      client.close();
      client = null;
    }
    for (S3Client c : userClients.values()) {
      c.close();
    }
    userClients.clear();
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (server != null) {
      server.clearFaultRules();
      server.resetRequestCounts();
    }
  }

  /**
   * {@return the running server}
   *
   * @throws IllegalStateException outside the test class's lifetime (before beforeAll, after afterAll)
   */
  public S3Server server() {
    if (server == null) {
      throw new IllegalStateException("the server runs only between beforeAll and afterAll of the test class");
    }
    return server;
  }

  /** {@return the running server's endpoint} Throws as {@link #server()}. */
  public URI endpoint() {
    return server().endpoint();
  }

  /** {@return the server's first user's credentials, or {@code null} in anonymous mode} */
  public Credentials credentials() {
    S3Server s = server();
    return s.accessKey() == null ? null : Credentials.of(s.accessKey(), s.secretKey());
  }

  /**
   * The credentials of the server's user with {@code accessKey} (one given to
   * {@link S3Server.Builder#user}, or the first user's).
   *
   * @param accessKey the user's access key
   * @return the user's access and secret key
   * @throws IllegalArgumentException for a key the server does not know
   */
  public Credentials credentials(String accessKey) {
    ServerUser u = server().user(accessKey);
    return Credentials.of(u.accessKey(), u.secretKey());
  }

  /**
   * A client signing as the server's user with {@code accessKey}, configured as {@link #client()},
   * made on first use and closed after the class.
   *
   * @param accessKey the user's access key
   * @return the user's client, shared by the class's tests; do not close it
   * @throws IllegalArgumentException for a key the server does not know
   */
  public synchronized S3Client client(String accessKey) {
    ServerUser u = server().user(accessKey);
    S3Client c = userClients.get(accessKey);
    if (c == null) {
      c = newClient(u.accessKey(), u.secretKey());
      userClients.put(accessKey, c);
    }
    return c;
  }

  /**
   * {@return a client for this server, made on first use and closed after the class} Path-style,
   * region us-east-1, trusting the server's certificate, and blind to the machine's AWS settings.
   */
  public synchronized S3Client client() {
    if (client == null) {
      S3Server s = server();
      client = newClient(s.accessKey(), s.secretKey());
    }
    return client;
  }

  private S3Client newClient(String accessKey, String secretKey) {
    S3Server s = server();
    TransportConfig.Builder transport = TransportConfig.builder();
    if (s.isTls()) {
      transport.trustedCertificates(s.certificate());
    }
    S3ClientBuilder b = S3Client.builder()
        // Nothing from the machine's AWS environment or files reaches a test's client.
        .awsConfig(new AwsConfigResolver(Map.of(), Path.of(System.getProperty("java.io.tmpdir"), "no-aws-home")))
        .endpoint(s.endpoint())
        .region("us-east-1")
        .addressing(AddressingStyle.PATH)
        .provider(ProviderProfiles.generic())
        .transportConfig(transport.build());
    if (accessKey != null) {
      b.credentials(accessKey, secretKey);
    }
    return b.build();
  }

  /** {@return the asynchronous side of {@link #client()}}: same settings, same transport, closed with it. */
  public S3AsyncClient asyncClient() {
    return client().async();
  }

  /**
   * Sets fault rules for the current test; they are cleared after it.
   *
   * @param rules the rules, in order, replacing any set before
   */
  public void faultRules(FaultRule... rules) {
    server().faultRules(List.of(rules));
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    Class<?> t = p.getParameter().getType();
    return t == S3Server.class || t == URI.class || t == Credentials.class || t == S3Client.class
        || t == S3AsyncClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    Class<?> t = p.getParameter().getType();
    try {
      if (t == S3Server.class) {
        return server();
      } else if (t == URI.class) {
        return endpoint();
      } else if (t == Credentials.class) {
        return credentials();
      } else if (t == S3Client.class) {
        return client();
      } else if (t == S3AsyncClient.class) {
        return asyncClient();
      }
    } catch (IllegalStateException | UncheckedIOException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
    throw new ParameterResolutionException("S3ServerExtension cannot resolve " + t.getName());
  }
}
