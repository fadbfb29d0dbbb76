package io.s3wire.server.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.bucketconfig.BucketPolicy;
import io.s3wire.server.internal.bucketconfig.BucketTagging;
import io.s3wire.server.internal.bucketconfig.CorsRules;
import io.s3wire.server.internal.bucketconfig.LifecycleRules;
import io.s3wire.server.internal.bucketconfig.ObjectLockConfiguration;
import io.s3wire.server.internal.bucketconfig.OwnershipControls;
import io.s3wire.server.internal.bucketconfig.PublicAccessBlock;
import io.s3wire.xml.S3Xml;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the documents the server reads from request bodies: CompleteMultipartUpload and Delete
 * ({@link XmlIn}), object Tagging, AccessControlPolicy, the encryption configuration and every bucket
 * configuration of {@code internal.bucketconfig}. Each reader returns a value or throws {@link
 * S3ErrorException} (which the server renders as S3's error, e.g. MalformedXML), within the
 * allocation budget; what is read and written back reads the same (documents, ACL grants), and a
 * stored bucket configuration is accepted again as it was stored. Seeds: {@code
 * ServerXmlFuzzTestInputs/documents/}.
 */
class ServerXmlFuzzTest {
  private static final List<Class<? extends Throwable>> TYPED = List.of(S3ErrorException.class);

  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  private static final List<UnaryOperator<byte[]>> BUCKET_CONFIGS = List.of(
      BucketPolicy::validate, BucketTagging::validate, CorsRules::validate, LifecycleRules::validate,
      ObjectLockConfiguration::validate, OwnershipControls::validate, PublicAccessBlock::validate);

  @FuzzTest(maxDuration = "60s")
  void documents(byte[] body) {
    EXECUTIONS.ran();
    int n = body.length;
    var complete = FuzzChecks.valueOrTyped(n, TYPED, () -> XmlIn.completeMultipartUpload(body));
    if (complete != null) {
      assertThat(XmlIn.completeMultipartUpload(S3Xml.write(complete))).isEqualTo(complete);
    }
    var delete = FuzzChecks.valueOrTyped(n, TYPED, () -> XmlIn.delete(body));
    if (delete != null) {
      assertThat(XmlIn.delete(S3Xml.write(delete))).isEqualTo(delete);
    }
    var grants = FuzzChecks.valueOrTyped(n, TYPED, () -> Acl.fromXml(body));
    if (grants != null) {
      assertThat(Acl.fromXml(Acl.toXml(grants, BucketOps.OWNER))).as("ACL grants written and read back").isEqualTo(grants);
    }
    FuzzChecks.valueOrTyped(n, TYPED, () -> ObjectTaggingOps.fromXml(body));
    FuzzChecks.valueOrTyped(n, TYPED, () -> BucketEncryptionOps.parse(body, BucketEncryptionOps.DEFAULT));
    for (UnaryOperator<byte[]> validate : BUCKET_CONFIGS) {
      byte[] stored = FuzzChecks.valueOrTyped(n, TYPED, () -> validate.apply(body));
      if (stored != null) {
        assertThat(FuzzChecks.valueOrTyped(stored.length, List.of(), () -> validate.apply(stored)))
            .as("a stored configuration validated again").isEqualTo(stored);
      }
    }
    FuzzChecks.valueOrTyped(n, TYPED, () -> CorsRules.read(body));
  }
}
