package io.s3wire.cli.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} document; its schema is docs/doctor-schema.json (schemaVersion 1). */
public final class JsonRenderer {
  private JsonRenderer() {}

  public static String render(DoctorReport r) {
    Measurements m = r.measurements();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 1);
    doc.put("headline", r.headline());
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("endpoint", m.target().endpoint().toString());
    target.put("bucket", m.target().bucket());
    target.put("region", m.target().region());
    target.put("embedded", m.target().embedded() != null);
    target.put("prefix", m.prefix());
    doc.put("target", target);
    List<Object> cells = new ArrayList<>();
    for (Cell c : m.cells()) {
      cells.add(cell(c));
    }
    doc.put("cells", cells);
    Map<String, Object> probes = new LinkedHashMap<>();
    m.probes().forEach((name, o) -> probes.put(name, outcome(o)));
    doc.put("probes", probes);
    List<Object> findings = new ArrayList<>();
    for (Finding f : r.findings()) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("id", f.id());
      j.put("severity", f.severity());
      j.put("title", f.title());
      j.put("whatFails", f.whatFails());
      j.put("differs", f.differs());
      j.put("evidence", f.evidence());
      j.put("cause", f.cause());
      j.put("fixes", f.fixes());
      j.put("source", f.source());
      findings.add(j);
    }
    doc.put("findings", findings);
    doc.put("verdict", r.verdict());
    doc.put("cleanup", m.cleanup().lines());
    doc.put("millis", r.millis());
    return Json.write(doc);
  }

  private static Map<String, Object> cell(Cell c) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("tls", c.route().tlsName());
    j.put("alpn", c.alpn());
    j.put("http", c.route().http());
    j.put("shape", c.shape().id());
    j.put("operation", c.operation().id());
    j.put("ran", c.ran());
    j.put("skipped", c.skipped());
    j.put("passed", c.passed());
    j.put("outcome", c.ran() ? outcome(c.outcome()) : null);
    return j;
  }

  private static Map<String, Object> outcome(Outcome o) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("protocol", o.protocol() == null ? null : o.protocol().alpnId());
    j.put("status", o.status() == 0 ? null : o.status());
    j.put("server", o.server());
    j.put("h2Error", o.h2Error());
    j.put("s3Error", o.s3Error());
    j.put("transportError", o.transportKind() == null ? null : o.transportKind().name());
    j.put("result", o.result());
    j.put("message", o.describe());
    j.put("millis", o.millis());
    j.put("trace", o.trace());
    return j;
  }
}
