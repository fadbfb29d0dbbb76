package io.s3wire.bench.link;

import static io.s3wire.bench.link.LinkReport.big;
import static io.s3wire.bench.link.LinkReport.fmt;
import static io.s3wire.bench.link.LinkReport.rate;
import static io.s3wire.bench.link.LinkReport.ratio;

import java.util.List;

/**
 * The HTTP/3 harness's Markdown: per part (loopback, link) a table of small-object rates and one of
 * large GETs, each ending with {@code figure: h3 <part> ...} lines giving HTTP/3 over HTTP/2 and over
 * HTTP/1.1. A ratio whose figures are missing is printed as {@code n/a}.
 */
final class H3Report {
  private H3Report() {}

  static String markdown(LinkBench.Settings s, List<H3Bench.Part> parts, List<String> failures) {
    StringBuilder out = new StringBuilder();
    out.append("### HTTP/3 next to HTTP/2 and HTTP/1.1\n\n");
    out.append("s3wire's client to s3wire's embedded server (memory store, TLS through BoringSSL, HTTP/3 on the same "
        + "port number in UDP; child JVM), all three versions over TLS with the transport's defaults: s3wire-h1 = "
        + "the HTTP/1.1 pool, s3wire-h2 = one HTTP/2 connection (ALPN), s3wire-h3 = HTTP/3 over QUIC. Small "
        + "objects: ").append(s.small()).append(" bytes, ").append(s.warmup()).append(" s warm-up and ")
        .append(s.seconds()).append(" s counted per figure. Large GET: one ").append(s.big() >> 20)
        .append(" MiB object, read and discarded, best of ").append(s.repeats()).append(" rounds.\n\n");
    for (H3Bench.Part p : parts) {
      if (p.name().equals("link")) {
        out.append("#### link: ").append(fmt(s.rtt().toNanos() / 1e6)).append(" ms round trip, ")
            .append(s.rate() == 0 ? "no rate cap" : "capped at " + fmt(s.rate() / 1048576.0) + " MiB/s each way")
            .append("\n\nHTTP/1.1 and HTTP/2 through the TCP delay relay, HTTP/3 through the UDP one (same delay "
                + "and cap, a datagram queue of 64 MiB per direction); datagrams the UDP relay dropped: ")
            .append(p.dropped()).append(".\n\n");
      } else {
        out.append("#### ").append(p.name()).append("\n\n");
      }
      LinkReport.rateTable(out, p.rates());
      out.append('\n');
      for (String op : List.of("put", "get")) {
        for (int inflight : s.inflight()) {
          var h3 = rate(p.rates(), LinkClients.H3, op, inflight);
          out.append("figure: h3 ").append(p.name()).append(" small ").append(op).append(' ').append(inflight)
              .append(" h3_vs_h2=").append(ratio(h3, rate(p.rates(), LinkClients.H2, op, inflight)))
              .append(" h3_vs_h1=").append(ratio(h3, rate(p.rates(), LinkClients.H1, op, inflight))).append('\n');
        }
      }
      out.append('\n');
      LinkReport.bigTable(out, p.bigs());
      var h3 = big(p.bigs(), LinkClients.H3);
      out.append("\nfigure: h3 ").append(p.name()).append(" get").append(s.big() >> 20).append(" h3_vs_h2=")
          .append(ratio(h3, big(p.bigs(), LinkClients.H2))).append(" h3_vs_h1=")
          .append(ratio(h3, big(p.bigs(), LinkClients.H1))).append(" h3_mib_s=")
          .append(h3.map(LinkReport::fmt).orElse("n/a")).append("\n\n");
    }
    if (!failures.isEmpty()) {
      out.append("Failed to run:\n\n");
      failures.forEach(f -> out.append("- FAILED: ").append(f).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }
}
