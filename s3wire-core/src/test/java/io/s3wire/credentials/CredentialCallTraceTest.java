package io.s3wire.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.S3Client;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.wire.Redaction;
import io.s3wire.wire.TraceFormat;
import io.s3wire.wire.TraceRecorder;
import io.s3wire.wire.WireEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calls that fetch credentials (instance metadata, STS) reach the client's wire listener, like
 * the S3 calls, and no secret they carry or receive appears in any trace format.
 */
class CredentialCallTraceTest {
  // Far in the future, so the client's real clock never sees them expire.
  private static final String EXPIRES = "2999-01-01T00:00:00Z";
  private static final String IMDS_TOKEN = "imds-session-token-do-not-print";
  private static final String WEB_IDENTITY_TOKEN = "eyJ.web-identity-do-not-print";
  private static final String CONTAINER_TOKEN = "container-auth-do-not-print";
  private static final List<String> SECRETS = List.of("meta-secret-do-not-print", "meta-token-do-not-print",
      "sts-secret-do-not-print", "sts-token-do-not-print", IMDS_TOKEN, WEB_IDENTITY_TOKEN, CONTAINER_TOKEN);
  private static final String METADATA_JSON = "{\"Code\":\"Success\",\"AccessKeyId\":\"ASIAMETA\","
      + "\"SecretAccessKey\":\"meta-secret-do-not-print\",\"Token\":\"meta-token-do-not-print\","
      + "\"Expiration\":\"" + EXPIRES + "\"}";

  @TempDir
  Path home;

  private static String stsXml(String action) {
    return "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action + "Result>"
        + "<Credentials><AccessKeyId>ASIASTS</AccessKeyId><SecretAccessKey>sts-secret-do-not-print</SecretAccessKey>"
        + "<SessionToken>sts-token-do-not-print</SessionToken><Expiration>" + EXPIRES + "</Expiration></Credentials>"
        + "</" + action + "Result></" + action + "Response>";
  }

  private static StandIn s3() throws IOException {
    return new StandIn(r -> new StandIn.Answer(200, ""));
  }

  @Test
  void assumeRoleOverInstanceMetadataIsTracedWithoutSecrets() throws IOException {
    try (StandIn imds = new StandIn(r -> switch (r.method() + " " + r.path()) {
          case "PUT /latest/api/token" -> new StandIn.Answer(200, IMDS_TOKEN);
          case "GET /latest/meta-data/iam/security-credentials/" -> new StandIn.Answer(200, "app-role\n");
          case "GET /latest/meta-data/iam/security-credentials/app-role" -> new StandIn.Answer(200, METADATA_JSON);
          default -> new StandIn.Answer(404, "");
        });
        StandIn sts = new StandIn(r -> new StandIn.Answer(200, stsXml("AssumeRole")));
        StandIn s3 = s3()) {
      Files.createDirectories(home.resolve(".aws"));
      // The metadata endpoint comes from the profile key, not the environment.
      Files.writeString(home.resolve(".aws/config"), "[default]\nrole_arn = arn:aws:iam::123456789012:role/app\n"
          + "credential_source = Ec2InstanceMetadata\nec2_metadata_service_endpoint = " + imds.url() + "\n");
      Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL_STS", sts.url()));
      TraceRecorder recorder = TraceRecorder.create();
      try (S3Client client = S3Client.builder().awsConfig(new AwsConfigResolver(env, home))
          .endpoint(s3.url()).region("us-east-1").listener(recorder).build()) {
        client.headBucket("bucket");
      }
      assertThat(imds.seen).hasSize(3);
      assertThat(sts.seen).singleElement().satisfies(r -> assertThat(r.body()).contains("Action=AssumeRole"));
      List<String> targets = requestTargets(recorder);
      assertThat(targets).contains("PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
          "GET /latest/meta-data/iam/security-credentials/app-role", "POST /");
      assertThat(String.join("\n", recorder.render(TraceFormat.TEXT))).contains("/bucket", "/latest/api/token");
      assertThat(recorder.events()).filteredOn(WireEvent.Http1Request.class::isInstance)
          .map(e -> ((WireEvent.Http1Request) e).headers())
          .flatMap(h -> h)
          .filteredOn(h -> h.name().equalsIgnoreCase("x-aws-ec2-metadata-token"))
          .hasSize(2).allSatisfy(h -> assertThat(h.value()).isEqualTo(Redaction.MASK));
      assertNoSecret(recorder);
    }
  }

  @Test
  void webIdentityIsTracedWithoutItsToken() throws IOException {
    try (StandIn sts = new StandIn(r -> new StandIn.Answer(200, stsXml("AssumeRoleWithWebIdentity")));
        StandIn s3 = s3()) {
      Path token = Files.writeString(home.resolve("web-identity-token"), WEB_IDENTITY_TOKEN);
      Map<String, String> env = Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(),
          "AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/app", "AWS_ROLE_SESSION_NAME", "pod-1",
          "AWS_ENDPOINT_URL_STS", sts.url(), "AWS_EC2_METADATA_DISABLED", "true");
      TraceRecorder recorder = TraceRecorder.create();
      try (S3Client client = S3Client.builder().awsConfig(new AwsConfigResolver(env, home))
          .endpoint(s3.url()).region("us-east-1").listener(recorder).build()) {
        client.headBucket("bucket");
      }
      assertThat(sts.seen).singleElement().satisfies(r -> assertThat(r.body()).contains(WEB_IDENTITY_TOKEN));
      assertThat(requestTargets(recorder)).contains("POST /");
      assertNoSecret(recorder);
    }
  }

  @Test
  void containerCredentialsAreTracedWithoutTheAuthorizationToken() throws IOException {
    try (StandIn agent = new StandIn(r -> CONTAINER_TOKEN.equals(r.headers().getFirst("Authorization"))
            ? new StandIn.Answer(200, METADATA_JSON) : new StandIn.Answer(401, ""));
        StandIn s3 = s3()) {
      Path token = Files.writeString(home.resolve("container-token"), CONTAINER_TOKEN + "\n");
      Map<String, String> env = Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", agent.url() + "/creds",
          "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token.toString(), "AWS_EC2_METADATA_DISABLED", "true");
      TraceRecorder recorder = TraceRecorder.create();
      try (S3Client client = S3Client.builder().awsConfig(new AwsConfigResolver(env, home))
          .endpoint(s3.url()).region("us-east-1").listener(recorder).build()) {
        client.headBucket("bucket");
      }
      assertThat(agent.seen).hasSize(1);
      assertThat(requestTargets(recorder)).contains("GET /creds");
      assertNoSecret(recorder);
    }
  }

  private static List<String> requestTargets(TraceRecorder recorder) {
    return recorder.events().stream().filter(WireEvent.Http1Request.class::isInstance)
        .map(e -> ((WireEvent.Http1Request) e).method() + " " + ((WireEvent.Http1Request) e).target()).toList();
  }

  private static void assertNoSecret(TraceRecorder recorder) {
    String text = String.join("\n", recorder.render(TraceFormat.TEXT));
    String json = String.join("\n", recorder.render(TraceFormat.JSON));
    String raw = recorder.events().toString();
    assertThat(text).doesNotContain(SECRETS);
    assertThat(json).doesNotContain(SECRETS);
    assertThat(raw).doesNotContain(SECRETS);
  }
}
