package io.s3wire.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads trusted certificates given as PEM text, for {@link TransportConfig.Builder#trustedCertificatesPem}. */
final class TrustMaterial {
  private TrustMaterial() {}

  static List<X509Certificate> parsePem(String pem) {
    if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("trustedCertificatesPem: the text holds no -----BEGIN CERTIFICATE----- block");
    }
    Collection<? extends Certificate> read;
    try {
      read = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("trustedCertificatesPem: a certificate does not parse: " + e.getMessage(), e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate c : read) {
      certificates.add((X509Certificate) c);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("trustedCertificatesPem: no certificate could be read from the text");
    }
    return List.copyOf(certificates);
  }
}
