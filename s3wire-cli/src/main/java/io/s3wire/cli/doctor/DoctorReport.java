package io.s3wire.cli.doctor;

import java.util.List;

/**
 * The doctor's result: what it examined, the measurements and the findings.
 *
 * @param headline the first lines of the output (e.g. that the embedded server was started)
 * @param millis how long the whole run took
 */
public record DoctorReport(List<String> headline, Measurements measurements, List<Finding> findings, long millis) {
  public List<Finding> problems() {
    return findings.stream().filter(Finding::isProblem).toList();
  }

  /** {@code no problem found} or {@code N problem(s) found}. */
  public String verdict() {
    long n = problems().size();
    return n == 0 ? "no problem found" : n + (n == 1 ? " problem found" : " problems found");
  }
}
