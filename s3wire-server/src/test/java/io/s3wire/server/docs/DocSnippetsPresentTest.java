package io.s3wire.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents show only code that compiles and runs: every {@code java} block of docs/library.md,
 * and of README.md's "Use it as a library" section, is the text of one snippet region ({@code //
 * snippet:NAME} to {@code // end:NAME}) of a test in this package, indentation aside.
 */
class DocSnippetsPresentTest {
  private static final Path DOCS = Path.of("..", "docs", "library.md");
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCES = Path.of("src", "test", "java", "io", "s3wire", "server", "docs");
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION = Pattern.compile("// snippet:(\\S+)\\n(.*?)\\n\\s*// end:\\1", Pattern.DOTALL);

  @Test
  void everyJavaBlockOfLibraryMdIsASnippetThatRuns() throws IOException {
    List<String> blocks = blocks(Files.readString(DOCS, StandardCharsets.UTF_8));
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
    Map<String, String> snippets = snippets();
    for (String block : blocks) {
      assertThat(snippets.values()).as("a snippet of %s in %s", DOCS, SOURCES).contains(block);
    }
  }

  @Test
  void readmesLibraryExampleIsTheReadmeSnippet() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int section = readme.indexOf("## Use it as a library");
    assertThat(section).as("README has a \"Use it as a library\" section").isNotNegative();
    int next = readme.indexOf("\n## ", section + 1);
    List<String> blocks = blocks(readme.substring(section, next < 0 ? readme.length() : next));
    assertThat(blocks).containsExactly(snippets().get("readme"));
    assertThat(blocks.get(0).lines().count()).as("a short example").isLessThanOrEqualTo(12);
  }

  @Test
  void regionsAreFoundAndDedented() {
    Map<String, String> found = regions("  // snippet:a\n    x();\n      y();\n  // end:a\n");
    assertThat(found).containsEntry("a", "x();\n  y();");
  }

  private static List<String> blocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      out.add(dedent(m.group(1)));
    }
    return out;
  }

  private static Map<String, String> snippets() throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        all.putAll(regions(Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    return all;
  }

  private static Map<String, String> regions(String source) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = REGION.matcher(source);
    while (m.find()) {
      out.put(m.group(1), dedent(m.group(2)));
    }
    return out;
  }

  /** Lines without their common leading spaces, trailing blank lines dropped. */
  private static String dedent(String text) {
    List<String> lines = text.stripTrailing().lines().toList();
    int common = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(common)).toList());
  }
}
