package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The MinIO Java client (OkHttp, HTTP/1.1) runs the operation set, including its own multipart PUT. */
@Timeout(120)
class MinioClientTest {

  @Test
  void operationSet() throws Exception {
    try (S3Server server = Peers.onOneDigitDay().start()) {
      MinioClient minio = MinioClient.builder().endpoint(server.endpoint().toString())
          .credentials(server.accessKey(), server.secretKey()).region("us-east-1").build();
      minio.makeBucket(MakeBucketArgs.builder().bucket("minio-bucket").build());
      assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("minio-bucket").build())).isTrue();
      assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("missing-bucket").build())).isFalse();

      byte[] data = new byte[12 * 1024 * 1024 + 5];
      ThreadLocalRandom.current().nextBytes(data);
      // Unknown size with a 5 MiB part size makes the client upload in parts.
      minio.putObject(PutObjectArgs.builder().bucket("minio-bucket").object("dir/big.bin")
          .stream(new ByteArrayInputStream(data), -1, 5 * 1024 * 1024).contentType("application/x-big")
          .userMetadata(Map.of("origin", "minio")).build());
      StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket("minio-bucket").object("dir/big.bin").build());
      assertThat(stat.size()).isEqualTo(data.length);
      assertThat(stat.etag()).endsWith("-3");
      assertThat(stat.contentType()).isEqualTo("application/x-big");
      assertThat(stat.userMetadata()).containsEntry("origin", "minio");
      // The client parsed the server's Last-Modified strictly, on a one-digit day.
      assertThat(stat.lastModified().toInstant()).isBetween(Peers.ONE_DIGIT_DAY, Peers.ONE_DIGIT_DAY.plusSeconds(3600));
      try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket("minio-bucket").object("dir/big.bin").build())) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
      try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket("minio-bucket").object("dir/big.bin")
          .offset(10L).length(20L).build())) {
        assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 30));
      }
      minio.putObject(PutObjectArgs.builder().bucket("minio-bucket").object("small")
          .stream(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, -1).build());
      minio.copyObject(CopyObjectArgs.builder().bucket("minio-bucket").object("small-copy")
          .source(CopySource.builder().bucket("minio-bucket").object("small").build()).build());

      List<String> keys = new ArrayList<>();
      for (Result<Item> r : minio.listObjects(ListObjectsArgs.builder().bucket("minio-bucket").recursive(true).build())) {
        keys.add(r.get().objectName());
      }
      assertThat(keys).containsExactly("dir/big.bin", "small", "small-copy");
      List<String> top = new ArrayList<>();
      for (Result<Item> r : minio.listObjects(ListObjectsArgs.builder().bucket("minio-bucket").build())) {
        top.add(r.get().objectName());
      }
      // S3 lists Contents before CommonPrefixes; the client keeps that order.
      assertThat(top).containsExactly("small", "small-copy", "dir/");

      minio.removeObject(RemoveObjectArgs.builder().bucket("minio-bucket").object("small-copy").build());
      assertThatThrownBy(() -> minio.statObject(StatObjectArgs.builder().bucket("minio-bucket").object("small-copy").build()))
          .isInstanceOfSatisfying(ErrorResponseException.class,
              e -> assertThat(e.errorResponse().code()).isEqualTo("NoSuchKey"));
      List<String> errors = new ArrayList<>();
      for (Result<DeleteError> r : minio.removeObjects(RemoveObjectsArgs.builder().bucket("minio-bucket")
          .objects(List.of(new DeleteObject("dir/big.bin"), new DeleteObject("small"))).build())) {
        errors.add(r.get().objectName());
      }
      assertThat(errors).isEmpty();
      minio.removeBucket(RemoveBucketArgs.builder().bucket("minio-bucket").build());
      assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("minio-bucket").build())).isFalse();
    }
  }
}
