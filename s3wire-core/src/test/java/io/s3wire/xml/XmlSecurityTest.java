package io.s3wire.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class XmlSecurityTest {
  private static final String MARKER = "XXE-MARKER-7f3a9c";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void externalFileEntityIsNotResolvedAndIsAClearError(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, MARKER);
    String xxe = "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE Error [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<Error><Code>&xxe;</Code><Message>m</Message></Error>";

    assertThatThrownBy(() -> S3Xml.readError(utf8(xxe)))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("malformed XML: DTDs are not allowed")
        .satisfies(e -> assertThat(stackText(e)).doesNotContain(MARKER));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void externalDtdAndParameterEntitiesAreRefused(@TempDir Path dir) throws Exception {
    Path dtd = dir.resolve("evil.dtd");
    Files.writeString(dtd, "<!ENTITY leak \"" + MARKER + "\">");
    String viaExternalSubset = "<?xml version=\"1.0\"?>\n<!DOCTYPE ListBucketResult SYSTEM \"" + dtd.toUri()
        + "\">\n<ListBucketResult><Name>&leak;</Name></ListBucketResult>";
    String viaParameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + dtd.toUri()
        + "\"> %p;]>\n<ListBucketResult><Name>&leak;</Name></ListBucketResult>";

    for (String doc : new String[] {viaExternalSubset, viaParameterEntity}) {
      assertThatThrownBy(() -> S3Xml.readListBucketResult(utf8(doc)))
          .isInstanceOf(S3XmlException.class)
          .hasMessage("malformed XML: DTDs are not allowed")
          .satisfies(e -> assertThat(stackText(e)).doesNotContain(MARKER));
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void noExternalDtdOrEntityIsFetchedOverTheNetwork() throws Exception {
    try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";
      String[] docs = {
        "<?xml version=\"1.0\"?><!DOCTYPE Error SYSTEM \"" + url + "\"><Error><Code>x</Code></Error>",
        "<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><Error/>",
        "<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY e SYSTEM \"" + url + "\">]><Error><Code>&e;</Code></Error>",
      };
      for (String doc : docs) {
        assertThatThrownBy(() -> S3Xml.readError(utf8(doc)))
            .isInstanceOf(S3XmlException.class)
            .hasMessage("malformed XML: DTDs are not allowed");
      }
      // The parser is synchronous: had it fetched anything, the connection would already be queued.
      listener.setSoTimeout(200);
      assertThatThrownBy(listener::accept).isInstanceOf(java.net.SocketTimeoutException.class);
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void billionLaughsIsRefusedQuickly() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    sb.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for (int i = 2; i <= 9; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        sb.append("&lol").append(i - 1).append(';');
      }
      sb.append("\">\n");
    }
    sb.append("]>\n<Error><Code>&lol9;</Code></Error>");
    long start = System.nanoTime();

    assertThatThrownBy(() -> S3Xml.readError(utf8(sb.toString())))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("malformed XML: DTDs are not allowed");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
  }

  @Test
  void undeclaredEntityWithoutDtdIsMalformed() {
    assertThatThrownBy(() -> S3Xml.readError(utf8("<Error><Code>&nope;</Code></Error>")))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("malformed XML: the entity &nope; is not declared (DTDs are not allowed)");
  }

  @Test
  void notXmlAtAllIsMalformed() {
    assertThatThrownBy(() -> S3Xml.readError(utf8("<html><body><h1>400 Bad Request</h1>")))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("unexpected XML document: root element <html>, expected <Error>");
    assertThatThrownBy(() -> S3Xml.readListBucketResult(utf8("<ListBucketResult><Name>b</Name>")))
        .isInstanceOf(S3XmlException.class)
        .hasMessageStartingWith("malformed XML: ");
    assertThatThrownBy(() -> S3Xml.readError(new byte[0]))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("malformed XML: the body is empty");
    assertThatThrownBy(() -> S3Xml.readError(utf8("plain text")))
        .isInstanceOf(S3XmlException.class)
        .hasMessageStartingWith("malformed XML: ");
  }

  @Test
  void wrongRootIsNamed() {
    assertThatThrownBy(() -> S3Xml.readListPartsResult(utf8("<ListBucketResult/>")))
        .isInstanceOf(S3XmlException.class)
        .hasMessage("unexpected XML document: root element <ListBucketResult>, expected <ListPartsResult>");
  }

  private static String stackText(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append('\n');
    }
    return sb.toString();
  }
}
