package io.s3wire.bench.jmh;

import io.s3wire.bench.fixtures.ListingDocument;
import io.s3wire.bench.fixtures.SdkListingParser;
import io.s3wire.xml.ListBucketResult;
import io.s3wire.xml.S3Xml;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * ListObjectsV2 pages parsed per second, one 1,000-key document ({@link ListingDocument}): s3wire's
 * {@link S3Xml#readListBucketResult(java.io.InputStream)} vs the AWS SDK v2's S3 response handler
 * ({@link SdkListingParser}). Both read from an input stream over the same bytes, as a response
 * body arrives, and produce their library's typed result with 1,000 entries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ListObjectsV2ParseBenchmark {
  private byte[] document;
  private SdkListingParser sdk;

  @Setup
  public void setUp() throws Exception {
    document = ListingDocument.bytes();
    sdk = new SdkListingParser();
    int ours = s3wire().contents().size();
    int theirs = awsSdkV2().contents().size();
    if (ours != ListingDocument.KEYS || theirs != ListingDocument.KEYS) {
      throw new IllegalStateException("parsers read " + ours + " (s3wire) and " + theirs + " (SDK) keys, not "
          + ListingDocument.KEYS);
    }
  }

  @Benchmark
  public ListBucketResult s3wire() {
    return S3Xml.readListBucketResult(new ByteArrayInputStream(document));
  }

  @Benchmark
  public ListObjectsV2Response awsSdkV2() throws Exception {
    return sdk.parse(document);
  }
}
