package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A PUT of object data must state its length: on HTTP/1.1 without Content-Length and without
 * chunked coding S3 answers 411 MissingContentLength. Chunked, aws-chunked and HTTP/2 bodies (framed
 * by END_STREAM) still store.
 */
@Timeout(60)
class ContentLengthTest {
  S3Server server;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true).start();
    server.store().createBucket("bucket");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Sends {@code request} on a fresh connection and returns the first response, head and body. */
  private String exchange(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream o = s.getOutputStream();
      o.write(request.getBytes(StandardCharsets.ISO_8859_1));
      o.flush();
      return readResponse(s.getInputStream());
    }
  }

  /** One response whose body has a content-length. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String h = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : h.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return h + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private String stored(String key) throws IOException {
    try (ObjectContent c = server.store().getObject("bucket", key, 0, server.store().headObject("bucket", key).size());
        InputStream in = c.newInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aPutWithoutLengthOrChunkingIsMissingContentLength() throws Exception {
    String r = exchange("PUT /bucket/k HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(r).startsWith("HTTP/1.1 411 Length Required\r\n")
        .contains("<Code>MissingContentLength</Code><Message>You must provide the Content-Length HTTP header.</Message>"
            + "<Resource>/bucket/k</Resource>");
    assertThat(server.store().listObjects("bucket", "", "").hasNext()).isFalse();
    String id = server.store().createMultipartUpload("bucket", "mp", ObjectAttributes.empty());
    assertThat(exchange("PUT /bucket/mp?partNumber=1&uploadId=" + id + " HTTP/1.1\r\nHost: x\r\n\r\n"))
        .startsWith("HTTP/1.1 411 ").contains("<Code>MissingContentLength</Code>");
    assertThat(server.store().listParts("bucket", "mp", id)).isEmpty();
  }

  @Test
  void statedZeroLengthAndChunkedBodiesStore() throws Exception {
    assertThat(exchange("PUT /bucket/empty HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    assertThat(stored("empty")).isEmpty();
    assertThat(exchange("PUT /bucket/chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n0\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    assertThat(stored("chunked")).isEqualTo("hello");
    String awsChunked = "5\r\nhello\r\n0\r\n\r\n";
    assertThat(exchange("PUT /bucket/aws-chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Encoding: aws-chunked\r\nx-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER\r\n"
        + "x-amz-decoded-content-length: 5\r\n\r\n" + Integer.toHexString(awsChunked.length()) + "\r\n" + awsChunked
        + "\r\n0\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    assertThat(stored("aws-chunked")).isEqualTo("hello");
  }

  /** At its defaults over plain HTTP the SDK signs each aws-chunked chunk and sends a checksum trailer. */
  @Test
  void theSdkAtItsDefaultsStillUploads() throws Exception {
    java.util.List<String> payloads = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutionInterceptor record = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        payloads.add(context.httpRequest().firstMatchingHeader("x-amz-content-sha256").orElse("none"));
      }
    };
    try (S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID",
            "anonymous mode ignores signatures"))).overrideConfiguration(o -> o.addExecutionInterceptor(record))
        .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder()).build()) {
      s3.putObject(r -> r.bucket("bucket").key("sdk"), RequestBody.fromString("from the sdk"));
      String id = s3.createMultipartUpload(r -> r.bucket("bucket").key("sdk-mp")).uploadId();
      s3.uploadPart(r -> r.bucket("bucket").key("sdk-mp").uploadId(id).partNumber(1), RequestBody.fromString("part"));
    }
    assertThat(stored("sdk")).isEqualTo("from the sdk");
    assertThat(payloads).contains("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
  }

  @Test
  void anHttp2BodyWithoutContentLengthEndsWithItsStream() throws Exception {
    try (RawH2Client c = new RawH2Client(server.port())) {
      Http2Headers put = RawH2Client.request("PUT", "/bucket/h2");
      c.headers(1, put, false);
      c.frame(RawH2Client.DATA, 1, 1, "over h2".getBytes(StandardCharsets.UTF_8));
      assertThat(c.decode(c.await(RawH2Client.HEADERS, 1)).status().toString()).isEqualTo("200");
    }
    assertThat(stored("h2")).isEqualTo("over h2");
  }
}
