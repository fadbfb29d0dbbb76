package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded server serves HTTP/3 at its TCP port's number in UDP. When the OS chooses the TCP
 * port and another program holds that number in UDP, the server must take another port rather than
 * fail. Which port the OS hands out cannot be steered on a shared machine, so the case is built in a
 * network namespace of its own ({@code unshare -rn}, no root needed) whose ephemeral range is two
 * ports, one of them taken in UDP (the odd one, which Linux offers first): each start must end on the
 * other one, holding it in both.
 */
@Tag("system-tools")
@Timeout(180)
class Http3PortClashTest {
  @Test
  void anOsChosenPortWhoseUdpTwinIsTakenIsPassedOver() throws Exception {
    Path unshare = SystemTool.require("unshare", SystemTool.find("unshare"), "apt-get install util-linux");
    Path ip = SystemTool.require("ip", SystemTool.find("ip"), "apt-get install iproute2");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String script = ip + " link set lo up && echo '40000 40001' > /proc/sys/net/ipv4/ip_local_port_range && exec \""
        + java + "\" -Xmx256m -cp \"" + classpath + "\" " + PortClashMain.class.getName();
    Process p = new ProcessBuilder(unshare.toString(), "-rn", "sh", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("the child ended; output:\n%s", out).isTrue();
    assertThat(p.exitValue()).as("exit status; output:\n%s", out).isZero();

    List<String> lines = out.lines().filter(l -> l.startsWith("started") || l.startsWith("refused")).toList();
    assertThat(lines).as(out).hasSize(11);
    assertThat(lines.subList(0, 10)).as(out).allMatch(l -> l.equals("started on 40000, its UDP port held: true"));
    assertThat(lines.get(10)).as(out).startsWith("refused: could not bind 127.0.0.1:")
        .contains("(UDP, for HTTP/3)");
  }
}
