package io.s3wire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.bench.report.Measure;
import io.s3wire.bench.report.Report;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void markdownHasFiguresRatiosAndFailures() {
    Measure m = new Measure("Rate", "How it was taken.")
        .add("s3wire", 2500, 12.5, "ops/s", "")
        .add("peer", 1000, 0, "ops/s", "3 repeats")
        .ratio("s3wire", "peer")
        .ratio("s3wire", "absent")
        .failed("absent did not run: IOException: boom")
        .finished();
    String md = Report.markdown(m);
    String afterLoad = md.substring(md.indexOf("\n\n| subject"));
    assertThat(md).startsWith("### Rate\n\nHow it was taken.\n\nLoad average (1/5/15 min): ");
    assertThat(afterLoad).isEqualTo("\n\n"
        + "| subject | figure | ± | unit | note |\n"
        + "|---|---:|---:|---|---|\n"
        + "| s3wire | 2,500 | 12.5 | ops/s |  |\n"
        + "| peer | 1,000 |  | ops/s | 3 repeats |\n"
        + "\n"
        + "| ratio | value |\n"
        + "|---|---:|\n"
        + "| s3wire ÷ peer | 2.50x |\n"
        + "| s3wire ÷ absent | n/a (missing figure) |\n"
        + "\n"
        + "- FAILED: absent did not run: IOException: boom\n"
        + "\n");
  }

  @Test
  void argsRefuseUnknownOptionsAndParseSizes() {
    Args a = Args.parse(new String[] {"--size", "256m", "--n", "16"}, "size", "n");
    assertThat(a.getSize("size", 0)).isEqualTo(256L << 20);
    assertThat(a.getInt("n", 0)).isEqualTo(16);
    assertThat(a.getSize("other", 4096)).isEqualTo(4096);
    assertThatThrownBy(() -> Args.parse(new String[] {"--sise", "1g"}, "size"))
        .hasMessageContaining("unknown option --sise");
  }
}
