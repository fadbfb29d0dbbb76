package io.s3wire.server.internal.s3;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the flexible-checksum headers of a request and refuses what S3 refuses, with S3's messages:
 * the value headers ({@code x-amz-checksum-crc32}...), {@code x-amz-sdk-checksum-algorithm},
 * {@code x-amz-trailer}, {@code x-amz-checksum-algorithm}, {@code -type} and {@code -mode}.
 */
final class ChecksumHeaders {
  static final String ALGORITHM = "x-amz-checksum-algorithm";
  static final String TYPE = "x-amz-checksum-type";
  static final String MODE = "x-amz-checksum-mode";
  static final String SDK_ALGORITHM = "x-amz-sdk-checksum-algorithm";
  static final String TRAILER = "x-amz-trailer";
  /** The {@code x-amz-checksum-} headers that carry no value. */
  private static final Set<String> NOT_VALUES = Set.of(ALGORITHM, TYPE, MODE);

  private ChecksumHeaders() {}

  /**
   * The checksum a PutObject or UploadPart body claims: its algorithm and, unless it comes in an
   * aws-chunked trailer, its value.
   */
  record Claim(ChecksumAlgorithm algorithm, byte[] headerValue) {
    boolean inTrailer() {
      return headerValue == null;
    }
  }

  /**
   * What the body of a PutObject or UploadPart claims, checked as S3 checks it before reading the
   * body; {@code null} when it claims nothing.
   *
   * @throws S3ErrorException InvalidRequest for a malformed value, an unknown algorithm, two
   *     checksums (headers, or a header and a trailer), or an {@code x-amz-sdk-checksum-algorithm}
   *     that names another algorithm than the value or none at all
   */
  static Claim claim(S3Call call) {
    Map<ChecksumAlgorithm, String> values = values(call);
    String sdkValue = call.header(SDK_ALGORITHM);
    ChecksumAlgorithm sdk = sdkValue == null ? null : algorithm(sdkValue);
    ChecksumAlgorithm trailer = trailer(call);
    if (!values.isEmpty() && trailer != null) {
      throw multiple();
    }
    if (sdk != null && values.isEmpty() && trailer == null) {
      throw invalid("x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer"
          + " headers were found.");
    }
    if (trailer != null) {
      if (sdk != null && sdk != trailer) {
        throw invalidValue(SDK_ALGORITHM);
      }
      return new Claim(trailer, null);
    }
    if (values.isEmpty()) {
      return null;
    }
    Map.Entry<ChecksumAlgorithm, String> only = values.entrySet().iterator().next();
    byte[] value = value(only.getKey(), only.getValue(), only.getKey().headerName() + " header");
    if (sdk != null && sdk != only.getKey()) {
      throw invalidValue(SDK_ALGORITHM);
    }
    return new Claim(only.getKey(), value);
  }

  /**
   * The value headers of a request by algorithm, at most one.
   *
   * @throws S3ErrorException InvalidRequest for a header of no known algorithm or for two of them
   *     (or the same twice)
   */
  static Map<ChecksumAlgorithm, String> values(S3Call call) {
    Map<ChecksumAlgorithm, String> values = new EnumMap<>(ChecksumAlgorithm.class);
    int count = 0;
    for (Map.Entry<String, String> h : call.requestHeaders()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (!name.startsWith("x-amz-checksum-") || NOT_VALUES.contains(name)) {
        continue;
      }
      ChecksumAlgorithm a = ChecksumAlgorithm.forHeader(name);
      if (a == null) {
        throw invalid("The algorithm type you specified in x-amz-checksum- header is invalid.");
      }
      values.put(a, h.getValue());
      count++;
    }
    if (count > 1) {
      throw multiple();
    }
    return values;
  }

  /** The checksum the {@code x-amz-trailer} header announces; {@code null} without one. */
  private static ChecksumAlgorithm trailer(S3Call call) {
    String declared = call.header(TRAILER);
    if (declared == null || declared.isBlank()) {
      return null;
    }
    ChecksumAlgorithm a = ChecksumAlgorithm.forHeader(declared);
    if (a == null) {
      throw invalid("The value specified in the x-amz-trailer header is not supported");
    }
    return a;
  }

  /**
   * The value of a claim that came in a trailer, once the body was read to its end.
   *
   * @throws S3ErrorException MalformedTrailerError when the announced trailer did not come,
   *     InvalidRequest when its value is malformed
   */
  static byte[] trailerValue(S3Call call, ChecksumAlgorithm algorithm) {
    String value = call.trailers.get(algorithm.headerName());
    if (value == null) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_TRAILER_ERROR);
    }
    return value(algorithm, value, algorithm.headerName() + " trailing header");
  }

  /** A value in S3's form, parsed; InvalidRequest "Value for {@code where} is invalid." otherwise. */
  static byte[] value(ChecksumAlgorithm algorithm, String value, String where) {
    try {
      return algorithm.parse(value.trim());
    } catch (IllegalArgumentException e) {
      throw invalid("Value for " + where + " is invalid.");
    }
  }

  /** The algorithm an {@code x-amz-checksum-algorithm} (or SDK) header names; InvalidRequest for another. */
  static ChecksumAlgorithm algorithm(String name) {
    ChecksumAlgorithm a = ChecksumAlgorithm.forName(name);
    if (a == null) {
      throw invalid("Checksum algorithm provided is unsupported. Please try again with any of the valid types: "
          + Arrays.stream(ChecksumAlgorithm.values()).map(Enum::name).collect(Collectors.joining(", ", "[", "]")));
    }
    return a;
  }

  /** The {@code x-amz-checksum-type} header; {@code null} without one, InvalidRequest for another value. */
  static ChecksumType type(S3Call call) {
    String value = call.header(TYPE);
    if (value == null) {
      return null;
    }
    ChecksumType type = ChecksumType.parse(value);
    if (type == null) {
      throw invalidValue(TYPE);
    }
    return type;
  }

  /** Whether a GET or HEAD asks for the stored checksum ({@code x-amz-checksum-mode: ENABLED}). */
  static boolean modeEnabled(S3Call call) {
    String mode = call.header(MODE);
    if (mode == null) {
      return false;
    }
    if (!mode.trim().equalsIgnoreCase("ENABLED")) {
      throw invalidValue(MODE);
    }
    return true;
  }

  /** InvalidRequest "Value for {@code header} header is invalid." */
  static S3ErrorException invalidValue(String header) {
    return invalid("Value for " + header + " header is invalid.");
  }

  static S3ErrorException multiple() {
    return invalid("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
  }

  static S3ErrorException invalid(String message) {
    return new S3ErrorException(S3ErrorCode.INVALID_REQUEST, message);
  }

  /** BadDigest "The CRC32 you specified did not match the calculated checksum." */
  static S3ErrorException badDigest(ChecksumAlgorithm algorithm) {
    return new S3ErrorException(S3ErrorCode.BAD_DIGEST,
        "The " + algorithm.name() + " you specified did not match the calculated checksum.");
  }
}
