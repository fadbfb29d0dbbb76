package io.s3wire.cli.doctor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the doctor's document (maps, lists, strings, numbers, booleans, null) on one line through
 * jackson-jr. Besides JSON's required escapes, DEL and the line and paragraph separators U+2028 and
 * U+2029 are escaped, so the text can be embedded in a script or a log line as it is.
 */
final class Json {
  private static final JSON WRITER = JSON.builder(factory())
      .enable(JSON.Feature.FAIL_ON_UNKNOWN_TYPE_WRITE, JSON.Feature.WRITE_NULL_PROPERTIES)
      .disable(JSON.Feature.HANDLE_JAVA_BEANS)
      .build();

  private Json() {}

  /**
   * The JSON text of {@code value}.
   *
   * @throws IllegalArgumentException for a value that is not a map, list, string, number, boolean or null
   */
  static String write(Object value) {
    try {
      return WRITER.asString(value);
    } catch (com.fasterxml.jackson.jr.ob.JSONObjectException e) {
      throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to a String does no I/O
    }
  }

  private static JsonFactory factory() {
    JsonFactory f = new JsonFactory();
    f.setCharacterEscapes(new SeparatorEscapes());
    return f;
  }

  /** JSON's standard escapes plus DEL, U+2028 and U+2029 as {@code \\uXXXX}. */
  private static final class SeparatorEscapes extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();
    private static final SerializableString LINE = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH = new SerializedString("\\u2029");

    static {
      ASCII[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 ? LINE : ch == 0x2029 ? PARAGRAPH : null;
    }
  }
}
