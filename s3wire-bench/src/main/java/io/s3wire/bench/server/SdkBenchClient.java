package io.s3wire.bench.server;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS SDK for Java v2 (2.57.8) S3 client with its Apache HTTP client: path-style addressing,
 * checksums only WHEN_REQUIRED (servers without flexible checksums reject the SDK's default CRC
 * trailers), static credentials, 64 pooled connections.
 */
final class SdkBenchClient implements BenchClient {
  private final S3Client client;

  SdkBenchClient(String endpoint, String accessKey, String secretKey) {
    client = S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
        .build();
  }

  @Override
  public String name() {
    return "AWS SDK v2 (Apache)";
  }

  @Override
  public void createBucket(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
  }

  @Override
  public void putFile(String bucket, String key, Path file) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
  }

  @Override
  public long getToFile(String bucket, String key, Path target) throws Exception {
    Files.deleteIfExists(target);
    client.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(target));
    return Files.size(target);
  }

  @Override
  public void putBytes(String bucket, String key, byte[] bytes) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
  }

  @Override
  public byte[] getBytes(String bucket, String key) {
    return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  @Override
  public void close() {
    client.close();
  }
}
