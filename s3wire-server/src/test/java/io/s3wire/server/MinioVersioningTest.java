package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.GetBucketVersioningArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SetBucketVersioningArgs;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import io.minio.messages.VersioningConfiguration;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The MinIO Java client at its defaults lists a versioned bucket's versions and delete markers. */
@Timeout(120)
class MinioVersioningTest {

  @Test
  void versionsAndDeleteMarkersAreListed() throws Exception {
    try (S3Server server = Peers.onOneDigitDay().start()) {
      MinioClient minio = MinioClient.builder().endpoint(server.endpoint().toString())
          .credentials(server.accessKey(), server.secretKey()).region("us-east-1").build();
      minio.makeBucket(MakeBucketArgs.builder().bucket("minio-versions").build());
      minio.setBucketVersioning(SetBucketVersioningArgs.builder().bucket("minio-versions")
          .config(new VersioningConfiguration(VersioningConfiguration.Status.ENABLED, null)).build());
      assertThat(minio.getBucketVersioning(GetBucketVersioningArgs.builder().bucket("minio-versions").build()).status())
          .isEqualTo(VersioningConfiguration.Status.ENABLED);
      List<String> ids = new ArrayList<>();
      for (String body : List.of("one", "two")) {
        byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ids.add(minio.putObject(PutObjectArgs.builder().bucket("minio-versions").object("dir/k")
            .stream(new ByteArrayInputStream(b), b.length, -1).build()).versionId());
      }
      assertThat(minio.statObject(StatObjectArgs.builder().bucket("minio-versions").object("dir/k")
          .versionId(ids.get(0)).build()).size()).isEqualTo(3);
      minio.removeObject(RemoveObjectArgs.builder().bucket("minio-versions").object("dir/k").build());

      List<String> listed = new ArrayList<>();
      for (Result<Item> r : minio.listObjects(ListObjectsArgs.builder().bucket("minio-versions").recursive(true)
          .includeVersions(true).build())) {
        Item i = r.get();
        listed.add(i.objectName() + (i.isDeleteMarker() ? " marker" : " " + i.versionId()) + " " + i.isLatest());
      }
      // The client gathers Version and DeleteMarker elements into separate lists, so their document
      // order (one key's versions newest first) reaches it only within each kind.
      assertThat(listed).containsExactlyInAnyOrder("dir/k marker true", "dir/k " + ids.get(1) + " false",
          "dir/k " + ids.get(0) + " false");
      assertThat(listed.stream().filter(l -> !l.contains("marker")).toList())
          .containsExactly("dir/k " + ids.get(1) + " false", "dir/k " + ids.get(0) + " false");
      List<String> current = new ArrayList<>();
      for (Result<Item> r : minio.listObjects(ListObjectsArgs.builder().bucket("minio-versions").recursive(true)
          .build())) {
        current.add(r.get().objectName());
      }
      assertThat(current).isEmpty();
    }
  }
}
