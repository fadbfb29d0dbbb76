package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * UploadPartCopy's x-amz-copy-source-range as S3 checks it: only bytes=first-last, inside the
 * source; anything else is 400 InvalidArgument (a range past the end is not shortened).
 */
@Timeout(60)
class UploadPartCopyRangeTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void aRangeInsideTheSourceIsCopiedAndAnyOtherIsInvalidArgument() throws Exception {
    try (S3Server server = Peers.onOneDigitDay().start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("copy"));
      s3.putObject(r -> r.bucket("copy").key("source"), RequestBody.fromString("01234"));
      String id = s3.createMultipartUpload(r -> r.bucket("copy").key("dest")).uploadId();

      s3.uploadPartCopy(r -> r.sourceBucket("copy").sourceKey("source").destinationBucket("copy").destinationKey("dest")
          .uploadId(id).partNumber(1).copySourceRange("bytes=1-3"));
      assertThat(s3.listParts(r -> r.bucket("copy").key("dest").uploadId(id)).parts().get(0).size()).isEqualTo(3);

      for (String range : List.of("bytes=0-21", "bytes=5-5", "bytes=0-5")) {
        assertThatThrownBy(() -> s3.uploadPartCopy(r -> r.sourceBucket("copy").sourceKey("source")
            .destinationBucket("copy").destinationKey("dest").uploadId(id).partNumber(2).copySourceRange(range)))
            .as(range).isInstanceOfSatisfying(S3Exception.class, e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Range specified is not valid for source object of size: 5");
            });
      }
      for (String range : List.of("0-2", "bytes=0", "bytes=hello-world", "bytes=0-bar", "bytes=hello-", "bytes=0-2,3-5",
          "bytes=-2", "bytes=2-", "bytes=3-1")) {
        assertThatThrownBy(() -> s3.uploadPartCopy(r -> r.sourceBucket("copy").sourceKey("source")
            .destinationBucket("copy").destinationKey("dest").uploadId(id).partNumber(2).copySourceRange(range)))
            .as(range).isInstanceOfSatisfying(S3Exception.class, e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
              assertThat(e.awsErrorDetails().errorMessage()).startsWith("The x-amz-copy-source-range value must be");
            });
      }
      assertThat(s3.listParts(r -> r.bucket("copy").key("dest").uploadId(id)).parts()).hasSize(1);
    }
  }

  @Test
  void theErrorDocumentNamesTheArgument() throws Exception {
    try (S3Server server = S3Server.builder().anonymous(true).start()) {
      server.store().createBucket("copy");
      server.store().putObject("copy", "source", ObjectAttributes.empty(),
          new java.io.ByteArrayInputStream(new byte[5]));
      String id = server.store().createMultipartUpload("copy", "dest", ObjectAttributes.empty());
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(Peers.uri(server,
          "/copy/dest?partNumber=1&uploadId=" + id)).header("x-amz-copy-source", "/copy/source")
          .header("x-amz-copy-source-range", "bytes=0-21").PUT(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("<Code>InvalidArgument</Code>"
          + "<Message>Range specified is not valid for source object of size: 5</Message>"
          + "<ArgumentName>x-amz-copy-source-range</ArgumentName><ArgumentValue>bytes=0-21</ArgumentValue>");
    }
  }
}
