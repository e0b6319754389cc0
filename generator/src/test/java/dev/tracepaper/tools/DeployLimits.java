package dev.tracepaper.tools;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.security.SamTemplate;
import dev.tracepaper.security.SamTemplate.Intrinsic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits AWS checks only when a project is deployed, which cfn-lint cannot see (they depend on
 * values resolved at deployment, or on the template as a whole), measured on the templates of a
 * generated project. A value an intrinsic resolves to is counted at its longest (a table name of
 * 255, a stack name of 128, an ARN of 320), so a measure within its limit holds for every stack
 * name, region and account. docs/generated-infrastructure.md ("Limits at deployment") lists them.
 */
public final class DeployLimits {

  /** A template body read from S3 ({@code sam deploy} uploads the root and each nested stack). */
  public static final long TEMPLATE_BYTES = 1_000_000;

  /** What {@code sam package} may add to a local path it replaces by an S3 URI. */
  static final int PACKAGED_PATH = 128;

  public static final long RESOURCES = 500;
  public static final long OUTPUTS = 200;
  public static final long PARAMETERS = 200;
  public static final long MAPPINGS = 200;
  public static final long DESCRIPTION_BYTES = 1024;
  public static final long DYNAMIC_REFERENCES = 60;

  /** The inline policies of one IAM role together, counted without white space. */
  public static final long ROLE_POLICIES = 10_240;

  /** The environment variables of one Lambda function together, names and values. */
  public static final long ENVIRONMENT_BYTES = 4096;

  private static final int ARN = 320;
  private static final int NAME = 256;
  private static final Map<String, Integer> PSEUDO =
      Map.of(
          "AWS::StackName", 128,
          "AppName", 128,
          "AWS::Region", 16,
          "AWS::Partition", 10,
          "AWS::AccountId", 12,
          "AWS::URLSuffix", 20);

  private static final Pattern LOCAL_PATH =
      Pattern.compile("(?m)^\\s+(CodeUri|CodeS3Location|DefinitionS3Location|Location): ");
  private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  /**
   * One measure of one template.
   *
   * @param template the template's path in the project
   * @param what what is measured ({@code environment of ProjectorFunction})
   * @param value its size or count
   * @param limit AWS's limit
   */
  public record Measure(String template, String what, long value, long limit) {
    public boolean within() {
      return value <= limit;
    }

    @Override
    public String toString() {
      return "%s: %s is %,d (limit %,d)".formatted(template, what, value, limit);
    }
  }

  private DeployLimits() {}

  /** Every measure of every template of {@code project}. */
  public static List<Measure> of(Path project) throws IOException {
    List<Measure> measures = new ArrayList<>();
    for (String file : ProjectTemplates.of(project)) {
      measures.addAll(of(file, Files.readString(project.resolve(file), UTF_8)));
    }
    return measures;
  }

  /** The measures of one template, {@code text}, shown as {@code file}. */
  public static List<Measure> of(String file, String text) {
    List<Measure> measures = new ArrayList<>();
    SamTemplate template = SamTemplate.parse(text);
    long packaged = text.getBytes(UTF_8).length + PACKAGED_PATH * count(LOCAL_PATH, text);
    measures.add(new Measure(file, "bytes once packaged", packaged, TEMPLATE_BYTES));
    measures.add(new Measure(file, "resources", TemplateResources.resources(text), RESOURCES));
    measures.add(new Measure(file, "outputs", template.section("Outputs").size(), OUTPUTS));
    measures.add(
        new Measure(file, "parameters", template.section("Parameters").size(), PARAMETERS));
    measures.add(new Measure(file, "mappings", template.section("Mappings").size(), MAPPINGS));
    measures.add(new Measure(file, "description bytes", descriptionBytes(text), DESCRIPTION_BYTES));
    measures.add(
        new Measure(
            file,
            "dynamic references",
            count(Pattern.compile("\\{\\{resolve:"), text),
            DYNAMIC_REFERENCES));
    Map<String, Object> globals = map(map(template.section("Globals").get("Function")));
    long globalEnvironment = environment(globals);
    for (Map.Entry<String, Map<String, Object>> resource : template.resources().entrySet()) {
      String id = resource.getKey();
      Map<String, Object> properties = map(resource.getValue().get("Properties"));
      switch (String.valueOf(resource.getValue().get("Type"))) {
        case "AWS::Serverless::Function" -> {
          measures.add(
              new Measure(
                  file,
                  "environment of " + id,
                  globalEnvironment + environment(properties),
                  ENVIRONMENT_BYTES));
          long policies = samPolicies(properties);
          if (properties.containsKey("EventInvokeConfig")) {
            // SAM gives the role sendMessage on the destination queue, an inline policy too.
            policies += length(Map.of("Statement", List.of(Map.of("Resource", ARN_VALUE))));
          }
          measures.add(
              new Measure(file, "inline policies of " + id + "Role", policies, ROLE_POLICIES));
        }
        case "AWS::Serverless::StateMachine" -> {
          // SAM gives a state machine with Policies and no Role a role holding them inline.
          measures.add(
              new Measure(
                  file,
                  "inline policies of " + id + "Role",
                  samPolicies(properties),
                  ROLE_POLICIES));
        }
        case "AWS::IAM::Role" -> {
          long policies = 0;
          for (Object policy : list(properties.get("Policies"))) {
            policies += length(map(policy).get("PolicyDocument"));
            policies += String.valueOf(map(policy).get("PolicyName")).length();
          }
          measures.add(new Measure(file, "inline policies of " + id, policies, ROLE_POLICIES));
        }
        default -> {}
      }
    }
    return measures;
  }

  private static final Intrinsic ARN_VALUE = new Intrinsic("GetAtt", "Queue.Arn");

  /** The policy documents of a SAM function's or state machine's {@code Policies}, resolved. */
  private static long samPolicies(Map<String, Object> properties) {
    long policies = 0;
    for (Object policy : list(properties.get("Policies"))) {
      policies += policy instanceof Map<?, ?> document ? length(document) : 0;
    }
    return policies;
  }

  private static long descriptionBytes(String text) {
    Matcher m = Pattern.compile("(?m)^Description: (.*)$").matcher(text);
    return m.find() ? m.group(1).getBytes(UTF_8).length : 0;
  }

  private static long environment(Map<String, Object> function) {
    Map<String, Object> variables = map(map(function.get("Environment")).get("Variables"));
    long bytes = 0;
    for (Map.Entry<String, Object> variable : variables.entrySet()) {
      bytes += variable.getKey().getBytes(UTF_8).length + length(variable.getValue());
    }
    return bytes;
  }

  /**
   * The length of a value as AWS sees it once resolved: a map or list as compact JSON, a string as
   * its UTF-8 bytes, an intrinsic as the longest value it can have.
   */
  static long length(Object value) {
    if (value instanceof Intrinsic intrinsic) {
      String argument = String.valueOf(intrinsic.argument());
      return switch (intrinsic.function()) {
        case "Ref" -> PSEUDO.getOrDefault(argument, argument.endsWith(".Alias") ? ARN : NAME) + 2;
        case "Sub" -> sub(argument) + 2;
        default -> ARN + 2;
      };
    }
    if (value instanceof Map<?, ?> map) {
      long length = 2;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        length += String.valueOf(entry.getKey()).length() + 3 + length(entry.getValue()) + 1;
      }
      return length;
    }
    if (value instanceof List<?> list) {
      long length = 2;
      for (Object item : list) {
        length += length(item) + 1;
      }
      return length;
    }
    return String.valueOf(value).getBytes(UTF_8).length + 2;
  }

  private static long sub(String text) {
    Matcher m = SUB_REFERENCE.matcher(text);
    long length = 0;
    int last = 0;
    while (m.find()) {
      length += text.substring(last, m.start()).getBytes(UTF_8).length;
      String name = m.group(1);
      length += PSEUDO.getOrDefault(name, name.contains(".") ? ARN : NAME);
      last = m.end();
    }
    return length + text.substring(last).getBytes(UTF_8).length;
  }

  private static long count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    long count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
  }
}
