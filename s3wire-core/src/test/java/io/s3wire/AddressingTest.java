package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.config.AddressingStyle;
import io.s3wire.error.ClientException;
import io.s3wire.internal.Endpoint;
import io.s3wire.internal.S3Call.QueryParam;
import io.s3wire.internal.UriEncoding;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key encoding, path and virtual-hosted addressing, and endpoint parsing, asserted as exact strings. */
class AddressingTest {
  private static final Endpoint PATH = new Endpoint(URI.create("http://127.0.0.1:9000"), AddressingStyle.PATH);
  private static final Endpoint VIRTUAL = new Endpoint(URI.create("https://s3.eu-west-1.amazonaws.com"), AddressingStyle.VIRTUAL);

  @Test
  void encodesEveryByteButUnreservedAndSlash() {
    assertThat(UriEncoding.path("a b+c%d?e#f//g")).isEqualTo("a%20b%2Bc%25d%3Fe%23f//g");
    assertThat(UriEncoding.path("ünï/日本~-_.")).isEqualTo("%C3%BCn%C3%AF/%E6%97%A5%E6%9C%AC~-_.");
    assertThat(UriEncoding.path("./../x")).isEqualTo("./../x");
    assertThat(UriEncoding.path("😀")).isEqualTo("%F0%9F%98%80");
    assertThat(UriEncoding.query("a/b=c&d")).isEqualTo("a%2Fb%3Dc%26d");
  }

  @Test
  void pathStyleKeepsKeysExactlyWithoutNormalising() {
    URI uri = PATH.uri("bucket", "a//b/./../c d", List.of());
    assertThat(uri.toString()).isEqualTo("http://127.0.0.1:9000/bucket/a//b/./../c%20d");
    assertThat(uri.getRawPath()).isEqualTo("/bucket/a//b/./../c%20d");
    assertThat(PATH.uri("bucket", null, List.of()).toString()).isEqualTo("http://127.0.0.1:9000/bucket");
    assertThat(PATH.uri(null, null, List.of()).toString()).isEqualTo("http://127.0.0.1:9000/");
  }

  @Test
  void queryParametersAreEncodedAndBareNamesStayBare() {
    List<QueryParam> q = new ArrayList<>();
    q.add(new QueryParam("uploads", null));
    q.add(new QueryParam("prefix", "a b/c"));
    assertThat(PATH.uri("bucket", null, q).toString()).isEqualTo("http://127.0.0.1:9000/bucket?uploads&prefix=a%20b%2Fc");
  }

  @Test
  void virtualHostedWhereTheBucketCanBeAHost() {
    assertThat(VIRTUAL.uri("bucket", "k", List.of()).toString()).isEqualTo("https://bucket.s3.eu-west-1.amazonaws.com/k");
    assertThat(VIRTUAL.uri("bucket", null, List.of()).toString()).isEqualTo("https://bucket.s3.eu-west-1.amazonaws.com/");
    // Over TLS a dotted bucket would not match the wildcard certificate: path style instead.
    assertThat(VIRTUAL.uri("my.bucket", "k", List.of()).toString()).isEqualTo("https://s3.eu-west-1.amazonaws.com/my.bucket/k");
    Endpoint localIp = new Endpoint(URI.create("http://127.0.0.1:9000"), AddressingStyle.VIRTUAL);
    assertThat(localIp.uri("bucket", "k", List.of()).toString()).isEqualTo("http://127.0.0.1:9000/bucket/k");
    Endpoint withPath = new Endpoint(URI.create("http://minio.example:9000/s3/"), AddressingStyle.PATH);
    assertThat(withPath.uri("bucket", "k", List.of()).toString()).isEqualTo("http://minio.example:9000/s3/bucket/k");
  }

  @Test
  void aLongKeyRoundTripsThroughTheUri() {
    String key = "k/".repeat(200) + "€".repeat(208);
    assertThat(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(1024);
    URI uri = PATH.uri("bucket", key, List.of());
    assertThat(uri.getPath()).isEqualTo("/bucket/" + key);
  }

  @Test
  void endpointsThatAreNotUrlsAreClientErrors() {
    assertThat(Endpoint.parse("http://127.0.0.1:9000").getPort()).isEqualTo(9000);
    assertEndpointRejected("s3.amazonaws.com", "endpoint: 's3.amazonaws.com' is not an http:// or https:// URL");
    assertEndpointRejected("ftp://host", "endpoint: 'ftp://host' is not an http:// or https:// URL");
    assertEndpointRejected("http://", "endpoint: 'http://' is not a URL: Expected authority");
    assertEndpointRejected("http://host name", "endpoint: 'http://host name' is not a URL: Illegal character in authority");
    assertEndpointRejected("http://host/?x=1", "endpoint: 'http://host/?x=1' must not have a query or fragment");
    assertEndpointRejected("", "endpoint: must not be empty");
  }

  private static void assertEndpointRejected(String text, String message) {
    assertThatThrownBy(() -> Endpoint.parse(text)).isInstanceOf(ClientException.class).hasMessage(message);
  }
}
