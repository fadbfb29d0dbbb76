package io.s3wire.xml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import io.s3wire.xml.internal.XmlCursor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes every S3 XML document the client reads, and the hardened {@link XmlCursor} under them: each
 * reader returns a document or throws {@link S3XmlException}; a document read and written back reads
 * as the same document; no input makes a reader allocate beyond {@link FuzzChecks}' budget (DTDs and
 * entities are refused, so no expansion). Seeds: {@code S3XmlFuzzTestInputs/documents/}.
 */
class S3XmlFuzzTest {
  private static final List<Class<? extends Throwable>> TYPED = List.of(S3XmlException.class);

  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  /** One document type: its reader and its writer. */
  private record Doc<T>(String name, Function<byte[], T> read, Function<T, byte[]> write) {
    void check(byte[] input) {
      T doc = FuzzChecks.valueOrTyped(input.length, TYPED, () -> read.apply(input));
      if (doc == null) {
        return;
      }
      byte[] written = FuzzChecks.valueOrTyped(input.length, TYPED, () -> write.apply(doc));
      if (written == null) {
        return; // a value XML 1.0 cannot carry: refused with the typed error, as documented
      }
      assertThat(read.apply(written)).as("%s read back after writing", name).isEqualTo(doc);
    }
  }

  private static final List<Doc<?>> DOCUMENTS = List.of(
      new Doc<>("Error", S3Xml::readError, S3Xml::write),
      new Doc<>("ListAllMyBucketsResult", S3Xml::readListAllMyBucketsResult, S3Xml::write),
      new Doc<>("ListBucketResult", S3Xml::readListBucketResult, S3Xml::write),
      new Doc<>("ListVersionsResult", S3Xml::readListVersionsResult, S3Xml::write),
      new Doc<>("InitiateMultipartUploadResult", S3Xml::readInitiateMultipartUploadResult, S3Xml::write),
      new Doc<>("CompleteMultipartUpload", S3Xml::readCompleteMultipartUpload, S3Xml::write),
      new Doc<>("CompleteMultipartUploadResult", S3Xml::readCompleteMultipartUploadResult, S3Xml::write),
      new Doc<>("ListPartsResult", S3Xml::readListPartsResult, S3Xml::write),
      new Doc<>("ListMultipartUploadsResult", S3Xml::readListMultipartUploadsResult, S3Xml::write),
      new Doc<>("CopyObjectResult", S3Xml::readCopyObjectResult, S3Xml::write),
      new Doc<>("CopyPartResult", S3Xml::readCopyPartResult, S3Xml::write),
      new Doc<>("GetObjectAttributesResult", S3Xml::readGetObjectAttributesResult, S3Xml::write),
      new Doc<>("Delete", S3Xml::readDeleteRequest, S3Xml::write),
      new Doc<>("DeleteResult", S3Xml::readDeleteResult, S3Xml::write),
      new Doc<>("CreateBucketConfiguration", S3Xml::readCreateBucketConfiguration, S3Xml::write),
      new Doc<>("LocationConstraint", S3Xml::readLocationConstraint, S3Xml::write),
      new Doc<>("VersioningConfiguration", S3Xml::readVersioningConfiguration, S3Xml::write));

  @FuzzTest(maxDuration = "60s")
  void documents(byte[] input) {
    EXECUTIONS.ran();
    FuzzChecks.valueOrTyped(input.length, TYPED, () -> {
      try (XmlCursor c = XmlCursor.open(input)) {
        walk(c);
      }
      return null;
    });
    FuzzChecks.valueOrTyped(input.length, TYPED, () -> S3Xml.rootElement(input));
    for (Doc<?> doc : DOCUMENTS) {
      doc.check(input);
    }
  }

  // Every element, the way the readers move: leaf text where there is some, children otherwise.
  private static void walk(XmlCursor c) {
    while (c.nextChild()) {
      if (c.leafTextOrNull() == null) {
        continue; // leafTextOrNull skipped the subtree
      }
    }
  }
}
