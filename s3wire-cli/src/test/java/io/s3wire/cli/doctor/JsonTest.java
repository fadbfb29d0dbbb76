package io.s3wire.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The doctor's JSON text, exactly: member order, escapes, nulls, and refusal of other types. */
class JsonTest {
  @Test
  void writesTheDocumentExactly() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("b", "quote\" back\\ nl\n tab\t ctl\u0001 del\u007f ls\u2028 ps\u2029 é");
    doc.put("a", Arrays.asList(1, 2L, true, null));
    doc.put("none", null);
    doc.put("nested", Map.of("k", List.of()));
    assertThat(Json.write(doc)).isEqualTo("{\"b\":\"quote\\\" back\\\\ nl\\n tab\\t ctl\\u0001 del\\u007F ls\\u2028 ps\\u2029 é\","
        + "\"a\":[1,2,true,null],\"none\":null,\"nested\":{\"k\":[]}}");
  }

  @Test
  void aValueThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> Json.write(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a JSON value");
  }
}
