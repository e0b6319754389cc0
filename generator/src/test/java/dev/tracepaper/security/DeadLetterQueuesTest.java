package dev.tracepaper.security;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.security.SamTemplate.Intrinsic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an operator finds of the failure paths in every example's generated template (nested stacks
 * in place): every queue is a dead-letter queue and an output of the root stack, so the README's
 * commands find it by name; both stream consumers see only new event items.
 */
class DeadLetterQueuesTest {

  /**
   * The filter both stream mappings carry; the runtime's StreamFilterTest checks what it lets by.
   */
  static final String EVENT_INSERTS =
      "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"type\": {\"S\":"
          + " [{\"exists\": true}]}}}}";

  static List<String> examples() {
    return GeneratedExamples.names();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyDeadLetterQueueIsAnOutputOfTheRootStack(String example) {
    SamTemplate template = GeneratedExamples.template(example);
    List<String> queues = new ArrayList<>();
    template
        .resources()
        .forEach(
            (id, resource) -> {
              if (!"AWS::SQS::Queue".equals(resource.get("Type"))) {
                return;
              }
              Object redrive =
                  Grants.path(resource, "Properties", "RedrivePolicy", "deadLetterTargetArn");
              if (redrive == null) {
                queues.add(id);
              } else {
                String target = (String) ((Intrinsic) redrive).argument();
                assertThat(template.resources())
                    .containsKey(target.substring(0, target.length() - ".Arn".length()));
              }
            });
    assertThat(queues).isNotEmpty();
    List<Object> outputs = new ArrayList<>();
    for (Object output : template.section("Outputs").values()) {
      outputs.add(((Map<?, ?>) output).get("Value"));
    }
    for (String queue : queues) {
      assertWithMessage("%s: the queue %s among the outputs", example, queue)
          .that(outputs)
          .contains(new Intrinsic("Ref", queue));
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void theStreamConsumersSeeOnlyNewEventItems(String example) {
    Map<String, Map<String, Object>> resources = GeneratedExamples.template(example).resources();
    int mappings = 0;
    for (Map<String, Object> resource : resources.values()) {
      if ("AWS::Lambda::EventSourceMapping".equals(resource.get("Type"))
          && new Intrinsic("GetAtt", "EventStoreTable.StreamArn")
              .equals(Grants.path(resource, "Properties", "EventSourceArn"))) {
        mappings++;
        assertThat(Grants.path(resource, "Properties", "FilterCriteria", "Filters"))
            .isEqualTo(List.of(Map.of("Pattern", EVENT_INSERTS)));
      }
    }
    assertThat(mappings).isAtLeast(1);
  }
}
