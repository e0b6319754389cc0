package dev.tracepaper.security;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.CustomQueryData;
import dev.tracepaper.render.data.PolicyData;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.StackData;
import dev.tracepaper.render.data.ViewData;
import dev.tracepaper.security.SamTemplate.Intrinsic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IAM of every example's generated {@code template.yaml}, read as YAML: no statement grants
 * every action or every resource except where AWS offers nothing narrower, and each function and
 * role may do exactly what the runtime needs on exactly its own resources, derived from the model
 * (which functions append to the event store, which views the projector writes, which queue is a
 * policy's). A grant added to the template without being added here fails; so does one missing.
 */
class IamPolicyTest {

  /**
   * Actions AWS authorises only on {@code Resource: "*"}: {@code dynamodb:ListStreams} has no
   * resource-level permission, and Lambda's stream event-source mapping calls it with the
   * function's role; nor have X-Ray's, with which Lambda sends a traced function's segments.
   */
  static final Set<String> STAR_RESOURCE_ACTIONS =
      Stream.concat(Stream.of("dynamodb:ListStreams"), Grants.XRAY_WRITE.stream())
          .collect(Collectors.toUnmodifiableSet());

  /** The role AppSync writes the API's log with, and the log group, its only grant. */
  private static final String API_LOGS_ROLE = "GraphQLApiLogsRole";

  private static final String EVENT_STORE = "EventStoreTable.Arn";

  /** Every view table, by the prefix only view tables have (the stack name and a dot). */
  static final String VIEW_TABLES =
      "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${AWS::StackName}.*";

  private static final String EVENT_STREAM = "EventStoreTable.StreamArn";
  private static final List<String> STORE_ACCESS =
      List.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem");
  private static final List<String> STREAM_READ =
      List.of(
          "dynamodb:DescribeStream",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:ListStreams");

  static List<String> examples() {
    return GeneratedExamples.names();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void noStatementGrantsEveryActionOrEveryResourceUnlessAwsRequiresIt(String example)
      throws Exception {
    SamTemplate template = GeneratedExamples.template(example);
    Map<String, Set<String>> grants = Grants.of(template);
    assertThat(grants).isNotEmpty();
    for (Map.Entry<String, Set<String>> principal : grants.entrySet()) {
      for (String grant : principal.getValue()) {
        String action = grant.substring(0, grant.indexOf(" on "));
        String resource = grant.substring(grant.indexOf(" on ") + 4);
        assertWithMessage("%s: %s grants %s", example, principal.getKey(), grant)
            .that(action)
            .doesNotContain("*");
        if (resource.equals("*")) {
          assertWithMessage("%s: %s grants %s", example, principal.getKey(), grant)
              .that(STAR_RESOURCE_ACTIONS)
              .contains(action);
        } else {
          // The wildcards inside an ARN: the indexes of one view's table, the view tables, and
          // an automation's objects under the fixed start of their keys in one bucket.
          assertWithMessage("%s: %s grants %s", example, principal.getKey(), grant)
              .that(
                  resource
                      .replaceFirst(" if .*", "")
                      .replaceFirst("^\\$\\{\\w+\\.Arn}/index/\\*$", "")
                      .replaceFirst("^arn:\\$\\{AWS::Partition}:s3:::[a-z0-9.-]+/[^*]*\\*$", "")
                      .replace(VIEW_TABLES, ""))
              .doesNotContain("*");
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void eachFunctionAndRoleReachesExactlyItsOwnResources(String example) throws Exception {
    ProjectData project = GeneratedExamples.project(example);
    SamTemplate template = GeneratedExamples.template(example);

    Map<String, Set<String>> expected = expected(project);
    AutomationGrants.add(GeneratedExamples.index(example), expected);
    assertThat(Grants.of(template)).containsExactlyEntriesIn(expected);
  }

  /**
   * The projector and the rebuild function reach the view tables by the prefix of their names: it
   * must cover every view table and no other table, and those functions must wait for the tables
   * (the prefix is no reference that would order their creation).
   */
  @ParameterizedTest
  @MethodSource("examples")
  void theViewTablePrefixNamesTheViewTablesOnly(String example) throws Exception {
    ProjectData project = GeneratedExamples.project(example);
    Map<String, Map<String, Object>> resources = GeneratedExamples.template(example).resources();
    String prefix = "${AWS::StackName}.";
    for (Map.Entry<String, Map<String, Object>> resource : resources.entrySet()) {
      if (!"AWS::DynamoDB::Table".equals(resource.getValue().get("Type"))) {
        continue;
      }
      Intrinsic name = (Intrinsic) Grants.path(resource.getValue(), "Properties", "TableName");
      // Both generations of a view are view tables, green as blue.
      boolean view =
          project.views().stream()
              .flatMap(v -> v.generations().stream())
              .anyMatch(g -> g.tableLogicalId().equals(resource.getKey()));
      assertWithMessage("%s: the name of %s", example, resource.getKey())
          .that(String.valueOf(name.argument()).startsWith(prefix))
          .isEqualTo(view);
    }
    if (project.views().isEmpty()) {
      return;
    }
    List<String> waits = new ArrayList<>();
    for (ViewData view : project.stacks().root().views()) {
      waits.add(view.tableLogicalId());
    }
    for (StackData stack : project.stacks().nested()) {
      if (!stack.views().isEmpty()) {
        waits.add(stack.logicalId());
      }
    }
    Map<String, Map<String, Object>> root =
        SamTemplate.parse(GeneratedExamples.render(example, "template.yaml")).resources();
    for (String function : List.of("ProjectorFunction", "RebuildFunction")) {
      assertWithMessage("%s: what %s waits for", example, function)
          .that(root.get(function).get("DependsOn"))
          .isEqualTo(waits);
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  @SuppressWarnings("unchecked")
  void failuresGoToTheFunctionsOwnQueueAndOnlyItsRuleMaySendThere(String example) throws Exception {
    ProjectData project = GeneratedExamples.project(example);
    Map<String, Map<String, Object>> resources = GeneratedExamples.template(example).resources();
    for (AggregateData aggregate : project.aggregates()) {
      for (PolicyData policy : aggregate.policies()) {
        // The rule sends to the policy's queue (what it cannot deliver to the dead-letter queue),
        // the function reads the queue, and the queue moves what keeps failing to the same
        // dead-letter queue.
        Map<String, Object> target =
            (Map<String, Object>)
                Grants.path(resources.get(policy.ruleLogicalId()), "Properties", "Targets", 0);
        assertThat(target.get("Arn"))
            .isEqualTo(new Intrinsic("GetAtt", policy.queueLogicalId() + ".Arn"));
        assertThat(Grants.path(target, "DeadLetterConfig", "Arn"))
            .isEqualTo(new Intrinsic("GetAtt", policy.deadLetterQueueLogicalId() + ".Arn"));
        assertThat(
                Grants.path(
                    resources.get(policy.queueLogicalId()),
                    "Properties",
                    "RedrivePolicy",
                    "deadLetterTargetArn"))
            .isEqualTo(new Intrinsic("GetAtt", policy.deadLetterQueueLogicalId() + ".Arn"));
        Map<String, Object> mapping = resources.get(policy.queueMappingLogicalId());
        assertThat(Grants.path(mapping, "Properties", "FunctionName"))
            .isEqualTo(new Intrinsic("Ref", policy.functionLogicalId() + ".Alias"));
        assertThat(Grants.path(mapping, "Properties", "EventSourceArn"))
            .isEqualTo(new Intrinsic("GetAtt", policy.queueLogicalId() + ".Arn"));
        Map<String, Object> queuePolicy = resources.get(policy.queuePolicyLogicalId());
        assertThat(Grants.path(queuePolicy, "Properties", "Queues"))
            .isEqualTo(
                List.of(
                    new Intrinsic("Ref", policy.queueLogicalId()),
                    new Intrinsic("Ref", policy.deadLetterQueueLogicalId())));
        assertThat(
                Grants.path(
                    queuePolicy,
                    "Properties",
                    "PolicyDocument",
                    "Statement",
                    0,
                    "Condition",
                    "ArnEquals",
                    "aws:SourceArn"))
            .isEqualTo(new Intrinsic("GetAtt", policy.ruleLogicalId() + ".Arn"));
      }
    }
    assertMapping(resources, "PublisherStreamMapping", "PublisherFunction", "Publisher");
    if (!project.views().isEmpty()) {
      assertMapping(resources, "ProjectorStreamMapping", "ProjectorFunction", "Projector");
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void appSyncAssumesItsRolesForThisApiOnly(String example) throws Exception {
    Map<String, Map<String, Object>> resources = GeneratedExamples.template(example).resources();
    int roles = 0;
    for (Map.Entry<String, Map<String, Object>> resource : resources.entrySet()) {
      if (!"AWS::IAM::Role".equals(resource.getValue().get("Type"))
          || resource.getKey().endsWith("AutomationSchedulerRole")) {
        continue; // a schedule's role: AutomationInfrastructureTest
      }
      roles++;
      Object trust =
          Grants.path(resource.getValue(), "Properties", "AssumeRolePolicyDocument", "Statement");
      if (resource.getKey().equals(API_LOGS_ROLE)) {
        // The API needs this role to be created, so the role cannot name the API: it names the
        // account's APIs. Its only grant is the API's own log group (expected()).
        assertWithMessage("%s %s", example, resource.getKey())
            .that(trust)
            .isEqualTo(
                appSyncTrust(
                    "ArnLike",
                    new Intrinsic(
                        "Sub",
                        "arn:${AWS::Partition}:appsync:${AWS::Region}:${AWS::AccountId}:apis/*")));
        continue;
      }
      assertWithMessage("%s %s", example, resource.getKey())
          .that(trust)
          .isEqualTo(appSyncTrust("ArnEquals", new Intrinsic("GetAtt", "GraphQLApi.Arn")));
    }
    assertThat(roles).isGreaterThan(0);
  }

  /** A role's trust: AppSync may assume it for the APIs whose ARN matches {@code sourceArn}. */
  private static List<Map<String, Object>> appSyncTrust(String operator, Intrinsic sourceArn) {
    return List.of(
        Map.of(
            "Effect",
            "Allow",
            "Principal",
            Map.of("Service", "appsync.amazonaws.com"),
            "Action",
            "sts:AssumeRole",
            "Condition",
            Map.of(operator, Map.of("aws:SourceArn", sourceArn))));
  }

  private static void assertMapping(
      Map<String, Map<String, Object>> resources, String mapping, String function, String queue) {
    Map<String, Object> resource = resources.get(mapping);
    assertThat(Grants.path(resource, "Properties", "FunctionName"))
        .isEqualTo(new Intrinsic("Ref", function + ".Alias"));
    assertThat(Grants.path(resource, "Properties", "EventSourceArn"))
        .isEqualTo(new Intrinsic("GetAtt", EVENT_STREAM));
    assertThat(Grants.path(resource, "Properties", "DestinationConfig", "OnFailure", "Destination"))
        .isEqualTo(new Intrinsic("GetAtt", queue + "DeadLetterQueue.Arn"));
  }

  /**
   * What each principal may do, from the model: the runtime's calls (docs/runtime.md) on the
   * resources the model gives it.
   */
  static Map<String, Set<String>> expected(ProjectData project) {
    Map<String, Set<String>> grants = new TreeMap<>();
    // Every function is traced: Lambda sends its segments to X-Ray with its role.
    List<String> functions = new ArrayList<>(List.of("PublisherFunction", "RepublishFunction"));
    if (!project.views().isEmpty()) {
      functions.addAll(List.of("ProjectorFunction", "RebuildFunction"));
    }
    for (AggregateData aggregate : project.aggregates()) {
      if (!aggregate.commands().isEmpty()) {
        functions.add(aggregate.functionLogicalId());
      }
      aggregate.policies().forEach(policy -> functions.add(policy.functionLogicalId()));
    }
    for (String function : functions) {
      grant(grants, function, Grants.XRAY_WRITE, "*");
    }
    // AppSync writes the field errors it logs to the API's log group, nowhere else.
    grant(
        grants,
        API_LOGS_ROLE,
        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
        "GraphQLApiLogGroup.Arn");
    for (AggregateData aggregate : project.aggregates()) {
      // An aggregate with unique constraints lets claims go with conditional deletes.
      List<String> storeAccess =
          aggregate.unique().isEmpty()
              ? STORE_ACCESS
              : Stream.concat(STORE_ACCESS.stream(), Stream.of("dynamodb:DeleteItem")).toList();
      if (!aggregate.commands().isEmpty()) {
        grant(grants, aggregate.functionLogicalId(), storeAccess, EVENT_STORE);
      }
      for (PolicyData policy : aggregate.policies()) {
        grant(grants, policy.functionLogicalId(), storeAccess, EVENT_STORE);
        // The event source mapping reads the policy's queue with the function's role.
        grant(
            grants,
            policy.functionLogicalId(),
            List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
            policy.queueLogicalId() + ".Arn");
        for (String queue : List.of(policy.queueLogicalId(), policy.deadLetterQueueLogicalId())) {
          grants
              .computeIfAbsent(policy.queuePolicyLogicalId(), k -> new TreeSet<>())
              .add(
                  "sqs:SendMessage on "
                      + queue
                      + ".Arn if ArnEquals aws:SourceArn ["
                      + policy.ruleLogicalId()
                      + ".Arn]");
        }
      }
    }
    // Each stack's role invokes exactly the command functions of that stack.
    List<StackData> stacks = new ArrayList<>(project.stacks().nested());
    stacks.add(project.stacks().root());
    for (StackData stack : stacks) {
      for (AggregateData aggregate : stack.commandAggregates()) {
        grant(
            grants,
            stack.commandRoleLogicalId(),
            List.of("lambda:InvokeFunction"),
            aggregate.functionLogicalId() + ".Alias");
      }
    }
    grantStreamRead(grants, "PublisherFunction");
    grant(grants, "PublisherFunction", List.of("events:PutEvents"), "EventBus.Arn");
    grant(grants, "PublisherFunction", List.of("sqs:SendMessage"), "PublisherDeadLetterQueue.Arn");
    // Republish: events by key or by time range from the store, onto the bus, poison parked
    // where the publisher parks it.
    grant(
        grants,
        "RepublishFunction",
        List.of("dynamodb:BatchGetItem", "dynamodb:Scan"),
        EVENT_STORE);
    grant(grants, "RepublishFunction", List.of("events:PutEvents"), "EventBus.Arn");
    grant(grants, "RepublishFunction", List.of("sqs:SendMessage"), "PublisherDeadLetterQueue.Arn");
    customQueries(grants, project);
    if (project.views().isEmpty()) {
      return grants;
    }
    grantStreamRead(grants, "ProjectorFunction");
    grant(grants, "ProjectorFunction", List.of("sqs:SendMessage"), "ProjectorDeadLetterQueue.Arn");
    // The replay scans the store's keys and queries each stream (which also serves to fold a
    // stream's states again for a view kept from an aggregate).
    grant(grants, "RebuildFunction", List.of("dynamodb:Scan", "dynamodb:Query"), EVENT_STORE);
    if (project.views().stream().anyMatch(view -> !view.from().isEmpty())) {
      // A view kept from an aggregate's state folds the aggregate's events again when the state
      // stored on an event is missing or of another model version: a Query of its stream.
      grant(grants, "ProjectorFunction", List.of("dynamodb:Query"), EVENT_STORE);
    }
    grant(
        grants, "ProjectorFunction", List.of("dynamodb:GetItem", "dynamodb:PutItem"), VIEW_TABLES);
    // A view that notifies: the projector calls its internal change mutation on the API, that
    // field alone (the subscribers' subscription fires on it).
    for (ViewData view : project.views()) {
      if (view.subscription().enabled()) {
        grant(
            grants,
            "ProjectorFunction",
            List.of("appsync:GraphQL"),
            "${GraphQLApi.Arn}/types/Mutation/fields/" + view.subscription().mutation());
      }
    }
    grant(
        grants,
        "RebuildFunction",
        List.of("dynamodb:Scan", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:BatchWriteItem"),
        VIEW_TABLES);
    // The bookkeeping table is no view table (outside their prefix): granted by its own ARN, the
    // projector its versions, the running rebuilds (a Query) and their cursors, the rebuild its
    // versions, progress and cursors by key.
    String bookkeeping = "ViewBookkeepingTable.Arn";
    grant(
        grants,
        "ProjectorFunction",
        List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"),
        bookkeeping);
    grant(
        grants,
        "RebuildFunction",
        List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
        bookkeeping);
    grant(grants, "RebuildStateMachine", List.of("lambda:InvokeFunction"), "RebuildFunction.Alias");
    // Each view's role reads its two tables, blue and green (and their indexes), nothing else;
    // BatchGetItem only for a view some relation reads through a list of its keys (`refs`).
    for (ViewData view : project.views()) {
      boolean listed =
          project.views().stream()
              .flatMap(v -> v.relations().stream())
              .anyMatch(r -> r.kind().equals("REFS") && r.target().equals(view.name()));
      List<String> read =
          listed
              ? List.of(
                  "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem")
              : List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan");
      String role = view.dataSourceLogicalId() + "Role";
      for (String table : List.of(view.tableLogicalId(), view.tableLogicalId() + "Green")) {
        grant(grants, role, read, table + ".Arn");
        if (!view.indexes().isEmpty()) {
          grant(grants, role, read, "${" + table + ".Arn}/index/*");
        }
      }
    }
    // Each stack with views reads which generation of a view is live: GetItem of the bookkeeping
    // table's items under the partition key "rebuild", nothing else of it.
    for (StackData stack : stacks) {
      if (!stack.views().isEmpty()) {
        grant(
            grants,
            stack.generationDataSourceLogicalId() + "Role",
            List.of("dynamodb:GetItem"),
            bookkeeping + " if ForAllValues:StringEquals dynamodb:LeadingKeys [rebuild]");
      }
    }
    return grants;
  }

  /**
   * The custom query function reads the rows of the views its queries' {@code reads} name, by key,
   * in both generations, and which generation is live: nothing else. AppSync invokes it alone.
   */
  private static void customQueries(Map<String, Set<String>> grants, ProjectData project) {
    if (project.queries().isEmpty()) {
      return;
    }
    grant(grants, "CustomQueryFunction", Grants.XRAY_WRITE, "*");
    grant(
        grants,
        "CustomQueryDataSourceRole",
        List.of("lambda:InvokeFunction"),
        "CustomQueryFunction.Alias");
    List<CustomQueryData.Read> reads =
        project.queries().stream().flatMap(q -> q.reads().stream()).toList();
    for (CustomQueryData.Read read : reads) {
      for (String suffix : read.tableSuffixes()) {
        grant(
            grants,
            "CustomQueryFunction",
            List.of("dynamodb:GetItem"),
            "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${AWS::StackName}."
                + suffix);
      }
    }
    if (!reads.isEmpty()) {
      grant(
          grants,
          "CustomQueryFunction",
          List.of("dynamodb:GetItem"),
          "ViewBookkeepingTable.Arn if ForAllValues:StringEquals dynamodb:LeadingKeys [rebuild]");
    }
  }

  private static void grantStreamRead(Map<String, Set<String>> grants, String function) {
    for (String action : STREAM_READ) {
      grant(
          grants,
          function,
          List.of(action),
          STAR_RESOURCE_ACTIONS.contains(action) ? "*" : EVENT_STREAM);
    }
  }

  private static void grant(
      Map<String, Set<String>> grants, String principal, List<String> actions, String resource) {
    Set<String> set = grants.computeIfAbsent(principal, k -> new TreeSet<>());
    actions.forEach(action -> set.add(action + " on " + resource));
  }
}
