package io.s3wire.cli.doctor;

import io.s3wire.auth.CanonicalRequest;
import io.s3wire.auth.StringToSign;
import java.util.List;
import java.util.Map;

/**
 * Everything the doctor measured: the matrix and the extra probes, before any diagnosis.
 *
 * @param probes named single requests beside the matrix ({@code forced-h2}, {@code checksum},
 *     {@code checksum-mismatch} (only after {@code checksum} passed), {@code delete-objects}, {@code get-h1},
 *     {@code addressing-path}, {@code addressing-virtual}), each with its outcome
 * @param canonicalRequest our last canonical request (for SignatureDoesNotMatch), or {@code null}
 * @param stringToSign our last string to sign, or {@code null}
 * @param prefix the unique prefix the doctor's own objects used
 * @param cleanup what became of the test objects the doctor created
 */
public record Measurements(
    Target target,
    List<Cell> cells,
    Map<String, Outcome> probes,
    CanonicalRequest canonicalRequest,
    StringToSign stringToSign,
    String prefix,
    Cleanup cleanup) {

  /** The cells that ran and failed. */
  public List<Cell> failing() {
    return cells.stream().filter(Cell::failed).toList();
  }

  public List<Cell> passing() {
    return cells.stream().filter(Cell::passed).toList();
  }
}
