package io.s3wire.server.internal.net;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's TLS certificate: self-signed for {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1} (ECDSA P-256, valid for a day either side of now), or loaded from PEM files.
 * The private key never leaves the process except when the user gave it to us.
 */
public final class ServerCertificate {
  private final X509Certificate certificate;
  private final PrivateKey key;
  private final Path certFile;
  private final Path keyFile;

  private ServerCertificate(X509Certificate certificate, PrivateKey key, Path certFile, Path keyFile) {
    this.certificate = certificate;
    this.key = key;
    this.certFile = certFile;
    this.keyFile = keyFile;
  }

  /** Generates a fresh self-signed certificate. */
  public static ServerCertificate selfSigned() {
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
      kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair kp = kpg.generateKeyPair();
      X500Name name = new X500Name("CN=s3wire server");
      Instant now = Instant.now();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name,
          new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, kp.getPublic());
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
          new GeneralName(GeneralName.iPAddress, "::1")}));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      X509Certificate cert = new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
      return new ServerCertificate(cert, kp.getPrivate(), null, null);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("could not generate the server's self-signed certificate", e);
    }
  }

  /** A certificate (chain) and PKCS#8 key from PEM files, used as given. */
  public static ServerCertificate fromPem(Path certFile, Path keyFile) throws IOException {
    try (InputStream in = Files.newInputStream(certFile)) {
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return new ServerCertificate(cert, null, certFile, keyFile);
    } catch (GeneralSecurityException e) {
      throw new IOException("not a PEM certificate: " + certFile, e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** The generated key, or {@code null} when the key is in {@link #keyFile()}. */
  PrivateKey key() {
    return key;
  }

  /** The generated key, for tests that write it out as PEM. */
  public PrivateKey privateKeyForTests() {
    return key;
  }

  Path certFile() {
    return certFile;
  }

  Path keyFile() {
    return keyFile;
  }

  /** SHA-256 over the DER certificate, as colon-separated upper-case hex (the form browsers and openssl print). */
  public String sha256Fingerprint() {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificate in PEM, for a client's {@code --ca}. */
  public String pem() {
    try {
      String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "certificate " + certificate.getSubjectX500Principal().getName().toLowerCase(Locale.ROOT)
        + " sha256 " + sha256Fingerprint();
  }
}
