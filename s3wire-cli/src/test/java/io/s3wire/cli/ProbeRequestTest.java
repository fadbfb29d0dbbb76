package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.WireListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The probe's arguments become a {@link ProbeRequest} without touching the network. */
class ProbeRequestTest {
  private final StringWriter err = new StringWriter();

  private ProbeRequest parse(Map<String, String> env, String... args) {
    CommandLine cl = Main.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(err));
    CommandLine.ParseResult result = cl.parseArgs(TraceOptions.rewrite(args));
    CommandLine sub = result.subcommand().commandSpec().commandLine();
    return ((ProbeCommand) sub.getCommand()).toRequest();
  }

  private ProbeRequest parse(String... args) {
    return parse(Map.of(), args);
  }

  @Test
  void defaultsAreGetAutoJdkAlpnPerPolicyVerifiedNoTrace() {
    ProbeRequest r = parse("probe", "https://example.com/b/k");
    assertThat(r).isEqualTo(new ProbeRequest(URI.create("https://example.com/b/k"), false, "GET",
        HttpVersionPolicy.NEGOTIATE_WITH_FALLBACK, TlsProvider.JDK, AlpnOffer.forPolicy(), null, false,
        ProbeRequest.Trace.NONE, null, false, null, null));
  }

  @Test
  void everyOptionLandsInTheRequest() {
    ProbeRequest r = parse("probe", "--http", "2", "--tls", "openssl", "--alpn", "h2,http/1.1", "--ca", "/tmp/ca.pem",
        "--trace=/tmp/t.jsonl", "--json", "--keylog", "/tmp/keys", "--pcap", "/tmp/c.pcap", "--head", "https://127.0.0.1:8443/");
    assertThat(r).isEqualTo(new ProbeRequest(URI.create("https://127.0.0.1:8443/"), false, "HEAD",
        HttpVersionPolicy.HTTP_2, TlsProvider.OPENSSL, AlpnOffer.of("h2", "http/1.1"), Path.of("/tmp/ca.pem"), false,
        ProbeRequest.Trace.FILE, Path.of("/tmp/t.jsonl"), true, Path.of("/tmp/keys"), Path.of("/tmp/c.pcap")));
  }

  @Test
  void policyNames() {
    assertThat(parse("probe", "--http", "1.1", "https://h/").policy()).isEqualTo(HttpVersionPolicy.HTTP_1_1);
    assertThat(parse("probe", "--http", "negotiate", "https://h/").policy()).isEqualTo(HttpVersionPolicy.NEGOTIATE);
    assertThat(parse("probe", "--http=auto", "https://h/").policy()).isEqualTo(HttpVersionPolicy.NEGOTIATE_WITH_FALLBACK);
    assertThat(parse("probe", "--http", "3", "https://h/").policy()).isEqualTo(HttpVersionPolicy.HTTP_3);
    assertThat(parse("probe", "--http", "h3", "https://h/").policy()).isEqualTo(HttpVersionPolicy.HTTP_3);
  }

  @Test
  void bareTraceGoesToStdoutAndDoesNotEatTheUrl() {
    ProbeRequest r = parse("probe", "--trace", "https://h/");
    assertThat(r.trace()).isEqualTo(ProbeRequest.Trace.STDOUT);
    assertThat(r.uri()).isEqualTo(URI.create("https://h/"));
  }

  @Test
  void localNeedsNoUrl() {
    ProbeRequest r = parse("probe", "--local", "--trace", "--alpn", "none");
    assertThat(r.local()).isTrue();
    assertThat(r.uri()).isNull();
    assertThat(r.alpnOffer()).isEqualTo(AlpnOffer.none());
  }

  @Test
  void keyLogComesFromTheEnvironmentUnlessGiven() {
    assertThat(parse(Map.of("SSLKEYLOGFILE", "/tmp/env-keys"), "probe", "https://h/").keyLog()).isEqualTo(Path.of("/tmp/env-keys"));
    assertThat(parse(Map.of("SSLKEYLOGFILE", "/tmp/env-keys"), "probe", "--keylog", "/tmp/k", "https://h/").keyLog())
        .isEqualTo(Path.of("/tmp/k"));
  }

  @Test
  void transportConfigFollowsTheRequest() {
    ProbeRequest r = parse("probe", "--http", "1.1", "--tls", "openssl", "--alpn", "none", "--insecure", "--keylog", "/tmp/k",
        "https://h/");
    TransportConfig c = r.transportConfig(null, WireListener.NONE);
    assertThat(c.versionPolicy()).isEqualTo(HttpVersionPolicy.HTTP_1_1);
    assertThat(c.tlsProvider()).isEqualTo(TlsProvider.OPENSSL);
    assertThat(c.alpnProtocols()).isEmpty();
    assertThat(c.insecure()).isTrue();
    assertThat(c.keyLogFile()).isEqualTo(Path.of("/tmp/k"));
    // With the JDK provider the launcher's agent writes the key log, not the transport.
    assertThat(parse("probe", "--keylog", "/tmp/k", "https://h/").transportConfig(null, WireListener.NONE).keyLogFile()).isNull();
    assertThat(parse("probe", "--local").transportConfig(Path.of("/tmp/ca.pem"), WireListener.NONE).trustedCertificates())
        .isEqualTo(Path.of("/tmp/ca.pem"));
  }

  @Test
  void clashesAreUsageErrors() {
    for (List<String> args : List.of(
        List.of("probe"),
        List.of("probe", "--local", "https://h/"),
        List.of("probe", "--insecure", "--ca", "/x.pem", "https://h/"),
        List.of("probe", "ftp://h/"),
        List.of("probe", "--http", "2", "--alpn", "http/1.1", "https://h/"),
        List.of("probe", "--http", "4", "https://h/"),
        List.of("probe", "--tls", "nss", "https://h/"))) {
      StringWriter e = new StringWriter();
      int code = Main.run(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(e), args.toArray(String[]::new));
      assertThat(code).as("%s", args).isEqualTo(Main.USAGE);
      assertThat(e.toString()).as("%s", args).contains("Usage: s3wire probe");
    }
  }

  @Test
  void traceRewriteOnlyTouchesTheAttachedForm() {
    assertThat(TraceOptions.rewrite(new String[] {"probe", "--trace=/t", "--trace", "--", "--trace=x"}))
        .containsExactly("probe", "--trace-file", "/t", "--trace", "--", "--trace=x");
  }
}
