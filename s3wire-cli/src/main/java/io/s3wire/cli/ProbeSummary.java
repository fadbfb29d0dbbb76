package io.s3wire.cli;

import io.s3wire.error.Attempt;
import io.s3wire.http.HttpResponse;
import io.s3wire.wire.Redaction;
import io.s3wire.wire.WireEvent;
import io.s3wire.wire.internal.JsonLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What a probe found, as text lines or one JSON object.
 *
 * @param h3 what the response's Alt-Svc said about HTTP/3 and what came of trying it ({@link ProbeHttp3}), or
 *     {@code null} when the probe was HTTP/3 itself
 */
record ProbeSummary(
    ProbeRequest request,
    URI uri,
    String protocol,
    int status,
    long bodyBytes,
    WireEvent.TlsHandshake tls,
    List<String> warnings,
    List<String> fallbacks,
    String h3) {

  static ProbeSummary of(ProbeRequest request, URI uri, HttpResponse response, long bodyBytes, List<WireEvent> events,
      String h3) {
    List<String> warnings = new ArrayList<>();
    List<String> fallbacks = new ArrayList<>();
    for (WireEvent e : events) {
      if (e instanceof WireEvent.Warning w) {
        warnings.add(w.message());
      } else if (e instanceof WireEvent.Fallback f) {
        fallbacks.add(f.from() + " -> " + f.to() + ": " + f.reason());
      }
    }
    return new ProbeSummary(request, uri, response.protocol().toString(), response.status(), bodyBytes,
        ProbeRunner.handshake(events), warnings, fallbacks, h3);
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(request.method() + " " + Redaction.DEFAULT.url(uri.toString()));
    lines.add("policy:   " + request.policy() + ", ALPN offer " + request.alpnOffer());
    lines.add("protocol: " + protocol);
    if (tls == null) {
      lines.add("TLS:      none (plain TCP)");
    } else {
      lines.add("TLS:      " + tls.protocolVersion() + ", " + tls.cipherSuite() + " (provider " + tls.provider() + ")");
      lines.add("ALPN:     " + (tls.alpnOffered().isEmpty() ? "none" : String.join(",", tls.alpnOffered())) + " -> "
          + (tls.alpnSelected() == null ? "none" : tls.alpnSelected()));
      if (tls.peerSubject() != null) {
        lines.add("peer:     " + tls.peerSubject() + " (valid " + tls.peerNotBefore() + " to " + tls.peerNotAfter() + ")");
      }
    }
    for (String f : fallbacks) {
      lines.add("fallback: " + f);
    }
    for (String w : warnings) {
      lines.add("warning:  " + w);
    }
    lines.add("status:   " + status);
    lines.add("body:     " + bodyBytes + " bytes");
    if (h3 != null) {
      lines.add("h3:       " + h3);
    }
    return lines;
  }

  String json() {
    JsonLine j = new JsonLine().string("event", "probe_result").string("method", request.method())
        .string("url", Redaction.DEFAULT.url(uri.toString())).string("policy", request.policy().name())
        .string("protocol", protocol).number("status", status).number("body_bytes", bodyBytes);
    if (tls != null) {
      j.string("tls_provider", tls.provider().name()).string("tls_version", tls.protocolVersion())
          .string("cipher", tls.cipherSuite()).strings("alpn_offered", tls.alpnOffered())
          .string("alpn_selected", tls.alpnSelected()).string("peer_subject", tls.peerSubject());
    } else {
      j.string("tls_provider", null);
    }
    return j.strings("fallbacks", fallbacks).strings("warnings", warnings).string("h3", h3).build();
  }

  static String failureJson(ProbeRequest request, URI uri, String message, List<Attempt> attempts) {
    List<String> summaries = new ArrayList<>();
    for (Attempt a : attempts) {
      summaries.add(Redaction.DEFAULT.text(a.summary()));
    }
    return new JsonLine().string("event", "probe_failed").string("method", request.method())
        .string("url", uri == null ? null : Redaction.DEFAULT.url(uri.toString()))
        .string("policy", request.policy().name()).string("error", message).strings("attempts", summaries).build();
  }
}
