package io.s3wire.bench.link;

import io.s3wire.bench.link.LinkBench.BigRow;
import io.s3wire.bench.link.LinkBench.RateRow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The slow-link harness's Markdown: the small-object rates (one table, HTTP/2 over HTTP/1.1 per
 * operation and depth) and the large GET (one table, HTTP/2 over the link's rate), each ending with
 * its {@code figure: link ...} lines. A ratio whose figures are missing is printed as {@code n/a}.
 */
final class LinkReport {
  private LinkReport() {}

  static String markdown(LinkBench.Settings s, List<RateRow> rates, List<BigRow> bigs, List<String> failures) {
    StringBuilder out = new StringBuilder();
    out.append("### Slow link\n\n");
    out.append("s3wire through a loopback delay relay (a delay line in the harness JVM: ")
        .append(fmt(s.rtt().toNanos() / 1e6)).append(" ms round trip, ")
        .append(s.rate() == 0 ? "no rate cap" : "capped at " + fmt(s.rate() / 1048576.0) + " MiB/s each way")
        .append(") to s3wire's embedded server (memory store, child JVM). Small objects: ").append(s.small())
        .append(" bytes, ").append(s.warmup()).append(" s warm-up and ").append(s.seconds())
        .append(" s counted per figure; s3wire-h1 = the HTTP/1.1 pool, s3wire-h2 = one HTTP/2 connection "
            + "(prior knowledge); both with the transport's defaults.\n\n");
    rateTable(out, rates);
    out.append('\n');
    for (String op : List.of("put", "get")) {
      for (int inflight : s.inflight()) {
        out.append("figure: link small ").append(op).append(' ').append(inflight).append(" h2_vs_h1=")
            .append(ratio(rate(rates, LinkClients.H2, op, inflight), rate(rates, LinkClients.H1, op, inflight)))
            .append('\n');
      }
    }
    out.append('\n');
    out.append("Large GET: one ").append(s.big() >> 20).append(" MiB object, read and discarded. The link's rate is "
        + "the better of the HTTP/1.1 GETs through the same relay (s3wire's and curl's). s3wire-h2 uses the "
        + "transport's default windows (16 MiB per stream, 64 MiB per connection); s3wire-h2-1m-windows and "
        + "s3wire-h2-64m-windows show the same GET with 1 MiB / 1 MiB and 64 MiB / 256 MiB windows.\n\n");
    bigTable(out, bigs);
    out.append('\n');
    Optional<Double> link = max(big(bigs, LinkClients.H1), big(bigs, LinkClients.CURL_H1));
    Optional<Double> h2 = big(bigs, LinkClients.H2);
    out.append("figure: link get").append(s.big() >> 20).append(" h2_vs_link=").append(ratio(h2, link))
        .append(" h2_vs_curl_h2=").append(ratio(h2, big(bigs, LinkClients.CURL_H2)))
        .append(" h2_1m_windows_vs_link=").append(ratio(big(bigs, LinkClients.H2_1M), link))
        .append(" h2_64m_windows_vs_link=").append(ratio(big(bigs, LinkClients.H2_64M), link))
        .append(" link_mib_s=").append(link.map(LinkReport::fmt).orElse("n/a")).append("\n\n");
    if (!failures.isEmpty()) {
      out.append("Failed to run:\n\n");
      failures.forEach(f -> out.append("- FAILED: ").append(f).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }

  /** The small-object rates as a Markdown table. */
  static void rateTable(StringBuilder out, List<RateRow> rates) {
    out.append("| client | op | in flight | req/s | load before | load after |\n|---|---|---:|---:|---|---|\n");
    for (RateRow r : rates) {
      out.append("| ").append(r.client()).append(" | ").append(r.op()).append(" | ").append(r.inflight())
          .append(" | ").append(String.format(Locale.ROOT, "%.0f", r.rate())).append(" | ").append(r.before())
          .append(" | ").append(r.after()).append(" |\n");
    }
  }

  /** The large GETs as a Markdown table. */
  static void bigTable(StringBuilder out, List<BigRow> bigs) {
    out.append("| subject | MiB/s | note | load before | load after |\n|---|---:|---|---|---|\n");
    for (BigRow b : bigs) {
      out.append("| ").append(b.subject()).append(" | ").append(fmt(b.mibPerSecond())).append(" | ")
          .append(b.note()).append(" | ").append(b.before()).append(" | ").append(b.after()).append(" |\n");
    }
  }

  static Optional<Double> rate(List<RateRow> rows, String client, String op, int inflight) {
    return rows.stream().filter(r -> r.client().equals(client) && r.op().equals(op) && r.inflight() == inflight)
        .map(RateRow::rate).findFirst();
  }

  static Optional<Double> big(List<BigRow> rows, String subject) {
    return rows.stream().filter(r -> r.subject().equals(subject)).map(BigRow::mibPerSecond).findFirst();
  }

  static Optional<Double> max(Optional<Double> a, Optional<Double> b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(Math.max(a.get(), b.get()));
  }

  static String ratio(Optional<Double> num, Optional<Double> den) {
    return num.isEmpty() || den.isEmpty() || den.get() <= 0 ? "n/a" : fmt(num.get() / den.get());
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
