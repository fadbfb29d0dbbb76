package io.s3wire.cli.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@link Measurements} into findings: each rule names one recognised cause with its evidence
 * and marks the cells it explains; failing cells no rule explains are reported with the server's
 * own words. Stateless.
 */
public final class Diagnosis {
  private Diagnosis() {}

  public static List<Finding> diagnose(Measurements m) {
    List<Finding> out = new ArrayList<>();
    Set<Cell> explained = new LinkedHashSet<>();
    TransportRules.apply(m, out, explained);
    AddressingRules.apply(m, out, explained);
    AuthRules.apply(m, out, explained);
    ProtocolRules.apply(m, out, explained);
    Http3Rules.apply(m, out, explained);
    ShapeRules.apply(m, out, explained);
    CapabilityRules.apply(m, out);
    unexplained(m, out, explained);
    return List.copyOf(out);
  }

  /**
   * The failing cells no rule explains, one finding per result (status with S3 code, reset, failure
   * kind), each in a sentence with the server's own words where it sent any.
   */
  private static void unexplained(Measurements m, List<Finding> out, Set<Cell> explained) {
    Map<String, List<Cell>> byResult = new LinkedHashMap<>();
    for (Cell c : m.failing()) {
      if (!explained.contains(c)) {
        String why = c.outcome().result() + (c.outcome().s3Error() == null ? "" : " " + c.outcome().s3Error());
        byResult.computeIfAbsent(why, k -> new ArrayList<>()).add(c);
      }
    }
    for (Map.Entry<String, List<Cell>> e : byResult.entrySet()) {
      List<Cell> cells = e.getValue();
      Cell first = cells.stream().filter(c -> c.outcome().serviceError() != null
          && (c.outcome().s3Error() != null || c.outcome().serviceError().rawBody() != null)).findFirst().orElse(cells.get(0));
      List<String> evidence = new ArrayList<>();
      evidence.add(Evidence.cellLine(first));
      evidence.addAll(Evidence.frames(first, ":status", "server", "content-type"));
      if (first.outcome().serviceError() != null && first.outcome().serviceError().rawBody() != null) {
        evidence.add("body: " + FailureForm.quote(FailureForm.bodyText(first.outcome().serviceError().rawBody())));
      }
      out.add(new Finding("unrecognised-failure", Finding.PROBLEM,
          "Unrecognised failure: " + FailureForm.of(first.outcome()),
          cells.size() + " cell(s) fail with " + e.getKey() + ": " + rows(cells),
          "no rule of the doctor matches; the server's answer is shown as it came",
          evidence,
          first.outcome().failure() != null ? first.outcome().failure().explain() : first.outcome().serviceError().explain(),
          List.of("read the server's answer above; run `s3wire probe --trace` against the same URL to see the whole exchange"),
          "RFC 9110 section 15 (status codes) and RFC 9113 section 7 (HTTP/2 error codes)"));
    }
  }

  /** A compact list of cells: {@code jdk h2,http/1.1 host-header put, ...}, at most six. */
  static String rows(List<Cell> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size() && i < 6; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(cells.get(i).row()).append(' ').append(cells.get(i).operation().id());
    }
    if (cells.size() > 6) {
      sb.append(", and ").append(cells.size() - 6).append(" more");
    }
    return sb.toString();
  }
}
