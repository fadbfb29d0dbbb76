package io.s3wire.cli.commands;

import io.s3wire.CustomerKey;
import io.s3wire.ObjectAcl;
import io.s3wire.ServerSideEncryption;
import io.s3wire.error.ClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The request features {@code cp} and {@code mv} write objects with: encryption, tags, ACL and the
 * content headers that {@link CopyCommandBase} does not already take. Bad input is an {@link
 * IllegalArgumentException} naming the option; the SSE-C key file's bytes are never printed.
 */
final class WriteOptions {
  @Option(names = "--sse", paramLabel = "AES256|aws:kms", description = "Server-side encryption with the server's keys.")
  String sse;

  @Option(names = "--sse-kms-key-id", paramLabel = "ID", description = "The KMS key for --sse aws:kms (default: the account's).")
  String kmsKeyId;

  @Option(names = "--sse-c-key-file", paramLabel = "FILE",
      description = "Encrypt with your own key (SSE-C): FILE holds the raw 32-byte AES-256 key. A download reads with it"
          + " (the key the object was written with). The key is never printed.")
  Path customerKeyFile;

  @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "An object tag; repeatable (at most 10).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--acl", paramLabel = "ACL", description = "A canned ACL, e.g. private, public-read, bucket-owner-full-control.")
  String acl;

  @Option(names = "--content-disposition", paramLabel = "VALUE", description = "Content-Disposition of the written objects.")
  String contentDisposition;

  @Option(names = "--content-encoding", paramLabel = "VALUE", description = "Content-Encoding of the written objects (stored, bytes unchanged).")
  String contentEncoding;

  @Option(names = "--cache-control", paramLabel = "VALUE", description = "Cache-Control of the written objects.")
  String cacheControl;

  /** The features given, checked; {@link WriteFeatures#NONE} when none. */
  WriteFeatures features() {
    ServerSideEncryption encryption = encryption();
    CustomerKey key = customerKey();
    if (encryption != null && key != null) {
      throw new IllegalArgumentException("--sse and --sse-c-key-file: give one kind of encryption, not both");
    }
    Map<String, String> tagMap = CopyOptions.parsePairs("--tag", tags);
    ObjectAcl objectAcl = acl == null ? null : option("--acl", () -> ObjectAcl.canned(acl));
    option("--tag", () -> io.s3wire.PutObjectRequest.of(io.s3wire.BucketKey.of("check", "check")).withTags(tagMap));
    return new WriteFeatures(encryption, key, tagMap, objectAcl, cacheControl, contentDisposition, contentEncoding);
  }

  private ServerSideEncryption encryption() {
    if (sse == null) {
      if (kmsKeyId != null) {
        throw new IllegalArgumentException("--sse-kms-key-id needs --sse aws:kms");
      }
      return null;
    }
    return switch (sse) {
      case "AES256" -> {
        if (kmsKeyId != null) {
          throw new IllegalArgumentException("--sse-kms-key-id needs --sse aws:kms, not AES256");
        }
        yield ServerSideEncryption.s3();
      }
      case "aws:kms" -> kmsKeyId == null ? ServerSideEncryption.kms() : option("--sse-kms-key-id",
          () -> ServerSideEncryption.kms(kmsKeyId));
      default -> throw new IllegalArgumentException("--sse must be AES256 or aws:kms, not '" + sse + "'");
    };
  }

  private CustomerKey customerKey() {
    if (customerKeyFile == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(customerKeyFile);
    } catch (IOException e) {
      throw new IllegalArgumentException("--sse-c-key-file: cannot read " + customerKeyFile + " ("
          + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException("--sse-c-key-file must hold exactly 32 bytes (a raw AES-256 key); "
          + customerKeyFile + " holds " + bytes.length);
    }
    return CustomerKey.of(bytes);
  }

  /** Runs {@code make}, turning the core's refusal into one line that names {@code option}. */
  static <T> T option(String option, Supplier<T> make) {
    try {
      return make.get();
    } catch (ClientException e) {
      // The core names its field ("acl: ..."); the user typed the option, so that is the name shown.
      String rule = e.getMessage().startsWith(e.subject() + ": ")
          ? e.getMessage().substring(e.subject().length() + 2) : e.getMessage();
      throw new IllegalArgumentException(option + ": " + rule, e);
    }
  }
}
