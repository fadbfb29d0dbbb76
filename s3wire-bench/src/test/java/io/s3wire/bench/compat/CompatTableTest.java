package io.s3wire.bench.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The generator's rendering, document rewriting, verdicts and summary, without any server. */
class CompatTableTest {
  private static final List<String> SERVERS = List.of("s3wire embedded", "s3proxy 2.6.0", "S3Mock 5.2.0");

  private static CompatTable table() {
    return new CompatTable(SERVERS, List.of(
        new CompatTable.Row("Objects", "PutObject", "bytes round trip",
            List.of(Verdict.yes(), Verdict.no("400 XAmzContentSHA256Mismatch"), Verdict.yes())),
        new CompatTable.Row("Tagging", "Object tagging", "tag set read back",
            List.of(Verdict.no("501 NotImplemented"), Verdict.no("501 NotImplemented"), Verdict.partial("11 tags accepted"))),
        new CompatTable.Row("Listing", "a|b <Key>", "pipes | and\nnewlines",
            List.of(Verdict.partial("x"), Verdict.yes(), Verdict.no("y")))));
  }

  @Test
  void rendersTheWholeBlockBetweenItsMarkers() {
    assertThat(table().markdown("Generated for a test.")).isEqualTo(String.join("\n",
        CompatTable.BEGIN,
        "",
        "Generated for a test.",
        "",
        "Rows supported (of 3): s3wire embedded 1 yes, 1 partial, 1 no; s3proxy 2.6.0 1 yes, 0 partial, 2 no; "
            + "S3Mock 5.2.0 1 yes, 1 partial, 1 no.",
        "",
        "| Area | Feature | The probe checks | s3wire embedded | s3proxy 2.6.0 | S3Mock 5.2.0 |",
        "|---|---|---|---|---|---|",
        "| Objects | PutObject | bytes round trip | yes | no: 400 XAmzContentSHA256Mismatch | yes |",
        "| Tagging | Object tagging | tag set read back | no: 501 NotImplemented | no: 501 NotImplemented | partial: 11 tags accepted |",
        "| Listing | a\\|b &lt;Key&gt; | pipes \\| and newlines | partial: x | yes | no: y |",
        "",
        CompatTable.END));
  }

  @Test
  void replacesOnlyTheBlockAndKeepsTheRestOfTheDocument() {
    String doc = "# Title\n\n## Compatibility table\n\nIntro.\n\n" + CompatTable.BEGIN + "\nold | table\n"
        + CompatTable.END + "\n\n## After\ntext\n";
    String out = CompatTable.replaceBlock(doc, CompatTable.BEGIN + "\nnew\n" + CompatTable.END);
    assertThat(out).isEqualTo("# Title\n\n## Compatibility table\n\nIntro.\n\n" + CompatTable.BEGIN + "\nnew\n"
        + CompatTable.END + "\n\n## After\ntext\n");
    assertThat(CompatTable.replaceBlock(out, CompatTable.BEGIN + "\nnew\n" + CompatTable.END)).isEqualTo(out);
  }

  @Test
  void refusesADocumentWithoutUsableMarkers() {
    String block = CompatTable.BEGIN + CompatTable.END;
    assertThatThrownBy(() -> CompatTable.replaceBlock("# no markers\n", block))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks the markers");
    assertThatThrownBy(() -> CompatTable.replaceBlock(CompatTable.END + "\n" + CompatTable.BEGIN, block))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the begin marker");
    assertThatThrownBy(() -> CompatTable.replaceBlock(block + block, block))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than once");
  }

  @Test
  void findsTheRowsWhereTheEmbeddedServerIsBehind() {
    List<CompatTable.Behind> behind = table().embeddedBehind();
    assertThat(behind.stream().map(b -> b.row().feature() + " < " + b.peer()).collect(Collectors.toList()))
        .containsExactly("Object tagging < S3Mock 5.2.0", "a|b <Key> < s3proxy 2.6.0");
  }

  @Test
  void printsTheSummary() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    CompatMain.printSummary(table(), new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
        "compat: 3 rows; s3wire embedded 1 yes, 1 partial, 1 no; s3proxy 2.6.0 1 yes, 0 partial, 2 no; "
            + "S3Mock 5.2.0 1 yes, 1 partial, 1 no",
        "compat: rows where the embedded server is behind a peer: 2",
        "  - Object tagging: embedded no: 501 NotImplemented; S3Mock 5.2.0 better",
        "  - a|b <Key>: embedded partial: x; s3proxy 2.6.0 better",
        ""));
  }

  @Test
  void rejectsARowWithTheWrongNumberOfVerdicts() {
    assertThatThrownBy(() -> new CompatTable(SERVERS, List.of(new CompatTable.Row("A", "F", "c", List.of(Verdict.yes())))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 verdicts for 3 servers");
  }

  @Test
  void verdictsStateTheS3ErrorOrTheFinding() {
    S3Exception notImplemented = (S3Exception) S3Exception.builder().statusCode(501)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotImplemented").build()).build();
    assertThat(Verdict.of(notImplemented).cell()).isEqualTo("no: 501 NotImplemented");
    S3Exception bare = (S3Exception) S3Exception.builder().statusCode(404).build();
    assertThat(Verdict.of(bare).cell()).isEqualTo("no: 404");
    assertThat(Verdict.of(new ProbeFailure("ListBuckets misses the bucket")).cell())
        .isEqualTo("no: ListBuckets misses the bucket");
    assertThat(Verdict.of(new IllegalStateException("boom")).cell()).isEqualTo("no: IllegalStateException: boom");
    assertThat(Verdict.partial("a\n  b").cell()).isEqualTo("partial: a b");
    assertThat(Verdict.yes().cell()).isEqualTo("yes");
    assertThat(Verdict.no("x".repeat(200)).detail()).hasSize(160).endsWith("...");
  }

  @Test
  void aProbeContextTurnsShortfallsIntoPartialAndFindingsIntoNo() throws Exception {
    ProbeContext c = new ProbeContext(new Target("t", null, "ak", "sk", null, null, null, null), 1);
    assertThat(c.verdict()).isEqualTo(Verdict.yes());
    c.also(true, "never noted");
    c.also(false, "tags left after delete");
    c.alsoCheck("GET lacks x-amz-tagging-count 2", () -> {
      throw S3Exception.builder().statusCode(501)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotImplemented").build()).build();
    });
    c.alsoRefused("11 tags", 400, "BadRequest", () -> {});
    assertThat(c.verdict().cell()).isEqualTo("partial: tags left after delete; GET lacks x-amz-tagging-count 2 "
        + "(501 NotImplemented); 11 tags accepted (S3: 400 BadRequest)");
    assertThatThrownBy(() -> c.expect(false, "ListBuckets misses the bucket"))
        .isInstanceOf(ProbeFailure.class).hasMessage("ListBuckets misses the bucket");
    assertThatThrownBy(() -> c.expectRefused("If-Match", 412, "PreconditionFailed", () -> {}))
        .isInstanceOf(ProbeFailure.class).hasMessage("If-Match accepted (S3: 412 PreconditionFailed)");
  }

  @Test
  void ranksYesAbovePartialAboveNo() {
    assertThat(Verdict.Support.YES.rank()).isGreaterThan(Verdict.Support.PARTIAL.rank());
    assertThat(Verdict.Support.PARTIAL.rank()).isGreaterThan(Verdict.Support.NO.rank());
  }

  @Test
  void mismatchSaysWhatCameInsteadOfS3sAnswer() {
    assertThat(ProbeContext.mismatch("GET", 412, "PreconditionFailed", 412, "PreconditionFailed")).isNull();
    assertThat(ProbeContext.mismatch("GET", 304, "", 304, "")).isNull();
    assertThat(ProbeContext.mismatch("If-Match", 200, "", 412, "PreconditionFailed"))
        .isEqualTo("If-Match accepted (200; S3: 412 PreconditionFailed)");
    assertThat(ProbeContext.mismatch("range", 400, "InvalidPart", 416, "InvalidPartNumber"))
        .isEqualTo("range: 400 InvalidPart (S3: 416 InvalidPartNumber)");
  }

  @Test
  void readsPeerVersionsFromTheirClassPath() {
    String cp = "/m2/org/gaul/s3proxy/2.6.0/s3proxy-2.6.0.jar:/m2/x/s3mock-testcontainers-1.jar:"
        + "/m2/com/adobe/testing/s3mock/5.2.0/s3mock-5.2.0.jar";
    assertThat(CompatMain.version(cp, "s3proxy")).isEqualTo("2.6.0");
    assertThat(CompatMain.version(cp, "s3mock")).isEqualTo("5.2.0");
    assertThat(CompatMain.version("/a/b.jar", "s3mock")).isEqualTo("(version unknown)");
  }

  @Test
  void everyProbeHasAnAreaAFeatureAndAUniqueName() {
    List<Probe> all = Probes.all();
    assertThat(all).hasSizeGreaterThan(50);
    assertThat(all).allSatisfy(p -> {
      assertThat(p.area()).isNotBlank();
      assertThat(p.feature()).isNotBlank();
      assertThat(p.checks()).isNotBlank();
    });
    assertThat(all.stream().map(Probe::feature).distinct().count()).isEqualTo(all.size());
  }
}
