package io.s3wire.transfer;

import io.s3wire.BucketKey;
import io.s3wire.S3AsyncClient;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import java.nio.file.Path;
import java.util.Map;

/**
 * A resumable upload in its own JVM, for a test to kill mid-way: prints {@code PART <n>} as each part
 * completes. Arguments: endpoint, bucket, key, file. Credentials come from the environment
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}) as for any AWS tool.
 */
public final class ResumableUploadMain {
  private ResumableUploadMain() {}

  public static void main(String[] args) {
    Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", System.getenv("AWS_ACCESS_KEY_ID"),
        "AWS_SECRET_ACCESS_KEY", System.getenv("AWS_SECRET_ACCESS_KEY"));
    try (S3AsyncClient client = S3AsyncClient.builder()
            .awsConfig(new AwsConfigResolver(env, Path.of(args[3]).resolveSibling("no-aws-home")))
            .endpoint(args[0]).region("us-east-1").provider(ProviderProfiles.generic())
            .transportConfig(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1).build())
            .buildAsync();
        TransferManager tm = TransferManager.create(client, TransferFixture.fiveMiBParts().withMaxConcurrency(1))) {
      TransferListener announce = new TransferListener() {
        @Override
        public void onPartCompleted(int partNumber, long size, TransferProgress total) {
          System.out.println("PART " + partNumber);
          System.out.flush();
        }
      };
      tm.uploadFile(BucketKey.of(args[1], args[2]), Path.of(args[3]),
          UploadOptions.DEFAULTS.withResume().withListener(announce)).join();
      System.out.println("DONE");
    }
  }
}
