package io.s3wire.bench.jmh;

import io.s3wire.bench.fixtures.SigningFixtures;
import io.s3wire.bench.fixtures.SigningFixtures.Shape;
import io.s3wire.http.HttpRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * SigV4 header signatures per second: s3wire's S3 signer vs the AWS SDK v2's {@link
 * AwsV4HttpSigner}, on identical requests at the same instant (see {@link SigningFixtures}).
 *
 * <p>Each invocation turns an unsigned request into a signed one in the library's own request
 * type, the way each client does it once per attempt; both cache the derived signing key across
 * calls (their normal behaviour). Fork, warm-up and measurement counts are set by the runner
 * ({@link MicroBench}) so the whole set stays short.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigV4Benchmark {
  @Param({"LIST_GET", "PUT_OBJECT"})
  public Shape shape;

  private HttpRequest s3wireRequest;
  private SdkHttpRequest sdkRequest;
  private AwsV4HttpSigner sdkSigner;

  @Setup
  public void setUp() {
    s3wireRequest = SigningFixtures.s3wireRequest(shape);
    sdkRequest = SigningFixtures.sdkRequest(shape);
    sdkSigner = AwsV4HttpSigner.create();
    String ours = SigningFixtures.signS3wire(s3wireRequest).headers().first("Authorization").orElseThrow();
    String theirs = SigningFixtures.signSdk(sdkSigner, sdkRequest).request().firstMatchingHeader("Authorization")
        .orElseThrow();
    if (!ours.equals(theirs)) {
      // Not the same work: the figures would compare different requests. Print no secret: the
      // Authorization value holds only the access key id and a signature of a fixture request.
      throw new IllegalStateException("signers disagree on " + shape + ": s3wire " + ours + " vs SDK " + theirs);
    }
  }

  @Benchmark
  public HttpRequest s3wire() {
    return SigningFixtures.signS3wire(s3wireRequest);
  }

  @Benchmark
  public SignedRequest awsSdkV2() {
    return SigningFixtures.signSdk(sdkSigner, sdkRequest);
  }
}
