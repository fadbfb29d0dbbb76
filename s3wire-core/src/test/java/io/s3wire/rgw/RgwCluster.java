package io.s3wire.rgw;

import io.s3wire.S3ClientBuilder;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.it.S3Target;
import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Ceph RGW cluster the {@code rgw} test group runs against, as {@code .ci/rgw up --tls DIR}
 * describes it in {@code DIR/rgw.env}; the file is named by the system property {@code
 * s3wire.rgw.env} (Maven: {@code -Prgw -Ds3wire.rgw.env=DIR/rgw.env}). RGW itself on plain HTTP, and
 * nginx before it with TLS and HTTP/2.
 *
 * <p>Never skips: a test in this group that cannot reach the cluster fails, naming what is missing,
 * because a silently skipped group reads as a passing one.
 */
public final class RgwCluster {
  /** The system property naming the env file. */
  public static final String ENV_FILE_PROPERTY = "s3wire.rgw.env";

  private static volatile RgwCluster instance;

  private final URI endpoint;
  private final URI tlsEndpoint;
  private final Path ca;
  private final String accessKey;
  private final String secretKey;
  private final String region;

  private RgwCluster(Map<String, String> env, String source) {
    endpoint = URI.create(require(env, "S3WIRE_RGW_ENDPOINT", source));
    tlsEndpoint = URI.create(require(env, "S3WIRE_RGW_TLS_ENDPOINT", source));
    ca = Path.of(require(env, "S3WIRE_RGW_CA", source));
    accessKey = require(env, "S3WIRE_RGW_ACCESS_KEY", source);
    secretKey = require(env, "S3WIRE_RGW_SECRET_KEY", source);
    region = require(env, "S3WIRE_RGW_REGION", source);
  }

  /**
   * The cluster, once it answered a TCP connect on both endpoints.
   *
   * @throws IllegalStateException saying how to start the cluster when the property is missing, the
   *     file does not hold every value, or an endpoint does not accept connections
   */
  public static RgwCluster get() {
    RgwCluster c = instance;
    if (c == null) {
      synchronized (RgwCluster.class) {
        c = instance;
        if (c == null) {
          c = load();
          c.checkReachable(c.endpoint);
          c.checkReachable(c.tlsEndpoint);
          instance = c;
        }
      }
    }
    return c;
  }

  private static RgwCluster load() {
    String file = System.getProperty(ENV_FILE_PROPERTY, "");
    if (file.isBlank()) {
      throw new IllegalStateException("the rgw test group needs a running Ceph RGW: start one with `.ci/rgw up --tls DIR`"
          + " and run Maven with -Prgw -D" + ENV_FILE_PROPERTY + "=DIR/rgw.env (system property " + ENV_FILE_PROPERTY
          + " is not set)");
    }
    Map<String, String> env = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.startsWith("#")) {
          env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + " (" + ENV_FILE_PROPERTY + "): " + e
          + "; is the cluster up (`.ci/rgw up --tls DIR`)?", e);
    }
    return new RgwCluster(env, file);
  }

  private static String require(Map<String, String> env, String key, String source) {
    String v = env.get(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalStateException(source + " has no " + key + "; was the cluster started with `.ci/rgw up --tls`?");
    }
    return v;
  }

  private void checkReachable(URI uri) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
    } catch (IOException e) {
      throw new IllegalStateException("Ceph RGW at " + uri + " is not reachable (" + e.getMessage()
          + "); is the cluster still up (`.ci/rgw up --tls DIR`)?", e);
    }
  }

  /** RGW's own Beast front end: plain HTTP/1.1. */
  public URI endpoint() {
    return endpoint;
  }

  /** nginx before RGW: TLS with ALPN {@code h2, http/1.1}, certificate in {@link #ca()}. */
  public URI tlsEndpoint() {
    return tlsEndpoint;
  }

  /** The PEM file that vouches for the TLS front's self-signed certificate. */
  public Path ca() {
    return ca;
  }

  public String accessKey() {
    return accessKey;
  }

  /** The test user's secret key; never print it. */
  public String secretKey() {
    return secretKey;
  }

  public String region() {
    return region;
  }

  /** RGW over plain HTTP/1.1, with the built-in {@code ceph} profile. */
  public S3Target plainTarget() {
    return target(endpoint, null);
  }

  /** RGW through the TLS front, HTTP/2 only (a connection that does not negotiate h2 fails). */
  public S3Target tlsTarget() {
    return target(tlsEndpoint, TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).trustedCertificates(ca).build());
  }

  private S3Target target(URI uri, TransportConfig transport) {
    return new S3Target() {
      @Override
      public String endpoint() {
        return uri.toString();
      }

      @Override
      public String accessKey() {
        return accessKey;
      }

      @Override
      public String secretKey() {
        return secretKey;
      }

      @Override
      public ProviderProfile profile() {
        return ProviderProfiles.ceph();
      }

      @Override
      public Path trustedCertificate() {
        return transport == null ? null : ca;
      }

      @Override
      public S3ClientBuilder configure(S3ClientBuilder builder) {
        return transport == null ? builder : builder.transportConfig(transport);
      }

      @Override
      public String toString() {
        return "Ceph RGW at " + uri;
      }
    };
  }
}
