package io.s3wire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.config.internal.IniParser;
import io.s3wire.config.internal.IniParser.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IniParserTest {
  static Map<String, Section> parse(String text) throws IniParser.IniException {
    return IniParser.parse(List.of(text.split("\n", -1)), "test.ini");
  }

  @Test
  void commentsWhitespaceAndCase() throws Exception {
    Map<String, Section> s = parse("\uFEFF# leading comment\n; another\n[  profile   dev  ]   # trailing\n"
        + "  \n"
        + "Region=eu-west-1 # inline after space\n"
        + "AWS_ACCESS_KEY_ID   =   AK  \t\n"
        + "url = http://x/#fragment\n"
        + "semi = a;b ; comment\n");
    assertThat(s).containsOnlyKeys("profile dev");
    assertThat(s.get("profile dev").properties()).containsExactly(
        Map.entry("region", "eu-west-1"), Map.entry("aws_access_key_id", "AK"), Map.entry("url", "http://x/#fragment"),
        Map.entry("semi", "a;b"));
  }

  @Test
  void nestedSectionsAndContinuations() throws Exception {
    Map<String, Section> s = parse("[default]\ns3 =\n  addressing_style = path\n  # comment inside\n"
        + "  max_concurrent_requests=20\nregion = us-east-1\nlong = first\n  second\n[services x]\n"
        + "s3 =\n\tendpoint_url = http://localhost:9000\n");
    Section d = s.get("default");
    assertThat(d.nested()).containsOnlyKeys("s3");
    assertThat(d.nested().get("s3")).containsExactly(Map.entry("addressing_style", "path"),
        Map.entry("max_concurrent_requests", "20"));
    assertThat(d.properties()).containsExactly(Map.entry("region", "us-east-1"), Map.entry("long", "first\nsecond"));
    assertThat(s.get("services x").nested().get("s3")).containsEntry("endpoint_url", "http://localhost:9000");
  }

  @Test
  void repeatedSectionsMergeLaterWins() throws Exception {
    Map<String, Section> s = parse("[a]\nx = 1\ny = 2\n[b]\n[a]\ny = 3\n");
    assertThat(s.get("a").properties()).containsExactly(Map.entry("x", "1"), Map.entry("y", "3"));
  }

  @Test
  void errorsNameTheLine() {
    assertThatThrownBy(() -> parse("region = x\n")).hasMessage("test.ini:1: a property before any [section]");
    assertThatThrownBy(() -> parse("[a]\njust words\n")).hasMessage("test.ini:2: expected 'key = value' or '[section]'");
    assertThatThrownBy(() -> parse("[a\n")).hasMessage("test.ini:1: a section header must be '[name]'");
    assertThatThrownBy(() -> parse("[a]\ns3 =\n  nonsense\n"))
        .hasMessage("test.ini:3: expected 'key = value' in nested section 's3'");
  }
}
