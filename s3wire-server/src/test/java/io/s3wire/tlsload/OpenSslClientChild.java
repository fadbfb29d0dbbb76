package io.s3wire.tlsload;

import io.s3wire.S3Client;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * A client configured for BoringSSL that lists the buckets of the endpoint it is given, run in a
 * child JVM by {@link LazyTlsProviderTest} so the classes it loads can be logged from a clean start.
 */
public final class OpenSslClientChild {
  private OpenSslClientChild() {}

  public static void main(String[] args) {
    TransportConfig transport = TransportConfig.builder().tlsProvider(TlsProvider.OPENSSL).insecure(true).build();
    try (S3Client client = S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), Path.of(args[3])))
        .endpoint(args[0])
        .region("us-east-1")
        .credentials(args[1], args[2])
        .transportConfig(transport)
        .build()) {
      System.out.println("buckets: " + client.listBuckets().size());
    }
  }
}
