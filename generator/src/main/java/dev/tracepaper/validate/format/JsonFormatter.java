package dev.tracepaper.validate.format;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.ValidationReport;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON document for scripts: {@code {"valid", "failOn", "summary": {…}, "diagnostics": [{id,
 * severity, file, line, column, message, hint, related}]}}. Its shape is documented in docs/cli.md.
 */
public final class JsonFormatter implements DiagnosticFormatter {

  private final Severity failOn;

  /** {@code valid} as {@code --fail-on error} judges. */
  public JsonFormatter() {
    this(Severity.ERROR);
  }

  /** {@code valid} is false exactly when a diagnostic is at or above {@code failOn}. */
  public JsonFormatter(Severity failOn) {
    this.failOn = failOn;
  }

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Override
  public String format(ValidationReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("valid", report.valid(failOn));
    root.put("failOn", failOn.name().toLowerCase(java.util.Locale.ROOT));
    ObjectNode summary = root.putObject("summary");
    summary.put("errors", report.count(Severity.ERROR));
    summary.put("warnings", report.count(Severity.WARNING));
    summary.put("notes", report.count(Severity.NOTE));
    summary.put("files", report.model().sources().size());
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : report.diagnostics()) {
      ObjectNode item = list.addObject();
      item.put("id", d.id());
      item.put("severity", d.severity().name());
      putLocation(item, d.location());
      item.put("message", d.message());
      if (d.hasHint()) {
        item.put("hint", d.hint());
      }
      if (!d.related().isEmpty()) {
        ArrayNode related = item.putArray("related");
        d.related().forEach(r -> putLocation(related.addObject(), r));
      }
    }
    return MAPPER.writeValueAsString(root) + "\n";
  }

  private static void putLocation(ObjectNode node, SourceLocation location) {
    node.put("file", location.file());
    if (location.line() > 0) {
      node.put("line", location.line());
      node.put("column", location.column());
    }
  }
}
