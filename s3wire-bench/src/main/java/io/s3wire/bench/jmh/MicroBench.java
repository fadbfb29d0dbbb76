package io.s3wire.bench.jmh;

import io.s3wire.bench.Args;
import io.s3wire.bench.report.Measure;
import io.s3wire.bench.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks (SigV4 signing, ListObjectsV2 parsing) with explicit, short
 * settings and reports each s3wire figure against the AWS SDK v2's, taken in the same run.
 *
 * <p>Options: {@code --forks} (1), {@code --warmups} (3), {@code --iterations} (5), {@code
 * --seconds} per iteration (1), {@code --out} a Markdown file to append to. Defaults keep the set
 * near a minute and a half on a quiet 2-core machine. Exit status 1 when a benchmark fails to run.
 */
public final class MicroBench {
  private MicroBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, "forks", "warmups", "iterations", "seconds", "out");
    int seconds = args.getInt("seconds", 1);
    String how = String.format(Locale.ROOT,
        "JMH 1.37, throughput mode, %d fork(s), %d warm-up + %d measured iterations of %d s, 1 thread; "
            + "± is JMH's 99.9%% confidence half-width.",
        args.getInt("forks", 1), args.getInt("warmups", 3), args.getInt("iterations", 5), seconds);
    Options opts = new OptionsBuilder()
        .include("^" + SigV4Benchmark.class.getName().replace(".", "\\.") + "\\.")
        .include("^" + ListObjectsV2ParseBenchmark.class.getName().replace(".", "\\.") + "\\.")
        .forks(args.getInt("forks", 1))
        .warmupIterations(args.getInt("warmups", 3))
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(args.getInt("iterations", 5))
        .measurementTime(TimeValue.seconds(seconds))
        .threads(1)
        .shouldFailOnError(true)
        .jvmArgsAppend("-Xmx512m")
        .build();

    Measure sign = new Measure("SigV4 header signatures per second",
        "Each library signs its own request type at a fixed instant: a ListObjectsV2 GET with four query "
            + "parameters, and a PUT with content-type, content-length, content-md5, one x-amz-meta and a "
            + "storage class; UNSIGNED-PAYLOAD. Both signers produce the same Authorization value (checked "
            + "before timing). Peer: AWS SDK v2 2.57.8 AwsV4HttpSigner (http-auth-aws), the S3 client's "
            + "current signer, with the properties S3's auth scheme sets. " + how);
    Measure parse = new Measure("ListObjectsV2 page parse rate (1,000 keys)",
        "One 1,000-key ListObjectsV2 document (" + io.s3wire.bench.fixtures.ListingDocument.bytes().length
            + " bytes, AWS's shape), read from an InputStream into the library's typed result. s3wire: "
            + "S3Xml.readListBucketResult. Peer: AWS SDK v2 2.57.8, the handler DefaultS3Client.listObjectsV2 "
            + "builds (AwsS3ProtocolFactory.createCombinedResponseHandler(ListObjectsV2Response::builder)) "
            + "applied to an SdkHttpFullResponse; no HTTP client, retries or interceptors on either side. "
            + how);
    sign.started();
    parse.started();
    Collection<RunResult> results = List.of();
    try {
      results = new Runner(opts).run();
    } catch (Exception e) {
      sign.failed("JMH", e);
      parse.failed("JMH", e);
    }
    for (RunResult r : results) {
      String bench = r.getParams().getBenchmark();
      String method = bench.substring(bench.lastIndexOf('.') + 1);
      String subject = method.equals("s3wire") ? "s3wire" : "AWS SDK v2";
      double score = r.getPrimaryResult().getScore();
      double error = r.getPrimaryResult().getScoreError();
      String unit = r.getPrimaryResult().getScoreUnit();
      if (bench.startsWith(SigV4Benchmark.class.getName())) {
        String shape = r.getParams().getParam("shape");
        sign.add(subject + " " + shape, score, Double.isNaN(error) ? 0 : error, unit, "");
      } else {
        parse.add(subject, score, Double.isNaN(error) ? 0 : error, unit, "");
      }
    }
    for (String shape : List.of("LIST_GET", "PUT_OBJECT")) {
      sign.ratio("s3wire " + shape, "AWS SDK v2 " + shape);
      expect(sign, "s3wire " + shape);
      expect(sign, "AWS SDK v2 " + shape);
    }
    parse.ratio("s3wire", "AWS SDK v2");
    expect(parse, "s3wire");
    expect(parse, "AWS SDK v2");
    sign.finished();
    parse.finished();
    List<Measure> all = new ArrayList<>(List.of(sign, parse));
    Path out = args.getPath("out");
    boolean ok = Report.publish(all, System.out, out);
    System.exit(ok ? 0 : 1);
  }

  private static void expect(Measure m, String subject) {
    if (m.figure(subject).isEmpty() && m.failures().isEmpty()) {
      m.failed("no figure for " + subject);
    }
  }
}
