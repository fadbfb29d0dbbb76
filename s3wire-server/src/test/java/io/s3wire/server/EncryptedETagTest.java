package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.config.AddressingStyle;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferListener;
import io.s3wire.transfer.TransferManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * ETags of encrypted objects as S3 gives them: SSE-KMS objects get a stable 32-hex ETag that is not
 * the MD5 of their bytes, SSE-S3 objects keep the MD5; the AWS SDK at its defaults and s3wire's own
 * client (upload, verified download) take both without reporting corruption. (SSE-C: CustomerKeyTest.)
 */
@Timeout(120)
class EncryptedETagTest {
  @TempDir
  Path dir;

  static String md5(byte[] data) throws Exception {
    return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)) + "\"";
  }

  @Test
  void kmsObjectsGetAStableETagThatIsNotTheMd5AndSseS3KeepsTheMd5() throws Exception {
    byte[] data = "encrypted bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (S3Server server = Peers.onOneDigitDay().start(); S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("enc"));
      PutObjectResponse kms = s3.putObject(r -> r.bucket("enc").key("kms")
          .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("key-1"), RequestBody.fromBytes(data));
      assertThat(kms.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(kms.eTag()).matches("\"[0-9a-f]{32}\"").isNotEqualTo(md5(data));
      assertThat(s3.headObject(r -> r.bucket("enc").key("kms")).eTag()).isEqualTo(kms.eTag());
      assertThat(s3.getObjectAsBytes(r -> r.bucket("enc").key("kms")).asByteArray()).isEqualTo(data);
      assertThat(s3.listObjectsV2(r -> r.bucket("enc")).contents().get(0).eTag()).isEqualTo(kms.eTag());
      String again = s3.putObject(r -> r.bucket("enc").key("kms2").serverSideEncryption(ServerSideEncryption.AWS_KMS)
          .ssekmsKeyId("key-1"), RequestBody.fromBytes(data)).eTag();
      assertThat(again).isEqualTo(kms.eTag());
      String otherKey = s3.putObject(r -> r.bucket("enc").key("kms3")
          .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("key-2"), RequestBody.fromBytes(data)).eTag();
      assertThat(otherKey).isNotEqualTo(kms.eTag()).isNotEqualTo(md5(data));
      String sseS3 = s3.putObject(r -> r.bucket("enc").key("s3").serverSideEncryption(ServerSideEncryption.AES256),
          RequestBody.fromBytes(data)).eTag();
      assertThat(sseS3).isEqualTo(md5(data));
    }
  }

  @Test
  void s3wiresClientUploadsAndVerifiesDownloadsOfKmsObjectsWithoutCallingThemCorrupt() throws Exception {
    byte[] data = new byte[300_000];
    new java.util.Random(7).nextBytes(data);
    try (S3Server server = S3Server.builder().start(); S3Client sdk = Peers.apache(server);
        io.s3wire.S3AsyncClient client = io.s3wire.S3Client.builder()
            .awsConfig(new AwsConfigResolver(Map.of(), dir.resolve("no-aws-home")))
            .endpoint(server.endpoint()).region("us-east-1").addressing(AddressingStyle.PATH)
            .provider(ProviderProfiles.generic()).credentials(server.accessKey(), server.secretKey()).buildAsync();
        TransferManager transfers = TransferManager.create(client, TransferConfig.defaults())) {
      sdk.createBucket(r -> r.bucket("enc"));
      // The bucket's default encryption makes every plain PUT SSE-KMS.
      sdk.putBucketEncryption(r -> r.bucket("enc").serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
          .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)))));
      BucketKey key = BucketKey.of("enc", "k");
      String etag = client.putObject(key, data).join().eTag();
      assertThat(etag).isNotNull();
      assertThat("\"" + etag.replace("\"", "") + "\"").isNotEqualTo(md5(data));
      transfers.uploadBytes(BucketKey.of("enc", "t"), data, null).join();
      Path target = dir.resolve("out.bin");
      transfers.downloadFile(key, target, TransferListener.NONE).join();
      assertThat(Files.readAllBytes(target)).isEqualTo(data);
      transfers.downloadFile(BucketKey.of("enc", "t"), target, TransferListener.NONE).join();
      assertThat(Files.readAllBytes(target)).isEqualTo(data);
    }
  }
}
