package io.s3wire.server.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON reader of fault rules and policies: the value types callers rely on, and errors that say where. */
class MiniJsonTest {
  @Test
  void valuesKeepTheTypesAndOrderCallersRelyOn() {
    Object v = MiniJson.parse(" {\"b\": 1, \"a\": [true, false, null, 2.5, \"x\\u00e9\\n\"], \"n\": 9007199254740993} ");
    assertThat(v).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    assertThat(m.keySet()).containsExactly("b", "a", "n");
    assertThat(m.get("b")).isEqualTo(1L);
    assertThat(m.get("n")).isEqualTo(9007199254740993L);
    assertThat(m.get("a")).isEqualTo(Arrays.<Object>asList(true, false, null, 2.5, "x\u00e9\n"));
  }

  @Test
  void malformedTextIsAnErrorNamingWhereAndWhat() {
    assertThatThrownBy(() -> MiniJson.parse("[{\"millis\": }]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JSON at offset 12 (line 1, column 13): Unexpected character ('}'");
    assertThatThrownBy(() -> MiniJson.parse("[1] [2]")).hasMessage("invalid JSON at offset 4 (line 1, column 5): trailing characters");
    assertThatThrownBy(() -> MiniJson.parse("   ")).hasMessageContaining("unexpected end");
    assertThatThrownBy(() -> MiniJson.parse("{\"a\": \"open")).hasMessageStartingWith("invalid JSON at offset")
        .hasMessageContaining("end-of-input");
    assertThatThrownBy(() -> MiniJson.parse("[123456789012345678901234567890]"))
        .hasMessageContaining("the number 123456789012345678901234567890 does not fit in 64 bits");
  }
}
