package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.S3AsyncClient;
import io.s3wire.S3Client;
import io.s3wire.auth.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts one server for the class, injects it, and clears per-test fault rules. */
@Timeout(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3ServerExtensionTest {
  @RegisterExtension
  static final S3ServerExtension S3 = new S3ServerExtension(b -> b.credentials("AKIDTEST", "secret-test")
      .user("AKIDSECOND", "secret-second"));

  static S3Server first;

  @Test
  @Order(1)
  void injectsServerEndpointAndCredentials(S3Server server, URI endpoint, Credentials credentials) throws Exception {
    first = server;
    assertThat(endpoint).isEqualTo(server.endpoint());
    assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
    assertThat(endpoint.getPort()).isPositive();
    assertThat(credentials.accessKeyId()).isEqualTo("AKIDTEST");
    assertThat(credentials.secretAccessKey()).isEqualTo("secret-test");
    S3.faultRules(FaultRule.when().error(S3ErrorCode.SLOW_DOWN));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(503);
  }

  @Test
  @Order(2)
  void sameServerForTheClassAndRulesClearedBetweenTests(S3Server server) throws Exception {
    assertThat(server).isSameAs(first);
    assertThat(server.faultRules()).isEmpty();
    assertThat(server.requestCounts()).isEmpty();
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  @Order(3)
  void injectsAReadyClientForTheServer(S3Client client, S3Server server) throws Exception {
    assertThat(client).isSameAs(S3.client());
    client.createBucket("extension-bucket");
    client.putObject(io.s3wire.BucketKey.of("extension-bucket", "k"), "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(new String(client.getObjectBytes(io.s3wire.BucketKey.of("extension-bucket", "k")).bytes(),
        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(server.requestCounts()).isNotEmpty();
  }

  @Test
  @Order(4)
  void aSecondUsersClientIsRefusedTheFirstUsersBucket() throws Exception {
    assertThat(S3.credentials("AKIDSECOND").secretAccessKey()).isEqualTo("secret-second");
    S3Client second = S3.client("AKIDSECOND");
    assertThat(second).isSameAs(S3.client("AKIDSECOND")).isNotSameAs(S3.client());
    assertThatThrownBy(() -> second.getObjectBytes(io.s3wire.BucketKey.of("extension-bucket", "k")))
        .isInstanceOfSatisfying(io.s3wire.error.ServiceException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.errorCode()).isEqualTo("AccessDenied");
        });
    assertThatThrownBy(() -> S3.client("AKIDUNKNOWN")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AKIDUNKNOWN");
  }

  @Test
  @Order(5)
  void injectsTheAsyncSideOfTheSameClient(S3AsyncClient async, S3Client client) throws Exception {
    assertThat(async).isSameAs(client.async()).isSameAs(S3.asyncClient());
    async.createBucket("extension-async").get(10, TimeUnit.SECONDS);
    async.putObject(BucketKey.of("extension-async", "k"), "hi".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
    assertThat(client.getObjectBytes(BucketKey.of("extension-async", "k")).bytes())
        .isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @Order(6)
  void aPortInUseIsAnUncheckedIoExceptionNamingTheAddress(S3Server server) {
    assertThatThrownBy(() -> S3Server.builder().port(server.port()).start())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("could not bind 127.0.0.1:" + server.port())
        .cause().isInstanceOf(IOException.class);
  }
}
