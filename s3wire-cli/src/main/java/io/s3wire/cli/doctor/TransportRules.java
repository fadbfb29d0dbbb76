package io.s3wire.cli.doctor;

import io.s3wire.error.TransportException;
import java.util.List;
import java.util.Set;

/** Causes below HTTP: a certificate the client does not trust, or one that names another host. */
final class TransportRules {
  private TransportRules() {}

  static void apply(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> untrusted = kind(m, TransportException.Kind.UNTRUSTED_CERTIFICATE);
    if (!untrusted.isEmpty()) {
      explained.addAll(untrusted);
      Cell c = untrusted.get(0);
      out.add(new Finding("untrusted-certificate", Finding.PROBLEM,
          "The server's TLS certificate is not trusted",
          untrusted.size() + " cell(s) fail in the TLS handshake before any HTTP: " + Diagnosis.rows(untrusted),
          "every TLS provider and ALPN offer fails the same way, so it is the certificate, not the HTTP version",
          evidence(c),
          "The certificate chain the server sent does not lead to a CA in the trust store the client uses"
              + " (self-signed, a private CA, or a missing intermediate certificate).",
          List.of("give the CA as a PEM bundle: AWS_CA_BUNDLE=ca.pem (or --ca ca.pem for probe)",
              "make the server send its full chain, intermediates included",
              "--insecure only for a test server you control"),
          "RFC 9110 section 4.3.4 (https certificate verification); RFC 5280 section 6 (path validation)"));
    }
    List<Cell> mismatch = kind(m, TransportException.Kind.HOSTNAME_MISMATCH);
    if (!mismatch.isEmpty()) {
      explained.addAll(mismatch);
      out.add(new Finding("hostname-mismatch", Finding.PROBLEM,
          "The server's certificate names another host",
          mismatch.size() + " cell(s) fail in the TLS handshake: " + Diagnosis.rows(mismatch),
          "every TLS provider fails the same way",
          evidence(mismatch.get(0)),
          "The certificate is trusted but its subject alternative names do not include the host in the endpoint URL ("
              + m.target().endpoint().getHost() + ").",
          List.of("use the host name the certificate names in the endpoint URL",
              "reissue the certificate with this name (or IP address) in its subjectAltName"),
          "RFC 9110 section 4.3.4; RFC 6125 section 6 (identity verification)"));
    }
  }

  private static List<Cell> kind(Measurements m, TransportException.Kind kind) {
    return m.failing().stream().filter(c -> c.outcome().transportKind() == kind).toList();
  }

  private static List<String> evidence(Cell c) {
    List<String> e = new java.util.ArrayList<>();
    e.add(Evidence.cellLine(c));
    e.addAll(Evidence.containing(c, "TLS handshake failed"));
    return e;
  }
}
