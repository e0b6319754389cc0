package dev.tracepaper.naming;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names that generated code, the GraphQL schema, CEL or the SAM template already use. Those of the
 * generated Java are escaped where names are made (JavaNames); those of the model, the API and the
 * template a model may not take. Each lookup answers with the reason, for the message that reports
 * it.
 */
public final class Reserved {

  /** Java keywords and literals (JLS 3.9, 3.10), and {@code _}. */
  public static final Set<String> JAVA_KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "_");

  /**
   * Classes that generated code uses by their simple name; a model class of the same name would
   * hide them, so JavaNames gives it another. Value: the class hidden.
   */
  private static final Map<String, String> JAVA_CLASSES_USED =
      Map.ofEntries(
          Map.entry("BigDecimal", "java.math.BigDecimal"),
          Map.entry("Boolean", "java.lang.Boolean"),
          Map.entry("Class", "java.lang.Class"),
          Map.entry("Collection", "java.util.Collection"),
          Map.entry("Double", "java.lang.Double"),
          Map.entry("Enum", "java.lang.Enum"),
          Map.entry("Error", "java.lang.Error"),
          Map.entry("Exception", "java.lang.Exception"),
          Map.entry("Float", "java.lang.Float"),
          Map.entry("Instant", "java.time.Instant"),
          Map.entry("Integer", "java.lang.Integer"),
          Map.entry("Iterable", "java.lang.Iterable"),
          Map.entry("JsonNode", "the JSON tree type of Jackson"),
          Map.entry("List", "java.util.List"),
          Map.entry("LocalDate", "java.time.LocalDate"),
          Map.entry("Long", "java.lang.Long"),
          Map.entry("Map", "java.util.Map"),
          Map.entry("Math", "java.lang.Math"),
          Map.entry("Number", "java.lang.Number"),
          Map.entry("Object", "java.lang.Object"),
          Map.entry("Objects", "java.util.Objects"),
          Map.entry("Optional", "java.util.Optional"),
          Map.entry("Override", "java.lang.Override"),
          Map.entry("Record", "java.lang.Record"),
          Map.entry("RuntimeException", "java.lang.RuntimeException"),
          Map.entry("Set", "java.util.Set"),
          Map.entry("String", "java.lang.String"),
          Map.entry("StringBuilder", "java.lang.StringBuilder"),
          Map.entry("System", "java.lang.System"),
          Map.entry("Thread", "java.lang.Thread"),
          Map.entry("Throwable", "java.lang.Throwable"),
          Map.entry("UUID", "java.util.UUID"),
          Map.entry("Void", "java.lang.Void"));

  /**
   * The classes of the Tracepaper runtime (and its test support) that generated code imports by
   * simple name: an import hides a model class of the same name in the same package, so JavaNames
   * gives such a class another name. {@code RuntimeClassesTest} keeps the list equal to what the
   * templates and the template data model import.
   */
  public static final Set<String> RUNTIME_CLASSES =
      Set.of(
          "AggregateType",
          "ApiScenario",
          "AppSyncEvents",
          "AppSyncRequest",
          "AuthType",
          "AutomationCheck",
          "AutomationTriggers",
          "Automations",
          "AutomationsOnMoto",
          "Caller",
          "CommandError",
          "CommandId",
          "CommandResult",
          "CommandRunner",
          "CustomContext",
          "DynamoDbEventStore",
          "Entities",
          "EventStore",
          "EventUpcaster",
          "EventVersions",
          "Existence",
          "Expressions",
          "InMemoryEventStore",
          "InMemoryLedger",
          "InMemoryViewStore",
          "Input",
          "Json",
          "JsonValues",
          "LiveRows",
          "Metadata",
          "MotoServer",
          "Param",
          "Policies",
          "Priming",
          "Projection",
          "ProjectionCheck",
          "ProjectorHandler",
          "PublisherHandler",
          "QueryResponses",
          "RebuildHandler",
          "RecordingEffects",
          "RepublishHandler",
          "RequestCounter",
          "Responses",
          "RowChange",
          "RowReader",
          "Run",
          "Scenario",
          "ScenarioApi",
          "ScenarioCoverage",
          "SecretRef",
          "StoredEvent",
          "Trigger",
          "UniqueConstraint",
          "UnreadableEventException",
          "ViewColour",
          "ViewScenario");

  /**
   * Methods every record has: a record component of such a name would clash with them ({@code
   * hashCode}, {@code getClass}, …), so JavaNames escapes it.
   */
  public static final Set<String> OBJECT_METHODS =
      Set.of(
          "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  /** CEL's keywords and the words cel-spec reserves for host languages. */
  public static final Set<String> CEL_WORDS =
      Set.of(
          "as",
          "break",
          "const",
          "continue",
          "else",
          "false",
          "for",
          "function",
          "if",
          "import",
          "in",
          "let",
          "loop",
          "namespace",
          "null",
          "package",
          "return",
          "true",
          "var",
          "void",
          "while");

  /** The names expressions see without qualification; a {@code let} of such a name hides one. */
  public static final Map<String, String> FLOW_SCOPE =
      Map.of(
          "command", "the command's input",
          "event", "the event being handled",
          "state", "the aggregate's current state",
          "view", "the view row being updated",
          "user", "the caller",
          "now", "the time of the request",
          "today", "the date of the request");

  /** GraphQL types the generated schema defines itself or that GraphQL and AppSync predefine. */
  private static final Map<String, String> GRAPHQL_TYPES =
      Map.ofEntries(
          Map.entry("Query", "the root type of all queries"),
          Map.entry("Mutation", "the root type of all mutations"),
          Map.entry("Subscription", "the root type of all subscriptions"),
          Map.entry("CommandResult", "the result of every command"),
          Map.entry("ID", "a scalar of GraphQL"),
          Map.entry("String", "a scalar of GraphQL"),
          Map.entry("Int", "a scalar of GraphQL"),
          Map.entry("Float", "a scalar of GraphQL"),
          Map.entry("Boolean", "a scalar of GraphQL"));

  /** CloudFormation resources of the template that no model element produces. */
  private static final Map<String, String> LOGICAL_IDS =
      Map.ofEntries(
          Map.entry(AwsNames.EVENT_STORE_TABLE_ID, "the event store"),
          Map.entry("ProjectorFunction", "the function that updates the views"),
          Map.entry("ProjectorDeadLetterQueue", "the projector's dead-letter queue"),
          Map.entry("ViewBookkeepingTable", "the table of the views' versions and rebuilds"),
          Map.entry("PublisherFunction", "the function that publishes events"),
          Map.entry("PublisherDeadLetterQueue", "the publisher's dead-letter queue"),
          Map.entry("EventBus", "the application's event bus"),
          Map.entry("GraphQLApi", "the GraphQL API"),
          Map.entry("GraphQLSchema", "the GraphQL schema"),
          Map.entry("UserPool", "the Cognito user pool"),
          Map.entry("UserPoolClient", "the Cognito user pool client"),
          Map.entry("ApiKey", "the API key"),
          Map.entry("AlarmTopic", "the topic every alarm notifies"),
          Map.entry("GraphQLApiLogGroup", "the GraphQL API's log group"),
          Map.entry("GraphQLApiLogsRole", "the role AppSync writes its log with"),
          Map.entry("GraphQLApiLogsPolicy", "what AppSync may write to its log group"),
          Map.entry("GraphQLApiServerErrorsAlarm", "the alarm on the API's 5XX errors"),
          Map.entry(AwsNames.commandRoleId(""), "the role AppSync invokes command functions with"));

  private Reserved() {}

  public static boolean isJavaKeyword(String name) {
    return JAVA_KEYWORDS.contains(name);
  }

  /** The class a generated class of this simple name would hide, if any. */
  public static Optional<String> hiddenJavaClass(String simpleName) {
    if (RUNTIME_CLASSES.contains(simpleName)) {
      return Optional.of("the Tracepaper runtime's `" + simpleName + "`");
    }
    return Optional.ofNullable(JAVA_CLASSES_USED.get(simpleName)).map(c -> "`" + c + "`");
  }

  /** Why a GraphQL type name is taken, if it is. */
  public static Optional<String> graphQlType(String name) {
    if (name.startsWith("__")) {
      return Optional.of("GraphQL reserves names starting with `__`");
    }
    if (name.startsWith("AWS")) {
      return Optional.of("AppSync reserves type names starting with `AWS`, such as `AWSDate`");
    }
    return Optional.ofNullable(GRAPHQL_TYPES.get(name))
        .map(why -> "the generated schema already uses it for " + why);
  }

  /** Why a CloudFormation logical id is taken, if it is. */
  public static Optional<String> logicalId(String id) {
    if (id.startsWith("AWS")) {
      return Optional.of("names starting with `AWS` are reserved for AWS's own");
    }
    return Optional.ofNullable(LOGICAL_IDS.get(id))
        .map(what -> "the generated template already uses it for " + what);
  }
}
