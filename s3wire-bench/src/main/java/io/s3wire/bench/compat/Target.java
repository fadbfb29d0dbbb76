package io.s3wire.bench.compat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One server under test and the clients that probe it: the AWS SDK for Java v2's S3 client at its
 * defaults (path-style addressing, as every local server needs, and timeouts so a hung probe ends),
 * its presigner, and {@link RawHttp}. Closing it closes the clients, not the server.
 *
 * @param name the table's column heading, e.g. {@code s3proxy 2.6.0}
 */
record Target(String name, URI endpoint, String accessKey, String secretKey, S3Client s3, S3Presigner presigner,
    RawHttp raw, Clock clock) implements AutoCloseable {

  static Target connect(String name, URI endpoint, String accessKey, String secretKey, Clock clock) {
    StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    S3Client s3 = S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(RawHttp.REGION))
        .credentialsProvider(creds)
        .forcePathStyle(true)
        .httpClientBuilder(ApacheHttpClient.builder()
            .socketTimeout(Duration.ofSeconds(30))
            .connectionTimeout(Duration.ofSeconds(10)))
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(60)))
        .build();
    S3Presigner presigner = S3Presigner.builder()
        .endpointOverride(endpoint)
        .region(Region.of(RawHttp.REGION))
        .credentialsProvider(creds)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
    return new Target(name, endpoint, accessKey, secretKey, s3, presigner,
        new RawHttp(endpoint, accessKey, secretKey, clock), clock);
  }

  @Override
  public void close() {
    s3.close();
    presigner.close();
    raw.close();
  }
}
