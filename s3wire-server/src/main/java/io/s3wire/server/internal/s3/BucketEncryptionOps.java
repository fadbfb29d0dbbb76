package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.S3XmlException;
import io.s3wire.xml.internal.XmlCursor;
import io.s3wire.xml.internal.XmlOut;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Bucket default encryption: Put/Get/DeleteBucketEncryption ({@code ?encryption} on a bucket), kept
 * through the store's bucket configuration API under the name {@value #NAME}.
 *
 * <p>As S3 has it since 2023, every bucket has a default: without a stored configuration (never put,
 * or deleted) GetBucketEncryption answers SSE-S3 rather than
 * ServerSideEncryptionConfigurationNotFoundError. As S3 has it for buckets created since April
 * 2026, that default also blocks SSE-C writes ({@code BlockedEncryptionTypes} SSE-C); a
 * configuration with {@code <EncryptionType>NONE</EncryptionType>} allows them. A PutBucketEncryption
 * that leaves {@code BlockedEncryptionTypes} out keeps the bucket's current setting.
 */
final class BucketEncryptionOps {
  static final String NAME = "encryption";

  /** A bucket's default encryption: its algorithm, KMS key and bucket-key flag, and whether SSE-C is blocked. */
  record Config(String algorithm, String kmsKeyId, boolean bucketKeyEnabled, boolean blocksCustomerKeys) {}

  /** What a bucket without a stored configuration has: SSE-S3, no bucket key, SSE-C blocked. */
  static final Config DEFAULT = new Config("AES256", null, false, true);

  private BucketEncryptionOps() {}

  static boolean isKms(String algorithm) {
    return "aws:kms".equals(algorithm) || "aws:kms:dsse".equals(algorithm);
  }

  /** The bucket's configuration, or {@link #DEFAULT}; also the default when the store keeps no configuration. */
  static Config config(S3Call call) throws IOException {
    Optional<byte[]> doc;
    try {
      doc = call.store().bucketConfig(call.bucket, NAME);
    } catch (S3ErrorException e) {
      if (e.code() == S3ErrorCode.NOT_IMPLEMENTED) {
        return DEFAULT;
      }
      throw e;
    }
    return doc.isPresent() ? parse(doc.get(), DEFAULT) : DEFAULT;
  }

  static void putBucketEncryption(S3Call call) throws IOException {
    call.requireBucket();
    byte[] body = XmlIn.readBody(call.body, XmlIn.MAX_BODY);
    Config config = parse(body, config(call));
    call.store().putBucketConfig(call.bucket, NAME, write(config));
    call.respond(200, call.responseHeaders());
  }

  static void getBucketEncryption(S3Call call) throws IOException {
    call.requireBucket();
    call.xml(write(config(call)));
  }

  static void deleteBucketEncryption(S3Call call) throws IOException {
    call.requireBucket();
    call.store().deleteBucketConfig(call.bucket, NAME);
    call.respond(204, call.responseHeaders());
  }

  static byte[] write(Config c) {
    XmlOut out = XmlOut.document("ServerSideEncryptionConfiguration").start("Rule")
        .start("ApplyServerSideEncryptionByDefault").leaf("SSEAlgorithm", c.algorithm())
        .leaf("KMSMasterKeyID", c.kmsKeyId()).end("ApplyServerSideEncryptionByDefault")
        .leaf("BucketKeyEnabled", c.bucketKeyEnabled())
        .start("BlockedEncryptionTypes").leaf("EncryptionType", c.blocksCustomerKeys() ? "SSE-C" : "NONE")
        .end("BlockedEncryptionTypes");
    return out.end("Rule").finish("ServerSideEncryptionConfiguration");
  }

  /**
   * A {@code ServerSideEncryptionConfiguration} with one rule, validated as S3 validates it:
   * MalformedXML for a document off the schema (an unknown algorithm or encryption type, no rule
   * or more than one), InvalidArgument for a KMS key with SSE-S3. {@code current} supplies what the
   * document leaves out.
   */
  static Config parse(byte[] body, Config current) {
    Config rule = null;
    try (XmlCursor c = XmlCursor.open(body)) {
      c.requireRoot("ServerSideEncryptionConfiguration");
      while (c.nextChild()) {
        if (!c.name().equals("Rule") || rule != null) {
          throw malformed();
        }
        rule = rule(c, current);
      }
    } catch (S3XmlException | IllegalArgumentException e) {
      throw malformed();
    }
    if (rule == null) {
      throw malformed();
    }
    return rule;
  }

  private static Config rule(XmlCursor c, Config current) {
    String algorithm = null;
    String keyId = null;
    boolean bucketKey = false;
    Boolean blocks = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "ApplyServerSideEncryptionByDefault" -> {
          while (c.nextChild()) {
            switch (c.name()) {
              case "SSEAlgorithm" -> algorithm = c.text().trim();
              case "KMSMasterKeyID" -> keyId = c.text().trim();
              default -> throw malformed();
            }
          }
          if (algorithm == null) {
            throw malformed();
          }
        }
        case "BucketKeyEnabled" -> bucketKey = bool(c.text().trim());
        case "BlockedEncryptionTypes" -> {
          while (c.nextChild()) {
            if (!c.name().equals("EncryptionType")) {
              throw malformed();
            }
            String type = c.text().trim();
            boolean block = switch (type) {
              case "SSE-C" -> true;
              case "NONE" -> false;
              default -> throw malformed();
            };
            if (blocks != null && blocks != block) {
              throw malformed();
            }
            blocks = block;
          }
        }
        default -> throw malformed();
      }
    }
    if (algorithm == null) {
      algorithm = "AES256";
    }
    if (!algorithm.equals("AES256") && !isKms(algorithm)) {
      throw malformed();
    }
    if (keyId != null && !isKms(algorithm)) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT,
          "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse",
          Map.of("ArgumentName", "ApplyServerSideEncryptionByDefault"));
    }
    return new Config(algorithm, keyId == null || keyId.isEmpty() ? null : keyId, bucketKey,
        blocks != null ? blocks : current.blocksCustomerKeys());
  }

  private static boolean bool(String v) {
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw malformed();
    };
  }

  private static S3ErrorException malformed() {
    return new S3ErrorException(S3ErrorCode.MALFORMED_XML);
  }
}
