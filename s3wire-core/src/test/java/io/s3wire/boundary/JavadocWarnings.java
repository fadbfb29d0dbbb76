package io.s3wire.boundary;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Runs the JDK's javadoc over one module's sources, as {@code maven-javadoc-plugin} does for the
 * javadoc jar (exported packages only, doclint at its defaults), and counts the warnings per package.
 * Shared by the modules' javadoc ratchet tests through core's test jar.
 */
public final class JavadocWarnings {
  private JavadocWarnings() {}

  /**
   * The warnings (and errors) javadoc reports for {@code module}, by package, with the first few
   * messages of each package kept for the failure message.
   *
   * @param module the module's name, e.g. {@code io.s3wire}
   * @param sources the module's source root ({@code src/main/java}, holding {@code module-info.java})
   * @param modulePath where its dependencies are found: Netty's jars and the like, taken from the test
   *     class path by {@code onModulePath}, plus any {@code extra} entries (a sibling module's classes)
   */
  public static Report run(String module, Path sources, Predicate<String> onModulePath, List<Path> extra)
      throws IOException {
    List<String> path = new ArrayList<>();
    extra.forEach(p -> path.add(p.toString()));
    Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> onModulePath.test(Path.of(p).getFileName().toString()))
        .forEach(path::add);
    Path out = Files.createTempDirectory("s3wire-javadoc");
    try {
      DocumentationTool tool = ToolProvider.getSystemDocumentationTool();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      List<String> options = List.of("-quiet", "-Xmaxwarns", "100000", "-Xmaxerrs", "100000",
          "-locale", "en", "-encoding", "UTF-8", "-d", out.toString(),
          "--show-packages=exported",
          "--module-path", String.join(File.pathSeparator, path),
          "--module-source-path", module + "=" + sources.toAbsolutePath(),
          "--module", module);
      StringWriter log = new StringWriter();
      Boolean ok = tool.getTask(log, null, diagnostics, null, options, null).call();
      Report report = new Report(Boolean.TRUE.equals(ok), log.toString());
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING
            || d.getKind() == Diagnostic.Kind.ERROR) {
          report.add(d);
        }
      }
      return report;
    } finally {
      try (Stream<Path> files = Files.walk(out)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (UncheckedIOException ignored) {
        // A temporary directory left behind is not worth failing the count for.
      }
    }
  }

  /** What one javadoc run reported. */
  public static final class Report {
    private final boolean succeeded;
    private final String log;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, List<String>> samples = new TreeMap<>();

    Report(boolean succeeded, String log) {
      this.succeeded = succeeded;
      this.log = log;
    }

    void add(Diagnostic<? extends JavaFileObject> d) {
      String pkg = packageOf(d);
      counts.merge(pkg, 1, Integer::sum);
      List<String> s = samples.computeIfAbsent(pkg, k -> new ArrayList<>());
      if (s.size() < 5) {
        String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
        s.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }

    private static String packageOf(Diagnostic<? extends JavaFileObject> d) {
      if (d.getSource() == null) {
        return "(no file)";
      }
      String uri = d.getSource().toUri().getPath();
      int root = uri.indexOf("/src/main/java/");
      if (root < 0) {
        return "(outside sources)";
      }
      String relative = uri.substring(root + "/src/main/java/".length());
      int slash = relative.lastIndexOf('/');
      return slash < 0 ? "(module-info)" : relative.substring(0, slash).replace('/', '.');
    }

    /** Whether javadoc ran to the end (no errors). */
    public boolean succeeded() {
      return succeeded;
    }

    /** javadoc's own output, for a failure message. */
    public String log() {
      return log;
    }

    /** Warnings and errors per package; packages without any are absent. */
    public Map<String, Integer> counts() {
      return counts;
    }

    /** Up to five messages of {@code pkg}, as {@code File.java:line: message}. */
    public List<String> samples(String pkg) {
      return samples.getOrDefault(pkg, List.of());
    }
  }
}
