package io.s3wire.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * S3 documents are UTF-8: a body that is not is a typed error, and reading it writes nothing to
 * standard error (the JDK's parser, handed the bytes, printed "[Fatal Error] ... Invalid byte 1 of
 * 1-byte UTF-8 sequence" for each one, which filled a fuzzing run's output and would fill a server's).
 */
@Isolated("replaces System.err")
class XmlEncodingTest {
  private static final byte[] LATIN1_ERROR =
      "<Error><Code>NoSuchKey</Code><Message>caf\u00e9</Message></Error>".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void aBodyThatIsNotUtf8IsATypedErrorAndPrintsNothing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> S3Xml.readError(LATIN1_ERROR))
          .isInstanceOf(S3XmlException.class)
          .hasMessage("malformed XML: the body is not UTF-8");
      byte[] inProlog = {(byte) 0xff, '<', 'E', 'r', 'r', 'o', 'r', '/', '>'};
      assertThatThrownBy(() -> S3Xml.readError(inProlog)).isInstanceOf(S3XmlException.class);
    } finally {
      System.setErr(saved);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  // The JDK 17 parser prints its end-of-document EOFException's stack trace for a DOCTYPE whose
  // internal subset is cut short (361 lines in one 300 s fuzzing run): refused before it parses.
  @Test
  void aDoctypeIsRefusedBeforeTheParserCanPrintAnything() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream savedErr = System.err;
    PrintStream savedOut = System.out;
    PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      for (String doc : new String[] {"<!DOCTYPE a [", "\ufeff <?xml version='1.0'?>\n<!-- c --><!DOCTYPE Error [<!ENTITY x",
          "<?pi x?><!DOCTYPE a SYSTEM 'http://example.com/'><Error/>"}) {
        assertThatThrownBy(() -> S3Xml.readError(doc.getBytes(StandardCharsets.UTF_8)))
            .as(doc)
            .isInstanceOf(S3XmlException.class)
            .hasMessage("malformed XML: DTDs are not allowed");
      }
    } finally {
      System.setErr(savedErr);
      System.setOut(savedOut);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void doctypeTextOutsideThePrologIsNotADoctype() {
    String doc = "<!-- <!DOCTYPE x> --><Error><Code>A</Code><Message><![CDATA[<!DOCTYPE y>]]></Message></Error>";
    assertThat(S3Xml.readError(doc.getBytes(StandardCharsets.UTF_8)).message()).isEqualTo("<!DOCTYPE y>");
  }

  @Test
  void aUtf8ByteOrderMarkIsSkipped() {
    byte[] doc = "\ufeff<Error><Code>NoSuchKey</Code><Message>caf\u00e9</Message></Error>".getBytes(StandardCharsets.UTF_8);
    assertThat(S3Xml.readError(doc).message()).isEqualTo("caf\u00e9");
  }
}
