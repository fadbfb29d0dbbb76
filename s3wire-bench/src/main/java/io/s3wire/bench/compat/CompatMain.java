package io.s3wire.bench.compat;

import io.s3wire.bench.Args;
import io.s3wire.bench.server.ChildJvm;
import io.s3wire.bench.server.EmbeddedServerMain;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * Generates the compatibility table: starts the embedded server, s3proxy (in-memory) and Adobe
 * S3Mock side by side, each in a child JVM with its own class path, runs every {@link Probes} row
 * against each, rewrites the table between the markers of {@code --doc} (when given) and prints a
 * summary. Options: {@code --s3proxy-classpath FILE}, {@code --s3mock-classpath FILE} (files holding
 * the class paths {@code bench/compat.sh} resolves), {@code --doc FILE}, {@code --commit SHA},
 * {@code --work DIR} (child logs). Exit status 0 when the table was produced, 1 when a server did
 * not start.
 */
public final class CompatMain {
  static final String ACCESS_KEY = "AKIDS3WIRECOMPAT";
  static final String SECRET_KEY = "s3wire-compat-secret-key";
  static final String EMBEDDED = "s3wire embedded";

  private CompatMain() {}

  public static void main(String[] argv) throws Exception {
    Args a = Args.parse(argv, "s3proxy-classpath", "s3mock-classpath", "doc", "commit", "work");
    Path work = a.getPath("work") != null ? a.getPath("work") : Files.createTempDirectory("s3wire-compat");
    Files.createDirectories(work);
    String s3proxyCp = read(a.getPath("s3proxy-classpath"), "--s3proxy-classpath");
    String s3mockCp = read(a.getPath("s3mock-classpath"), "--s3mock-classpath");
    String s3proxyName = "s3proxy " + version(s3proxyCp, "s3proxy");
    String s3mockName = "S3Mock " + version(s3mockCp, "s3mock");
    Clock clock = Clock.systemUTC();

    List<ChildJvm> children = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    ExecutorService starter = Executors.newFixedThreadPool(3);
    try {
      List<Future<ChildJvm>> starting = List.of(
          starter.submit(() -> startEmbedded(work)),
          starter.submit(() -> startS3Proxy(work, s3proxyCp)),
          starter.submit(() -> startS3Mock(work, s3mockCp)));
      for (Future<ChildJvm> f : starting) {
        children.add(f.get(5, TimeUnit.MINUTES));
      }
      List<String> names = List.of(EMBEDDED, s3proxyName, s3mockName);
      for (int i = 0; i < names.size(); i++) {
        targets.add(Target.connect(names.get(i), URI.create(children.get(i).endpoint()), ACCESS_KEY, SECRET_KEY, clock));
      }
      long start = System.nanoTime();
      CompatTable table = run(Probes.all(), targets, System.err);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      String block = table.markdown(preamble(clock, a.get("commit", "unknown"), seconds));
      if (a.getPath("doc") != null) {
        Path doc = a.getPath("doc");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Files.writeString(doc, CompatTable.replaceBlock(text, block), StandardCharsets.UTF_8);
        System.out.println("compat: table written to " + doc);
      } else {
        System.out.println(block);
      }
      printSummary(table, System.out);
    } finally {
      targets.forEach(Target::close);
      children.forEach(ChildJvm::close);
      starter.shutdownNow();
    }
  }

  /** Runs each probe on each target in turn; a probe's failure is its verdict, never the run's. */
  static CompatTable run(List<Probe> probes, List<Target> targets, PrintStream progress) {
    List<CompatTable.Row> rows = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      Probe p = probes.get(i);
      List<Verdict> verdicts = new ArrayList<>();
      for (Target t : targets) {
        ProbeContext c = new ProbeContext(t, i + 1);
        Verdict v;
        try {
          p.body().run(c);
          v = c.verdict();
        } catch (Exception | AssertionError e) {
          v = Verdict.of(e);
        }
        verdicts.add(v);
      }
      progress.printf(Locale.ROOT, "compat: %2d/%d %s: %s%n", i + 1, probes.size(), p.feature(),
          String.join(" | ", verdicts.stream().map(Verdict::cell).toList()));
      rows.add(new CompatTable.Row(p.area(), p.feature(), p.checks(), verdicts));
    }
    return new CompatTable(targets.stream().map(Target::name).toList(), rows);
  }

  static void printSummary(CompatTable table, PrintStream out) {
    out.println("compat: " + table.rows().size() + " rows; " + table.counts());
    List<CompatTable.Behind> behind = table.embeddedBehind();
    out.println("compat: rows where the embedded server is behind a peer: " + behind.size());
    for (CompatTable.Behind b : behind) {
      out.println("  - " + b.row().feature() + ": embedded " + b.row().verdicts().get(0).cell() + "; " + b.peer() + " better");
    }
  }

  private static String preamble(Clock clock, String commit, long seconds) {
    String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC)
        .format(clock.instant());
    return "Generated by `bench/compat.sh` on " + when + " from commit `" + commit + "` in one run of " + seconds
        + " s; regenerate it rather than editing it. The three servers run side by side, each in a child JVM at its "
        + "defaults (the embedded server and s3proxy in memory, S3Mock on its temporary directory). Each row is one "
        + "probe, run against each server with the AWS SDK for Java v2 " + VersionInfo.SDK_VERSION
        + " at its defaults (path-style addressing, flexible checksums on) and, where the SDK cannot express the probe "
        + "(a trailer it would not choose, a preflight, an anonymous read, a form POST, an expired URL), raw requests "
        + "signed by the SDK's own SigV4 signer. Objects a probe only needs to exist are written with one plain signed "
        + "PUT, so a server's trouble with the SDK's default aws-chunked upload shows in the upload rows, not in every "
        + "row. **yes**: the operation works and answers as S3 does; **partial**: it "
        + "works, the shortfall is named; **no**: the error or the wrong answer seen. S3Mock checks no signatures, so "
        + "rows about refusing a request can only pass there by its own rules.";
  }

  private static ChildJvm startEmbedded(Path work) throws Exception {
    int port = ChildJvm.freePort();
    return ChildJvm.start(EMBEDDED, work, List.of("-Xmx512m"), System.getProperty("java.class.path"),
        EmbeddedServerMain.class.getName(),
        List.of("--port", Integer.toString(port), "--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY), port);
  }

  private static ChildJvm startS3Proxy(Path work, String classpath) throws Exception {
    int port = ChildJvm.freePort();
    Path logback = work.resolve("s3proxy-logback.xml");
    Files.writeString(logback, "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
        + "<encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder></appender>"
        + "<root level=\"WARN\"><appender-ref ref=\"OUT\"/></root></configuration>", StandardCharsets.UTF_8);
    Path props = work.resolve("s3proxy.properties");
    Files.writeString(props, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused",
        ""), StandardCharsets.UTF_8);
    return ChildJvm.start("s3proxy", work, List.of("-Xmx512m", "-Dlogback.configurationFile=" + logback.toAbsolutePath()),
        classpath, "org.gaul.s3proxy.Main", List.of("--properties", props.toAbsolutePath().toString()), port);
  }

  private static ChildJvm startS3Mock(Path work, String classpath) throws Exception {
    int port = ChildJvm.freePort();
    int tlsPort = ChildJvm.freePort();
    Path root = work.resolve("s3mock-root");
    Files.createDirectories(root);
    return ChildJvm.start("S3Mock", work, List.of("-Xmx512m"), classpath, "com.adobe.testing.s3mock.S3MockApplication",
        List.of("--server.port=" + tlsPort, "--http.port=" + port, "--com.adobe.testing.s3mock.store.root=" + root,
            "--spring.main.banner-mode=off", "--logging.level.root=WARN"), port);
  }

  private static String read(Path file, String option) throws IOException {
    if (file == null) {
      throw new IllegalArgumentException("no " + option + " given (bench/compat.sh resolves it)");
    }
    return Files.readString(file, StandardCharsets.UTF_8).trim();
  }

  /** The version of {@code artifact} in a class path, from its jar's name. */
  static String version(String classpath, String artifact) {
    Matcher m = Pattern.compile("[/\\\\]" + Pattern.quote(artifact) + "-([0-9][^/\\\\:;]*?)\\.jar").matcher(classpath);
    return m.find() ? m.group(1) : "(version unknown)";
  }
}
