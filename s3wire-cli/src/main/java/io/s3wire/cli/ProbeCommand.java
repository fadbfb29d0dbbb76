package io.s3wire.cli;

import io.s3wire.http.TlsProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code s3wire probe}: one GET (or HEAD) that shows how the connection was made. */
@Command(name = "probe", mixinStandardHelpOptions = true,
    description = {
      "Send one GET (or HEAD) and show the negotiated protocol, the TLS facts and the status;",
      "with --trace, the TLS handshake and every HTTP/2 frame or HTTP/1.1 head.",
      "--local starts a local TLS server (h2 and http/1.1) in this process and probes it."})
final class ProbeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "URL", description = "The https:// or http:// URL to probe.")
  String url;

  @Option(names = "--local", description = "Probe a local responder started in this process (no network needed).")
  boolean local;

  @Option(names = "--head", description = "Send HEAD instead of GET.")
  boolean head;

  @Mixin TransportOptions transport = new TransportOptions();

  @Mixin TraceOptions output = new TraceOptions();

  private final Map<String, String> env;

  ProbeCommand(Map<String, String> env) {
    this.env = env;
  }

  /** Turns the arguments into the probe to run; a {@link ParameterException} (exit 2) when they clash. */
  ProbeRequest toRequest() {
    if (local == (url != null)) {
      throw new ParameterException(spec.commandLine(), local
          ? "give either a URL or --local, not both"
          : "give a URL to probe, or --local to probe a local responder");
    }
    if (transport.insecure && transport.ca != null) {
      throw new ParameterException(spec.commandLine(), "--insecure and --ca clash: --insecure trusts every certificate");
    }
    URI uri = null;
    if (url != null) {
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new ParameterException(spec.commandLine(), "not a URL: " + e.getMessage());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        throw new ParameterException(spec.commandLine(), "the URL must be http:// or https:// with a host: " + url);
      }
    }
    // probe keeps the JDK's provider by default: it shows what a JVM client meets (storage commands prefer BoringSSL).
    TlsProvider tls = transport.tlsProvider != null ? transport.tlsProvider : TlsProvider.JDK;
    ProbeRequest request = new ProbeRequest(uri, local, head ? "HEAD" : "GET", transport.policy, tls,
        transport.alpnOffer, transport.ca, transport.insecure, output.target(), output.traceFile, output.json,
        transport.keyLog(env), transport.pcap);
    try {
      request.transportConfig(null, io.s3wire.wire.WireListener.NONE);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return request;
  }

  @Override
  public Integer call() {
    ProbeRequest request = toRequest();
    return new ProbeRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(request);
  }
}
