package io.s3wire.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.config.AwsProfileFiles;
import io.s3wire.error.ClientException;
import io.s3wire.testing.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every source, behind the refreshing provider on a fake clock: its stand-in issues credentials
 * that expire; in the refresh window, eight concurrent callers share one refresh, which is the one
 * request the stand-in sees, and all get the new keys. Plus the STS and SSO error answers.
 */
@Timeout(60)
class PerSourceRefreshTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final int CALLERS = 8;

  @TempDir
  Path home;

  private final MutableClock clock = new MutableClock(T0);
  private final Map<String, String> env = new HashMap<>(Map.of("AWS_EC2_METADATA_DISABLED", "true"));
  private final List<AutoCloseable> standIns = new ArrayList<>();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

  /** A source under test: its loader and how many credential answers its stand-in gave. */
  private record Source(CredentialsLoader loader, IntSupplier issued) {}

  @AfterEach
  void close() throws Exception {
    callers.shutdownNow();
    for (AutoCloseable c : standIns) {
      c.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"imds", "container-token", "container-no-token", "assume-role", "web-identity", "sso",
      "credential-process"})
  void eightCallersInTheRefreshWindowShareOneRefreshAndGetTheNewKeys(String name) throws Exception {
    Source source = source(name);
    // The refresh waits in this queue until every caller has asked, so they all wait on one refresh.
    List<Runnable> held = new CopyOnWriteArrayList<>();
    AtomicBoolean hold = new AtomicBoolean();
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.builder(source.loader(), name)
        .clock(clock).warnings(warnings::add)
        .executor(r -> {
          if (hold.get()) {
            held.add(r);
          } else {
            r.run();
          }
        }).build();

    ProvidedCredentials first = provider.provided();
    assertThat(first.credentials().accessKeyId()).isEqualTo(key(name, 1));
    assertThat(first.expiration()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(source.issued().getAsInt()).isEqualTo(1);

    // Ten seconds before expiry: inside the refresh window and the validity margin, so callers wait.
    clock.advance(Duration.ofHours(1).minusSeconds(10));
    hold.set(true);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<CompletableFuture<ProvidedCredentials>>> asked = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      asked.add(callers.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return provider.providedAsync();
      }));
    }
    start.countDown();
    List<CompletableFuture<ProvidedCredentials>> answers = new ArrayList<>();
    for (Future<CompletableFuture<ProvidedCredentials>> f : asked) {
      answers.add(f.get(10, TimeUnit.SECONDS));
    }
    assertThat(answers).noneMatch(CompletableFuture::isDone);
    assertThat(held).hasSize(1);
    assertThat(source.issued().getAsInt()).isEqualTo(1);
    hold.set(false);
    held.get(0).run();

    for (CompletableFuture<ProvidedCredentials> a : answers) {
      ProvidedCredentials c = a.get(10, TimeUnit.SECONDS);
      assertThat(c.credentials().accessKeyId()).isEqualTo(key(name, 2));
      assertThat(c.credentials().secretAccessKey()).isEqualTo(secret(name, 2));
      assertThat(c.credentials().sessionToken()).isEqualTo(token(name, 2));
      assertThat(c.expiration()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }
    assertThat(source.issued().getAsInt()).isEqualTo(2);
    assertThat(provider.resolve().accessKeyId()).isEqualTo(key(name, 2));
    assertThat(source.issued().getAsInt()).isEqualTo(2);
    assertThat(warnings).isEmpty();
    assertThat(provider.toString() + provider.description() + provider.cached().orElseThrow().source())
        .doesNotContain(secret(name, 1), secret(name, 2), token(name, 1), token(name, 2));
  }

  @Test
  void anAssumeRoleErrorAnswerIsOneSentenceNamingStsAndWhyWithoutSecrets() throws IOException {
    String denied = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
        + "<Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/base is not authorized to perform: "
        + "sts:AssumeRole on resource: arn:aws:iam::1:role/app</Message></Error><RequestId>r1</RequestId></ErrorResponse>";
    StandIn sts = standIn(new StandIn(r -> new StandIn.Answer(403, denied)));
    AwsProfileFiles f = files("[profile base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n"
        + "[profile app]\nrole_arn = arn:aws:iam::1:role/app\nsource_profile = base\n");
    env.put("AWS_ENDPOINT_URL_STS", sts.url());
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.builder(
        AwsCredentialsProviders.profile(env, home, f, "app", null, clock), "profile app").clock(clock).build();
    assertThatThrownBy(provider::resolve).isInstanceOf(ClientException.class)
        .hasMessageContaining("STS AssumeRole at " + sts.url())
        .hasMessageContaining("HTTP 403 AccessDenied: User: arn:aws:iam::1:user/base is not authorized")
        .satisfies(e -> assertOneLineWithout(e, "base-secret", signature(sts)));
  }

  @Test
  void anSsoPortalErrorAnswerIsOneSentenceNamingThePortalAndWhyWithoutTheToken() throws IOException {
    String unauthorized = "{\"message\":\"Session token not found or invalid\","
        + "\"__type\":\"com.amazonaws.switchboard.portal#UnauthorizedException\"}";
    StandIn portal = standIn(new StandIn(r -> new StandIn.Answer(403, unauthorized)));
    AwsProfileFiles f = ssoProfile(portal);
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.builder(
        AwsCredentialsProviders.profile(env, home, f, "dev", null, clock), "profile dev").clock(clock).build();
    assertThatThrownBy(provider::resolve).isInstanceOf(ClientException.class)
        .hasMessageContaining("SSO GetRoleCredentials at " + portal.url())
        .hasMessageContaining("HTTP 403 UnauthorizedException: Session token not found or invalid")
        .hasMessageContaining("run aws sso login")
        .satisfies(e -> assertOneLineWithout(e, "cached-access-token"));
  }

  // ---- the sources

  private Source source(String name) throws IOException {
    AtomicInteger issued = new AtomicInteger();
    switch (name) {
      case "imds" -> {
        StandIn imds = standIn(new StandIn(r -> switch (r.method() + " " + r.path()) {
          case "PUT /latest/api/token" -> new StandIn.Answer(200, "imds-session-token");
          case "GET /latest/meta-data/iam/security-credentials/" -> new StandIn.Answer(200, "app-role\n");
          case "GET /latest/meta-data/iam/security-credentials/app-role" ->
              new StandIn.Answer(200, metadataJson(name, issued.incrementAndGet()));
          default -> new StandIn.Answer(404, "");
        }));
        env.remove("AWS_EC2_METADATA_DISABLED");
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url());
        return new Source(AwsCredentialsProviders.instanceMetadata(env), issued::get);
      }
      case "container-token", "container-no-token" -> {
        boolean withToken = name.equals("container-token");
        StandIn agent = standIn(new StandIn(r -> {
          String auth = r.headers().getFirst("Authorization");
          boolean right = withToken ? "container-auth".equals(auth) : auth == null;
          return right ? new StandIn.Answer(200, metadataJson(name, issued.incrementAndGet()))
              : new StandIn.Answer(401, "");
        }));
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", agent.url() + "/creds");
        if (withToken) {
          env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-auth");
        }
        return new Source(AwsCredentialsProviders.container(env), issued::get);
      }
      case "assume-role", "web-identity" -> {
        String action = name.equals("assume-role") ? "AssumeRole" : "AssumeRoleWithWebIdentity";
        StandIn sts = standIn(new StandIn(r -> r.body().contains("Action=" + action + "&")
            ? new StandIn.Answer(200, stsXml(action, name, issued.incrementAndGet())) : new StandIn.Answer(400, "")));
        env.put("AWS_ENDPOINT_URL_STS", sts.url());
        if (name.equals("assume-role")) {
          AwsProfileFiles f = files("[profile base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n"
              + "[profile app]\nrole_arn = arn:aws:iam::1:role/app\nsource_profile = base\n");
          return new Source(AwsCredentialsProviders.profile(env, home, f, "app", null, clock), issued::get);
        }
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", Files.writeString(home.resolve("jwt"), "eyJ.jwt").toString());
        env.put("AWS_ROLE_ARN", "arn:aws:iam::1:role/app");
        return new Source(AwsCredentialsProviders.webIdentity(env, files(""), "default", null, clock), issued::get);
      }
      case "sso" -> {
        StandIn portal = standIn(new StandIn(r -> "cached-access-token".equals(r.headers().getFirst("x-amz-sso_bearer_token"))
            ? new StandIn.Answer(200, ssoJson(name, issued.incrementAndGet())) : new StandIn.Answer(401, "")));
        return new Source(AwsCredentialsProviders.profile(env, home, ssoProfile(portal), "dev", null, clock), issued::get);
      }
      case "credential-process" -> {
        // The script counts its runs in a file: each run is one request to the source.
        Path count = home.resolve("runs");
        Path script = Files.writeString(home.resolve("creds.sh"), "#!/bin/sh\n"
            + "n=$(cat '" + count + "' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '" + count + "'\n"
            + "printf '{\"Version\": 1, \"AccessKeyId\": \"%s\", \"SecretAccessKey\": \"%s\", \"SessionToken\": \"%s\","
            + " \"Expiration\": \"2030-01-01T0%s:00:00Z\"}' \"" + key(name, "$n") + "\" \""
            + secret(name, "$n") + "\" \"" + token(name, "$n") + "\" $n\n");
        script.toFile().setExecutable(true);
        AwsProfileFiles f = files("[profile p]\ncredential_process = " + script + "\n");
        return new Source(AwsCredentialsProviders.profile(env, home, f, "p", null, clock), () -> runs(count));
      }
      default -> throw new IllegalArgumentException(name);
    }
  }

  private AwsProfileFiles ssoProfile(StandIn portal) throws IOException {
    AwsProfileFiles f = files(SsoFixture.DEV_PROFILE);
    SsoFixture.cacheToken(home, "corp", "cached-access-token", "2030-01-01T08:00:00Z");
    env.put("AWS_ENDPOINT_URL_SSO", portal.url());
    return f;
  }

  private static String key(String source, Object n) {
    return "ASIA" + source.replace("-", "").toUpperCase(java.util.Locale.ROOT) + n;
  }

  private static String secret(String source, Object n) {
    return "secret-" + source + "-" + n;
  }

  private static String token(String source, Object n) {
    return "token-" + source + "-" + n;
  }

  private static String expiry(int n) {
    return T0.plus(Duration.ofHours(n)).toString();
  }

  private static String metadataJson(String source, int n) {
    return "{\"Code\":\"Success\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"" + key(source, n) + "\",\"SecretAccessKey\":\""
        + secret(source, n) + "\",\"Token\":\"" + token(source, n) + "\",\"Expiration\":\"" + expiry(n) + "\"}";
  }

  private static String stsXml(String action, String source, int n) {
    return "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action + "Result><Credentials>"
        + "<AccessKeyId>" + key(source, n) + "</AccessKeyId><SecretAccessKey>" + secret(source, n) + "</SecretAccessKey>"
        + "<SessionToken>" + token(source, n) + "</SessionToken><Expiration>" + expiry(n) + "</Expiration>"
        + "</Credentials></" + action + "Result></" + action + "Response>";
  }

  private static String ssoJson(String source, int n) {
    return "{\"roleCredentials\":{\"accessKeyId\":\"" + key(source, n) + "\",\"secretAccessKey\":\"" + secret(source, n)
        + "\",\"sessionToken\":\"" + token(source, n) + "\",\"expiration\":" + T0.plus(Duration.ofHours(n)).toEpochMilli()
        + "}}";
  }

  // ---- helpers

  private StandIn standIn(StandIn s) {
    standIns.add(s);
    return s;
  }

  private AwsProfileFiles files(String config) throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/config"), config);
    return AwsProfileFiles.load(env, home);
  }

  private static int runs(Path count) {
    try {
      return Files.exists(count) ? Integer.parseInt(Files.readString(count).strip()) : 0;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // The signature the stand-in received, which must not be echoed either.
  private static String signature(StandIn sts) {
    String auth = sts.seen.get(0).headers().getFirst("Authorization");
    return auth.substring(auth.indexOf("Signature=") + "Signature=".length());
  }

  private static void assertOneLineWithout(Throwable e, String... secrets) {
    assertThat(e.getMessage()).doesNotContain("\n");
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    assertThat(w.toString()).doesNotContain(secrets);
  }
}
