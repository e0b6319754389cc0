package dev.tracepaper.validate.format;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, the format GitHub code scanning reads to annotate pull requests. File paths are
 * relative to the directory tracepaper ran in ({@code %SRCROOT%}), so run it from the repository
 * root.
 */
public final class SarifFormatter implements DiagnosticFormatter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String RULES_DOC = "docs/validation-rules.md";

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final String toolVersion;
  private final Severity failOn;
  private final java.util.function.Function<String, String> helpUri;

  public SarifFormatter(String toolVersion) {
    this(toolVersion, Severity.ERROR);
  }

  /** The invocation records the run's verdict against {@code failOn} and its exit code. */
  public SarifFormatter(String toolVersion, Severity failOn) {
    this(toolVersion, failOn, id -> RULES_DOC + "#" + id.toLowerCase());
  }

  /**
   * Each rule's {@code helpUri} given by {@code helpUri}: findings of {@code tracepaper diff} are
   * documented in another catalogue than the validation rules.
   */
  public SarifFormatter(
      String toolVersion, Severity failOn, java.util.function.Function<String, String> helpUri) {
    this.toolVersion = toolVersion;
    this.failOn = failOn;
    this.helpUri = helpUri;
  }

  @Override
  public String format(ValidationReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "tracepaper");
    driver.put("version", toolVersion);
    driver.put("semanticVersion", toolVersion.replace("-SNAPSHOT", ""));
    List<String> ruleIds = new ArrayList<>();
    report.diagnostics().stream().map(Diagnostic::id).distinct().sorted().forEach(ruleIds::add);
    ArrayNode rules = driver.putArray("rules");
    for (String id : ruleIds) {
      ObjectNode rule = rules.addObject();
      rule.put("id", id);
      rule.putObject("shortDescription").put("text", id);
      rule.put("helpUri", helpUri.apply(id));
    }
    // The verdict, as the exit code gives it (0 valid, 1 not; docs/cli.md): the analysis itself
    // succeeded either way, which is what executionSuccessful means in SARIF.
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    invocation.put("exitCode", report.valid(failOn) ? 0 : 1);
    invocation.put("exitCodeDescription", TextFormatter.summaryLine(report, failOn));
    ObjectNode originalUris = run.putObject("originalUriBaseIds");
    originalUris.putObject("%SRCROOT%").put("uri", "./");
    ArrayNode results = run.putArray("results");
    for (Diagnostic d : report.diagnostics()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", d.id());
      result.put("ruleIndex", ruleIds.indexOf(d.id()));
      result.put("level", level(d));
      String text = d.hasHint() ? d.message() + " Hint: " + d.hint() : d.message();
      result.putObject("message").put("text", text);
      putLocation(result.putArray("locations").addObject(), d.location());
      if (!d.related().isEmpty()) {
        ArrayNode related = result.putArray("relatedLocations");
        int id = 0;
        for (SourceLocation r : d.related()) {
          ObjectNode location = related.addObject();
          location.put("id", id++);
          putLocation(location, r);
          location.putObject("message").put("text", "related place");
        }
      }
    }
    return MAPPER.writeValueAsString(root) + "\n";
  }

  private static String level(Diagnostic d) {
    return switch (d.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }

  private static void putLocation(ObjectNode location, SourceLocation at) {
    ObjectNode physical = location.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", at.file());
    artifact.put("uriBaseId", "%SRCROOT%");
    if (at.line() > 0) {
      ObjectNode region = physical.putObject("region");
      region.put("startLine", at.line());
      region.put("startColumn", Math.max(1, at.column()));
    }
  }
}
