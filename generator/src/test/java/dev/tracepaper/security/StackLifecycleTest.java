package dev.tracepaper.security;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.security.SamTemplate.Intrinsic;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stack's lifecycle in every example's template: a {@code Stage} parameter whose value {@code
 * prod} protects the system of record from deletion, stateful resources kept when a stack is
 * deleted but not when its first create failed, and an API key whose expiry is a parameter.
 */
class StackLifecycleTest {

  /** What a failed first create may leave, and what a deletion must never take. */
  private static final List<String> SYSTEMS_OF_RECORD = List.of("EventStoreTable", "UserPool");

  static List<String> examples() {
    return GeneratedExamples.names();
  }

  @ParameterizedTest
  @MethodSource("examples")
  @SuppressWarnings("unchecked")
  void theStageNamesProductionAndAcceptsPullRequestStacks(String example) {
    SamTemplate template = SamTemplate.parse(GeneratedExamples.render(example, "template.yaml"));
    Map<String, Object> stage = (Map<String, Object>) template.section("Parameters").get("Stage");
    assertThat(stage).containsEntry("Default", "dev");
    Pattern allowed = Pattern.compile((String) stage.get("AllowedPattern"));
    for (String name : List.of("dev", "prod", "pr-123", "test2")) {
      assertWithMessage(name).that(allowed.matcher(name).matches()).isTrue();
    }
    for (String name : List.of("Prod", "my_stage", "-dev", "", "a".repeat(33))) {
      assertWithMessage(name).that(allowed.matcher(name).matches()).isFalse();
    }
    assertThat(template.section("Conditions"))
        .containsEntry(
            "Production", new Intrinsic("Equals", List.of(new Intrinsic("Ref", "Stage"), "prod")));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void theSystemOfRecordOutlivesTheStackAndIsProtectedInProduction(String example) {
    Map<String, Map<String, Object>> resources = GeneratedExamples.template(example).resources();
    resources.forEach(
        (id, resource) -> {
          Object policy = resource.get("DeletionPolicy");
          if (SYSTEMS_OF_RECORD.contains(id)) {
            assertWithMessage(id).that(policy).isEqualTo("RetainExceptOnCreate");
            assertWithMessage(id).that(resource.get("UpdateReplacePolicy")).isEqualTo("Retain");
          } else {
            assertWithMessage(id + ": only the system of record is kept")
                .that(policy)
                .isNotEqualTo("Retain");
          }
        });
    assertThat(properties(resources, "EventStoreTable"))
        .containsEntry(
            "DeletionProtectionEnabled",
            new Intrinsic("If", List.of("Production", "true", "false")));
    if (resources.containsKey("UserPool")) {
      assertThat(properties(resources, "UserPool"))
          .containsEntry(
              "DeletionProtection",
              new Intrinsic("If", List.of("Production", "ACTIVE", "INACTIVE")));
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  @SuppressWarnings("unchecked")
  void anApiKeyExpiresWhenTheParameterSays(String example) {
    SamTemplate template = SamTemplate.parse(GeneratedExamples.render(example, "template.yaml"));
    Map<String, Map<String, Object>> resources = template.resources();
    if (!resources.containsKey("ApiKey")) {
      assertThat(template.section("Parameters")).doesNotContainKey("ApiKeyExpiresAt");
      return;
    }
    Map<String, Object> expiry =
        (Map<String, Object>) template.section("Parameters").get("ApiKeyExpiresAt");
    assertThat(expiry).containsEntry("Type", "Number");
    assertThat(properties(resources, "ApiKey"))
        .containsEntry(
            "Expires",
            new Intrinsic(
                "If",
                List.of(
                    "ApiKeyExpiresAtGiven",
                    new Intrinsic("Ref", "ApiKeyExpiresAt"),
                    new Intrinsic("Ref", "AWS::NoValue"))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(
      Map<String, Map<String, Object>> resources, String id) {
    assertWithMessage(id).that(resources).containsKey(id);
    return (Map<String, Object>) resources.get(id).get("Properties");
  }
}
