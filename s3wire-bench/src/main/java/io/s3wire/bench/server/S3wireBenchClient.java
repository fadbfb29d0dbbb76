package io.s3wire.bench.server;

import io.s3wire.BucketKey;
import io.s3wire.GetObjectRequest;
import io.s3wire.ObjectMetadata;
import io.s3wire.S3Client;
import io.s3wire.S3ClientBuilder;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.provider.ProviderProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * s3wire's {@link S3Client} with its defaults for a generic S3-compatible endpoint (path-style
 * addressing, the transport's default pool), isolated from the machine's AWS configuration.
 */
final class S3wireBenchClient implements BenchClient {
  private final S3Client client;

  S3wireBenchClient(String endpoint, String accessKey, String secretKey, Path noAwsHome) {
    this(endpoint, accessKey, secretKey, noAwsHome, null, 1);
  }

  /**
   * With the transport's defaults but for {@code policy} (null: the default policy) and {@code
   * http2Connections} per origin.
   */
  S3wireBenchClient(String endpoint, String accessKey, String secretKey, Path noAwsHome, HttpVersionPolicy policy,
      int http2Connections) {
    S3ClientBuilder b = S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), noAwsHome))
        .endpoint(endpoint)
        .region("us-east-1")
        .credentials(accessKey, secretKey)
        .provider(ProviderProfiles.generic());
    if (policy != null) {
      b.transportConfig(TransportConfig.builder().versionPolicy(policy).http2ConnectionsPerOrigin(http2Connections)
          .build());
    }
    client = b.build();
  }

  @Override
  public String name() {
    return "s3wire";
  }

  @Override
  public void createBucket(String bucket) {
    client.createBucket(bucket);
  }

  @Override
  public void putFile(String bucket, String key, Path file) {
    client.putObject(BucketKey.of(bucket, key), file, ObjectMetadata.NONE);
  }

  @Override
  public long getToFile(String bucket, String key, Path target) throws Exception {
    client.getObjectToFile(GetObjectRequest.of(BucketKey.of(bucket, key)), target);
    return Files.size(target);
  }

  @Override
  public void putBytes(String bucket, String key, byte[] bytes) {
    client.putObject(BucketKey.of(bucket, key), bytes);
  }

  @Override
  public byte[] getBytes(String bucket, String key) {
    return client.getObjectBytes(BucketKey.of(bucket, key)).bytes();
  }

  @Override
  public void close() {
    client.close();
  }
}
