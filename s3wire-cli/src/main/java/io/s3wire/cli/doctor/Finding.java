package io.s3wire.cli.doctor;

import java.util.List;

/**
 * One diagnosis: a recognised cause with what fails, what tells failing from passing cells, the
 * evidence (frame lines, the server's own words), the cause in words, fixes and a cited source.
 *
 * @param id a stable identifier, e.g. {@code host-header-reset} (the JSON schema lists them)
 * @param severity {@code problem} (something fails) or {@code note} (a fact about the server that
 *     breaks some clients, while s3wire works)
 */
public record Finding(
    String id,
    String severity,
    String title,
    String whatFails,
    String differs,
    List<String> evidence,
    String cause,
    List<String> fixes,
    String source) {

  public static final String PROBLEM = "problem";
  public static final String NOTE = "note";

  public Finding {
    evidence = List.copyOf(evidence);
    fixes = List.copyOf(fixes);
  }

  public boolean isProblem() {
    return PROBLEM.equals(severity);
  }
}
