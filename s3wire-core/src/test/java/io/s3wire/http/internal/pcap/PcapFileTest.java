package io.s3wire.http.internal.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared capture file: the global header once, and a client port per open connection. */
class PcapFileTest {
  @TempDir Path tmp;

  @Test
  void connectionsKeepTheirLocalPortUnlessAnOpenOneHasIt() throws Exception {
    Path path = tmp.resolve("ports.pcap");
    try (PcapFile file = PcapFile.open(path); PcapFile joined = PcapFile.open(path)) {
      assertThat(joined).as("a second transport joins the open file").isSameAs(file);
      assertThat(file.clientPort(50000)).isEqualTo(50000);
      // The same local port to another server: a counted port, so the streams stay apart.
      assertThat(file.clientPort(50000)).isEqualTo(49152);
      assertThat(file.clientPort(0)).as("no local port").isEqualTo(49153);
      assertThat(file.clientPort(49154)).isEqualTo(49154);
      assertThat(file.clientPort(0)).as("counted ports skip open ones").isEqualTo(49155);
      file.releaseClientPort(50000);
      assertThat(file.clientPort(50000)).as("released").isEqualTo(50000);
    }
    assertThat(Files.size(path)).as("the global header alone").isEqualTo(24);
  }
}
