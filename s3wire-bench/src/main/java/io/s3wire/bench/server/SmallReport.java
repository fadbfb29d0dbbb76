package io.s3wire.bench.server;

import io.s3wire.bench.server.SmallBench.Row;
import java.util.List;
import java.util.Map;

/**
 * The small-object harness's Markdown: one table per operation and depth, then its {@code figure:}
 * lines. Client ratios are taken against the embedded server's memory store; server ratios against
 * s3proxy with the same client. A ratio whose figures are missing is printed as {@code n/a}.
 */
final class SmallReport {
  private SmallReport() {}

  static String markdown(SmallBench.Settings s, List<String> servers, List<String> clients, List<Row> rows,
      List<String> failures) {
    Map<String, Row> byKey = SmallBench.index(rows);
    StringBuilder out = new StringBuilder();
    out.append("### Small objects\n\n");
    out.append(s.small()).append("-byte objects; servers in child JVMs (-Xmx").append(s.heap()).append(")")
        .append(s.serverCpu().equals("none") ? ", unpinned" : " pinned to core " + s.serverCpu())
        .append("; clients in the harness JVM (or rclone's process) wherever bench/run.sh put them. ")
        .append("Every server runs throughout; each JVM client first runs ").append(s.clientWarmup())
        .append(" s of untimed PUTs and GETs against each server, then every figure is measured twice, the servers "
            + "in order and again in reverse, and the two averaged (the server measured second came out faster "
            + "for a client still settling). ")
        .append("Each figure: ").append(s.warmup()).append(" s warm-up, ").append(s.seconds())
        .append(" s counted; PUTs cycle over 64 keys per thread, GETs over 64 seeded objects. Server CPU is the ")
        .append("child's user+system time over the counted window per 1000 requests (the load-robust figure); server "
            + "waits are the voluntary context switches of its threads per request (hand-offs between threads, "
            + "lock and I/O waits), which do not depend on the load. Client CPU is the harness JVM's own over the same window "
            + "(the client's threads and the harness's small share; n/a for rclone, its own process). ")
        .append("Clients: s3wire-h1 = s3wire over its HTTP/1.1 pool (64 connections), s3wire-h2x1 / -h2x4 = "
            + "HTTP/2 with prior knowledge over 1 / 4 connections, sdk = AWS SDK v2 with ApacheHttpClient "
            + "(64 connections, checksums WHEN_REQUIRED), rclone = `rclone copy` of as many files with "
            + "--transfers = the depth (its figure includes its process start).\n\n");
    for (String op : List.of("put", "get")) {
      for (int inflight : s.inflight()) {
        out.append("#### ").append(op.toUpperCase(java.util.Locale.ROOT)).append(", ").append(inflight)
            .append(" in flight\n\n");
        out.append("| server | client | req/s | server CPU-s / 1000 req | server waits / req "
            + "| client CPU-s / 1000 req | load before | load after |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (String server : servers) {
          for (String client : clients) {
            Row r = byKey.get(server + "|" + client + "|" + op + "|" + inflight);
            if (r == null) {
              continue;
            }
            out.append("| ").append(server).append(" | ").append(client).append(" | ")
                .append(String.format(java.util.Locale.ROOT, "%.0f", r.rate())).append(" | ")
                .append(r.serverCpuPer1000() < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f",
                    r.serverCpuPer1000()))
                .append(" | ").append(r.switchesPerRequest() < 0 ? "n/a" : SmallBench.fmt(r.switchesPerRequest()))
                .append(" | ").append(r.clientCpuPer1000() < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f",
                    r.clientCpuPer1000()))
                .append(" | ").append(r.before()).append(" | ").append(r.after()).append(" |\n");
          }
        }
        out.append('\n');
        String k = "|" + op + "|" + inflight;
        out.append("figure: small ").append(op).append(' ').append(inflight)
            .append(" vs_sdk=").append(rate(byKey, "memory|s3wire-h1" + k, "memory|sdk" + k))
            .append(" vs_rclone=").append(rate(byKey, "memory|s3wire-h1" + k, "memory|rclone" + k))
            .append(" h2_vs_h1=").append(rate(byKey, "memory|s3wire-h2x1" + k, "memory|s3wire-h1" + k))
            .append('\n');
        out.append("figure: small-server ").append(op).append(' ').append(inflight)
            .append(" vs_s3proxy_s3wire=").append(rate(byKey, "memory|s3wire-h1" + k, "s3proxy|s3wire-h1" + k))
            .append(" vs_s3proxy_sdk=").append(rate(byKey, "memory|sdk" + k, "s3proxy|sdk" + k))
            .append(" file_vs_s3proxy_sdk=").append(rate(byKey, "file|sdk" + k, "s3proxy|sdk" + k))
            .append(" cpu_s3proxy_over_ours_sdk=").append(cpu(byKey, "s3proxy|sdk" + k, "memory|sdk" + k))
            .append("\n\n");
      }
    }
    if (!failures.isEmpty()) {
      out.append("Failed to run:\n\n");
      failures.forEach(f -> out.append("- FAILED: ").append(f).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }

  private static String rate(Map<String, Row> m, String num, String den) {
    Row a = m.get(num);
    Row b = m.get(den);
    return a == null || b == null || b.rate() <= 0 ? "n/a" : SmallBench.fmt(a.rate() / b.rate());
  }

  private static String cpu(Map<String, Row> m, String num, String den) {
    Row a = m.get(num);
    Row b = m.get(den);
    return a == null || b == null || a.serverCpuPer1000() < 0 || b.serverCpuPer1000() <= 0 ? "n/a"
        : SmallBench.fmt(a.serverCpuPer1000() / b.serverCpuPer1000());
  }
}
