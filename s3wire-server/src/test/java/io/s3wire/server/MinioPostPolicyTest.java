package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PostPolicy;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The MinIO Java client's presigned POST policy ({@code PostPolicy}, {@code getPresignedPostFormData})
 * at its defaults, the form posted by the JDK's HttpClient over HTTP/1.1 and h2 as a browser would,
 * and the object read back through the MinIO client.
 */
@Timeout(60)
class MinioPostPolicyTest {

  @ParameterizedTest
  @EnumSource(value = HttpClient.Version.class)
  void presignedPostFormUploadsAndItsPolicyHolds(HttpClient.Version version) throws Exception {
    try (S3Server server = Peers.onOneDigitDay().tls(version == HttpClient.Version.HTTP_2).start()) {
      server.store().createBucket("minio-forms");
      MinioClient minio = MinioClient.builder().endpoint(server.endpoint().toString())
          .credentials(server.accessKey(), server.secretKey()).region("us-east-1")
          .httpClient(okHttp(server)).build();
      PostPolicy policy = new PostPolicy("minio-forms", ZonedDateTime.now(ZoneOffset.UTC).plusDays(7));
      policy.addStartsWithCondition("key", "reports/");
      policy.addStartsWithCondition("Content-Type", "text/");
      policy.addEqualsCondition("x-amz-meta-origin", "minio");
      policy.addContentLengthRangeCondition(1, 1024 * 1024);
      Map<String, String> fields = minio.getPresignedPostFormData(policy);
      assertThat(fields).containsKeys("policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature");

      HttpClient http = PostForms.client(server, version);
      byte[] csv = "day,count\n5,42\n".getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> r = PostForms.post(http, server, "/minio-forms", PostForms.form().fields(fields)
          .field("key", "reports/${filename}").field("Content-Type", "text/csv").field("x-amz-meta-origin", "minio")
          .file("nov.csv", "text/csv", csv).body());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
      assertThat(r.version()).isEqualTo(version);

      StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket("minio-forms").object("reports/nov.csv")
          .build());
      assertThat(stat.size()).isEqualTo(csv.length);
      assertThat(stat.contentType()).isEqualTo("text/csv");
      assertThat(stat.userMetadata()).containsEntry("origin", "minio");
      try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket("minio-forms").object("reports/nov.csv")
          .build())) {
        assertThat(in.readAllBytes()).isEqualTo(csv);
      }

      // The same signed fields cannot place a file outside the policy's prefix, type or size.
      HttpResponse<String> outside = PostForms.post(http, server, "/minio-forms", PostForms.form().fields(fields)
          .field("key", "secrets/x").field("Content-Type", "text/csv").field("x-amz-meta-origin", "minio")
          .file("x", null, csv).body());
      assertThat(outside.statusCode()).isEqualTo(403);
      assertThat(outside.body()).contains("<Code>AccessDenied</Code>")
          .contains("Policy Condition failed: [&quot;starts-with&quot;, &quot;$key&quot;, &quot;reports/&quot;]");
      HttpResponse<String> html = PostForms.post(http, server, "/minio-forms", PostForms.form().fields(fields)
          .field("key", "reports/x").field("Content-Type", "application/html").field("x-amz-meta-origin", "minio")
          .file("x", null, csv).body());
      assertThat(html.statusCode()).isEqualTo(403);
      HttpResponse<String> empty = PostForms.post(http, server, "/minio-forms", PostForms.form().fields(fields)
          .field("key", "reports/empty").field("Content-Type", "text/csv").field("x-amz-meta-origin", "minio")
          .file("x", null, new byte[0]).body());
      assertThat(empty.statusCode()).isEqualTo(400);
      assertThat(empty.body()).contains("<Code>EntityTooSmall</Code>");
    }
  }

  private static okhttp3.OkHttpClient okHttp(S3Server server) throws Exception {
    okhttp3.OkHttpClient.Builder b = new okhttp3.OkHttpClient.Builder()
        .readTimeout(java.time.Duration.ofSeconds(30));
    if (server.isTls()) {
      javax.net.ssl.TrustManager[] tm = Peers.trusting(server.certificate());
      javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
      ssl.init(null, tm, null);
      b.sslSocketFactory(ssl.getSocketFactory(), (javax.net.ssl.X509TrustManager) tm[0]);
    }
    return b.build();
  }
}
