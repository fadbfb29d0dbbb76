package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The tshark command printed for a capture: a shell reads the file name back as written. */
class TsharkCommandTest {
  @Test
  void plainPathsStayAsTheyAreOthersAreSingleQuoted() {
    assertThat(TsharkCommand.reading(Path.of("/tmp/ls.pcap"))).isEqualTo("tshark -r /tmp/ls.pcap -Y 'http || http2'");
    assertThat(TsharkCommand.reading(Path.of("/tmp/a b/it's.pcap")))
        .isEqualTo("tshark -r '/tmp/a b/it'\\''s.pcap' -Y 'http || http2'");
    assertThat(TsharkCommand.shellWord("$HOME;rm")).isEqualTo("'$HOME;rm'");
  }
}
