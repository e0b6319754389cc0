package dev.tracepaper.security;

import dev.tracepaper.security.SamTemplate.Intrinsic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every permission a SAM template grants, as {@code "action on resource"} per principal (the
 * logical id of the function, role or queue policy). Whatever this reader cannot see through (a
 * managed policy, a SAM policy template, a role given to a function, a {@code Deny}, {@code
 * NotAction}) fails the read: an unread grant would pass every check unseen.
 *
 * <p>One managed policy is read: SAM gives a function with {@code Tracing: Active} the managed
 * policy {@code AWSXrayWriteOnlyAccess}, whose actions are {@link #XRAY_WRITE} on every resource
 * (X-Ray has no resource-level permissions for them).
 */
final class Grants {

  /** The actions of the managed policy {@code AWSXrayWriteOnlyAccess}. */
  static final List<String> XRAY_WRITE =
      List.of(
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords",
          "xray:GetSamplingRules",
          "xray:GetSamplingTargets",
          "xray:GetSamplingStatisticSummaries");

  private Grants() {}

  static Map<String, Set<String>> of(SamTemplate template) {
    Map<String, Set<String>> grants = new TreeMap<>();
    Object tracing = path(template.section("Globals"), "Function", "Tracing");
    template
        .resources()
        .forEach(
            (id, resource) -> {
              Object type = resource.get("Type");
              switch (String.valueOf(type)) {
                case "AWS::Serverless::Function", "AWS::Serverless::StateMachine" -> {
                  refuse(id, resource, "Role");
                  Object own = path(resource, "Properties", "Tracing");
                  if (type.equals("AWS::Serverless::Function")
                      && "Active".equals(own == null ? tracing : own)) {
                    Set<String> set = grants.computeIfAbsent(id, k -> new TreeSet<>());
                    XRAY_WRITE.forEach(action -> set.add(action + " on *"));
                  }
                  for (Object document : list(path(resource, "Properties", "Policies"))) {
                    if (!(document instanceof Map<?, ?> map) || !map.containsKey("Statement")) {
                      throw new AssertionError(id + ": a policy that is not inline: " + document);
                    }
                    statements(grants, id, map.get("Statement"));
                  }
                }
                case "AWS::IAM::Role" -> {
                  refuse(id, resource, "ManagedPolicyArns");
                  refuse(id, resource, "PermissionsBoundary");
                  for (Object policy : list(path(resource, "Properties", "Policies"))) {
                    statements(grants, id, path(policy, "PolicyDocument", "Statement"));
                  }
                }
                case "AWS::IAM::Policy" -> {
                  // Its grants are its roles'.
                  for (Object role : list(path(resource, "Properties", "Roles"))) {
                    if (!(role instanceof Intrinsic ref) || !ref.function().equals("Ref")) {
                      throw new AssertionError(id + ": a role that is not a reference: " + role);
                    }
                    statements(
                        grants,
                        String.valueOf(ref.argument()),
                        path(resource, "Properties", "PolicyDocument", "Statement"));
                  }
                }
                case "AWS::SQS::QueuePolicy" ->
                    statements(
                        grants, id, path(resource, "Properties", "PolicyDocument", "Statement"));
                default -> {
                  if (String.valueOf(type).matches("AWS::IAM::.*|.*Policy")) {
                    throw new AssertionError(id + ": a " + type + " this test does not read");
                  }
                }
              }
            });
    return grants;
  }

  private static void refuse(String id, Map<String, Object> resource, String property) {
    if (path(resource, "Properties", property) != null) {
      throw new AssertionError(id + ": " + property + " is not checked by this test");
    }
  }

  private static void statements(Map<String, Set<String>> grants, String id, Object statements) {
    for (Object statement : list(statements)) {
      Map<?, ?> map = (Map<?, ?>) statement;
      for (String key : List.of("NotAction", "NotResource", "NotPrincipal")) {
        if (map.containsKey(key)) {
          throw new AssertionError(id + ": " + key + " grants everything else");
        }
      }
      if (!"Allow".equals(map.get("Effect"))) {
        throw new AssertionError(id + ": a statement that is not an Allow: " + map);
      }
      Set<String> set = grants.computeIfAbsent(id, k -> new TreeSet<>());
      String condition = condition(id, map.get("Condition"));
      for (Object action : list(map.get("Action"))) {
        for (Object resource : list(map.get("Resource"))) {
          set.add(action + " on " + resource(resource) + condition);
        }
      }
    }
  }

  /**
   * A statement's condition as part of its grants ({@code " if ForAllValues:StringEquals
   * dynamodb:LeadingKeys [rebuild]"}), so that a grant narrowed by one is expected with it and a
   * condition removed fails; empty without. Only one operator and key: more is not read.
   */
  private static String condition(String id, Object condition) {
    if (condition == null) {
      return "";
    }
    if (!(condition instanceof Map<?, ?> operators)
        || operators.size() != 1
        || !(operators.values().iterator().next() instanceof Map<?, ?> keys)
        || keys.size() != 1) {
      throw new AssertionError(id + ": a condition this test does not read: " + condition);
    }
    Map.Entry<?, ?> key = keys.entrySet().iterator().next();
    List<String> values = list(key.getValue()).stream().map(Grants::resource).toList();
    return " if " + operators.keySet().iterator().next() + " " + key.getKey() + " " + values;
  }

  private static String resource(Object resource) {
    if (resource instanceof Intrinsic intrinsic) {
      return String.valueOf(intrinsic.argument());
    }
    if (resource instanceof String text) {
      return text;
    }
    throw new AssertionError("a resource of an unexpected form: " + resource);
  }

  /** A single value or a list, as a list; nothing as an empty list. */
  static List<?> list(Object value) {
    return value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
  }

  /** The value at a path of map keys and list indexes, or {@code null}. */
  static Object path(Object value, Object... steps) {
    for (Object step : steps) {
      if (value instanceof Map<?, ?> map && step instanceof String key) {
        value = map.get(key);
      } else if (value instanceof List<?> list && step instanceof Integer index) {
        value = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return value;
  }
}
