package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP/3 where a firewall blocks UDP, built for real: a network namespace of its own ({@code unshare
 * -rn}, no root needed) whose nftables output chain drops every UDP datagram, or rejects it with an
 * ICMP administratively-prohibited answer. The server still advertises h3 in Alt-Svc (it cannot know),
 * so a client that follows Alt-Svc tries QUIC, must fall back to TCP within its budget and say so; a
 * client that asks for HTTP/3 only must fail typed, as unprocessed; {@code s3wire doctor} at its
 * defaults must pass every TCP row and name the h3 row's failure as a problem (h3 is advertised).
 */
@Tag("system-tools")
@Timeout(180)
class UdpBlockedTest {
  @ParameterizedTest
  @ValueSource(strings = {"drop", "reject with icmpx type admin-prohibited"})
  void http3BehindAFirewallThatBlocksUdpFallsBackAndIsDiagnosed(String verdict) throws Exception {
    Path unshare = SystemTool.require("unshare", SystemTool.find("unshare"), "apt-get install util-linux");
    Path ip = SystemTool.require("ip", SystemTool.find("ip"), "apt-get install iproute2");
    Path nft = SystemTool.require("nft", SystemTool.find("nft"), "apt-get install nftables");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String script = ip + " link set lo up"
        + " && " + nft + " add table inet blockudp"
        + " && " + nft + " add chain inet blockudp out '{ type filter hook output priority 0; }'"
        + " && " + nft + " add rule inet blockudp out meta l4proto udp " + verdict
        + " && exec \"" + java + "\" -Xmx384m -cp \"" + classpath + "\" " + UdpBlockedMain.class.getName();
    Process p = new ProcessBuilder(unshare.toString(), "-rn", "sh", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("the child ended; output:\n%s", out).isTrue();
    assertThat(p.exitValue()).as("exit status; output:\n%s", out).isZero();
    List<String> lines = out.lines().toList();

    // Following Alt-Svc: CreateBucket over TCP learns h3; the PUT tries QUIC, hears nothing, goes over
    // TCP; the GET stays on TCP (the origin is kept off HTTP/3). The server never saw an HTTP/3 request.
    assertThat(lines).as(out).contains("protocols served: [HTTP/2, HTTP/2, HTTP/2]", "read back equal: true");
    assertThat(lines).as(out).filteredOn(l -> l.startsWith("fallback: ")).singleElement().satisfies(l -> assertThat(l)
        .startsWith("fallback: h3 -> h2 or http/1.1: HTTP/3 (QUIC) connect timeout: no QUIC handshake with 127.0.0.1:")
        .contains("(is UDP to that port blocked?) (before the request was sent); sending it over TCP instead"));
    long putMillis = Long.parseLong(line(lines, "put took ms: ", out));
    assertThat(putMillis).as("the QUIC attempt's budget (500 + 500 ms) and the TCP request").isBetween(900L, 10_000L);

    // HTTP/3 only: no fallback; a typed failure that says nothing was sent.
    assertThat(line(lines, "HTTP/3 only: ", out)).startsWith("TransportException CONNECT_TIMEOUT UNPROCESSED: HTTP/3 (QUIC)"
        + " connect timeout: no QUIC handshake with 127.0.0.1:").contains(" within 3000 ms (is UDP to that port blocked?)");
    // Timed-out handshakes end quietly: no library stack trace reaches the console.
    assertThat(out).doesNotContain("IllegalStateException").doesNotContain("\tat io.netty");

    // The doctor at its defaults (its embedded server, in the gcs profile, serving h3): a problem
    // finding names the blocked transport, the h3 row's first cell timed out and the rest did not run,
    // and every normalised cell over TCP passed.
    List<String> doctor = lines.stream().filter(l -> l.startsWith("doctor: ")).map(l -> l.substring(8)).toList();
    assertThat(doctor).as(out).anyMatch(l -> l.matches("\\d+\\. \\[h3-unreachable\\] HTTP/3 is advertised in Alt-Svc,"
        + " but no QUIC connection could be made"));
    assertThat(doctor).as(out).anyMatch(l -> l.matches("openssl +h3 +normalised +!- CONNECT_TIMEOUT \\d+ms +no QUIC connection.*"));
    List<String> tcpNormalised = doctor.stream().filter(l -> l.matches("(jdk|openssl) +(h2,http/1.1|http/1.1|none) +normalised .*"))
        .toList();
    assertThat(tcpNormalised).as(out).hasSize(6).noneMatch(l -> l.contains("!"));
  }

  private static String line(List<String> lines, String prefix, String out) {
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
        .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in:\n" + out));
  }
}
