package io.s3wire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectMetadata;
import io.s3wire.PresignRequest;
import io.s3wire.PresignedRequest;
import io.s3wire.S3Presigner;
import io.s3wire.error.ClientException;
import io.s3wire.error.ServiceException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The presigner against any S3 server: URLs made by {@code client.presigner()} used by another
 * HTTP client (the JDK's), for every kind of request it makes, with signed headers held to.
 */
public abstract class PresignContract extends ClientFixture {
  private HttpClient http;

  @BeforeAll
  void openHttp() throws Exception {
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    if (target().trustedCertificate() != null) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      try (InputStream in = Files.newInputStream(target().trustedCertificate())) {
        ks.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      b.sslContext(ssl);
    }
    http = b.build();
  }

  @AfterAll
  void closeHttp() {
    http = null;
  }

  private HttpResponse<byte[]> send(PresignedRequest p, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(p.uri()).timeout(Duration.ofSeconds(30))
        .method(p.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    p.headers().fields().forEach(f -> b.header(f.name(), f.value()));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void presignedPutGetHeadAndDeleteWorkFromAnotherClient() throws Exception {
    S3Presigner presigner = client.presigner();
    BucketKey object = BucketKey.of(newBucket(), "presigned/a file+ü.txt");
    byte[] body = utf8("uploaded through a presigned URL");

    PresignedRequest put = presigner.presign(PresignRequest.put(object, Duration.ofMinutes(10))
        .withHeader("content-type", "text/plain"));
    assertThat(put.uri().getRawQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=600");
    assertThat(send(put, body).statusCode()).isEqualTo(200);
    assertThat(client.headObject(object).metadata().contentType()).isEqualTo("text/plain");

    HttpResponse<byte[]> got = send(presigner.presign(PresignRequest.get(object, Duration.ofMinutes(10))), null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(body);

    HttpResponse<byte[]> head = send(presigner.presign(PresignRequest.head(object, Duration.ofMinutes(10))), null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("content-length")).hasValue(Integer.toString(body.length));

    assertThat(send(presigner.presign(PresignRequest.delete(object, Duration.ofMinutes(10))), null).statusCode())
        .isEqualTo(204);
    assertThatThrownBy(() -> client.headObject(object)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void aSignedHeaderSentWithAnotherValueIsRefused() throws Exception {
    BucketKey object = BucketKey.of(newBucket(), "typed.txt");
    PresignedRequest put = client.presigner().presign(PresignRequest.put(object, Duration.ofMinutes(5))
        .withHeader("content-type", "text/plain"));
    HttpRequest tampered = HttpRequest.newBuilder(put.uri()).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(utf8("x"))).build();
    assertThat(http.send(tampered, HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(403);
  }

  @Test
  void presignedGetSignsResponseOverrides() throws Exception {
    BucketKey object = BucketKey.of(newBucket(), "report.csv");
    client.putObject(object, utf8("a,b\n"), ObjectMetadata.contentType("text/csv"));
    PresignedRequest get = client.presigner().presign(PresignRequest.get(object, Duration.ofMinutes(5))
        .withQueryParameter("response-content-disposition", "attachment; filename=\"r.csv\""));
    HttpResponse<byte[]> r = send(get, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"r.csv\"");
  }

  @Test
  void presignedUploadPartsCompleteAMultipartUpload() throws Exception {
    BucketKey object = BucketKey.of(newBucket(), "parts.bin");
    MultipartUpload upload = client.createMultipartUpload(object, ObjectMetadata.NONE);
    byte[] first = new byte[5 << 20];
    java.util.Arrays.fill(first, (byte) 'a');
    byte[] second = utf8("tail");
    HttpResponse<byte[]> r1 = send(client.presigner().presign(PresignRequest.uploadPart(upload, 1, Duration.ofMinutes(5))), first);
    HttpResponse<byte[]> r2 = send(client.presigner().presign(PresignRequest.uploadPart(upload, 2, Duration.ofMinutes(5))), second);
    assertThat(r1.statusCode()).isEqualTo(200);
    assertThat(r2.statusCode()).isEqualTo(200);
    client.completeMultipartUpload(upload, List.of(
        new CompletedPart(1, r1.headers().firstValue("etag").orElseThrow(), first.length),
        new CompletedPart(2, r2.headers().firstValue("etag").orElseThrow(), second.length)));
    assertThat(client.headObject(object).contentLength()).isEqualTo(first.length + second.length);
  }

  @Test
  void expiryOutsideOneSecondToSevenDaysIsAClientError() {
    BucketKey object = BucketKey.of("bucket", "k");
    for (Duration bad : List.of(Duration.ZERO, Duration.ofDays(7).plusSeconds(1))) {
      assertThatThrownBy(() -> client.presigner().presign(PresignRequest.get(object, bad)))
          .isInstanceOf(ClientException.class).hasMessageContaining("7 days");
    }
    assertThatThrownBy(() -> PresignRequest.uploadPart(new MultipartUpload(object, "u"), 0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("part number");
  }

  @Test
  void thePresignedRequestNeverPrintsItsSignature() {
    PresignedRequest p = client.presigner().presign(PresignRequest.get(BucketKey.of("bucket", "k"), Duration.ofMinutes(1)));
    assertThat(p.toString()).doesNotContain("Signature").doesNotContain(target().secretKey());
  }
}
