package io.s3wire.cli.doctor;

import io.s3wire.http.TlsProvider;
import java.util.List;

/**
 * One cell of the matrix: where it ran and what came back.
 *
 * @param route how the row's requests travel: TLS provider and ALPN offer, or plain HTTP/1.1 or h2c
 * @param outcome the exchange's outcome, or {@code null} when the cell did not run
 * @param skipped why the cell did not run ({@code n/a} when the shape does not apply), or {@code null}
 */
public record Cell(Route route, Shape shape, Operation operation, Outcome outcome, String skipped) {
  /** The TLS provider, or {@code null} over plain HTTP. */
  public TlsProvider tls() {
    return route.tls();
  }

  /** The ALPN offer's label ({@code h2,http/1.1}, {@code http/1.1}, {@code none}), or {@code null} over plain HTTP. */
  public String alpn() {
    return route.alpn();
  }

  public boolean ran() {
    return outcome != null;
  }

  public boolean passed() {
    return outcome != null && outcome.passed();
  }

  public boolean failed() {
    return outcome != null && !outcome.passed();
  }

  /** The row label: {@code jdk h2,http/1.1 host-header}, or {@code h2c host-header} over plain HTTP. */
  public String row() {
    return route.label() + " " + shape.id();
  }

  /** The short text the table shows: {@code h2 200 12ms}, {@code h2 PROTOCOL_ERROR 3ms}, {@code n/a}. */
  public String text() {
    if (outcome == null) {
      return skipped;
    }
    return outcome.cellText();
  }

  /** The cell's frame lines, or none. */
  public List<String> trace() {
    return outcome == null ? List.of() : outcome.trace();
  }
}
