package dev.tracepaper.naming;

import java.util.List;

/**
 * Names in the SAM template: CloudFormation logical ids (PascalCase, letters and digits only),
 * DynamoDB table names (the stack name, then a hyphen for the event store and a dot for a view's
 * kebab-case name) and EventBridge fields. docs/naming.md lists the scheme.
 */
public final class AwsNames {

  /** The table name suffix and logical id of the event store. */
  public static final String EVENT_STORE_TABLE = "event-store";

  public static final String EVENT_STORE_TABLE_ID = "EventStoreTable";

  /** The longest {@code app.name}: a stack name has at most 128 characters; a stage may follow. */
  public static final int MAX_APP_NAME = 100;

  private AwsNames() {}

  /** A view's table, after the stack name and a dot: {@code book-availability}. */
  public static String viewTable(String view) {
    return Case.kebab(view);
  }

  /**
   * A view table's {@code TableName} in the template: {@code !Sub "${AWS::StackName}.<suffix>"}.
   * The dot, which no stack name holds, gives the view tables a prefix no other table has (not the
   * event store's {@code <stack>-event-store}, not another stack's), so one IAM resource pattern
   * names them all.
   */
  public static String viewTableNameSub(String suffix) {
    return "${AWS::StackName}." + suffix;
  }

  public static String viewTableId(String view) {
    return Case.pascal(view) + "Table";
  }

  /**
   * The colours of a view's two generations, blue first: each has a table, a data source and a read
   * function. Blue is the view's first table, kept under its own names ({@link #viewTableId},
   * {@link #viewDataSourceId}); a rebuild fills the one readers do not read, then switches them.
   */
  public static final List<String> GENERATIONS = List.of("blue", "green");

  /**
   * A generation's table, after the stack name and a dot: {@code book-availability} (blue) and
   * {@code book-availability.green}. No view's suffix holds a dot, so no view's blue table takes a
   * green one's name.
   */
  public static String viewTable(String view, String generation) {
    return blue(generation) ? viewTable(view) : viewTable(view) + "." + generation;
  }

  /**
   * The logical ids of a generation end in its colour after the blue ones ({@code
   * BookAvailabilityTableGreen}, {@code BookAvailabilityDataSourceGreen}): no other id ends in a
   * colour, so a view named {@code BookGreen} beside {@code Book} takes none of them.
   */
  public static String viewTableId(String view, String generation) {
    return viewTableId(view) + suffix(generation);
  }

  public static String viewDataSourceId(String view, String generation) {
    return viewDataSourceId(view) + suffix(generation);
  }

  /** The pipeline function that reads a generation's table: {@code BookAvailabilityReadBlue}. */
  public static String viewReadFunctionId(String view, String generation) {
    return Case.pascal(view) + "Read" + Case.pascal(generation);
  }

  /**
   * The data source a stack reads the live generation of its views with (one item per view in the
   * bookkeeping table), by the stack's name (empty for the root): {@code ViewGenerations}, {@code
   * CatalogViewGenerations}. No element's id ends like it. Its role adds {@code Role}.
   */
  public static String generationDataSourceId(String stack) {
    return stack + "ViewGenerations";
  }

  /** The pipeline function that reads which generation is live: {@code ReadViewGeneration}. */
  public static String generationFunctionId(String stack) {
    return stack + "ReadViewGeneration";
  }

  private static boolean blue(String generation) {
    return generation.equals(GENERATIONS.get(0));
  }

  private static String suffix(String generation) {
    return blue(generation) ? "" : Case.pascal(generation);
  }

  public static String viewDataSourceId(String view) {
    return Case.pascal(view) + "DataSource";
  }

  /**
   * The data source of a notifying view's internal mutation, which only hands its argument on to
   * the subscribers (AppSync's {@code NONE}): {@code BookAvailabilityChangesDataSource}.
   */
  public static String viewChangesDataSourceId(String view) {
    return Case.pascal(view) + "ChangesDataSource";
  }

  /** The role AppSync reads a view's table with: {@code BookAvailabilityDataSourceRole}. */
  public static String viewDataSourceRoleId(String view) {
    return viewDataSourceId(view) + "Role";
  }

  /** The root's resource of a nested stack, by the stack's name: {@code CatalogStack}. */
  public static String nestedStackId(String stack) {
    return stack + "Stack";
  }

  /**
   * The role AppSync invokes a stack's command functions with, by the stack's name (empty for the
   * root): {@code CommandDataSourceRole}, {@code CatalogCommandDataSourceRole}.
   */
  public static String commandRoleId(String stack) {
    return stack + "CommandDataSourceRole";
  }

  /** The Lambda function that runs an aggregate's commands: {@code BookCommandFunction}. */
  public static String commandFunctionId(String aggregate) {
    return Case.pascal(aggregate) + "CommandFunction";
  }

  public static String commandDataSourceId(String aggregate) {
    return Case.pascal(aggregate) + "CommandDataSource";
  }

  public static String policyFunctionId(String policy) {
    return Case.pascal(policy) + "PolicyFunction";
  }

  /** The EventBridge rule that triggers a policy. */
  public static String policyRuleId(String policy) {
    return Case.pascal(policy) + "PolicyRule";
  }

  public static String policyDeadLetterQueueId(String policy) {
    return Case.pascal(policy) + "PolicyDeadLetterQueue";
  }

  /** The queue between a policy's rule and its function. */
  public static String policyQueueId(String policy) {
    return Case.pascal(policy) + "PolicyQueue";
  }

  /** The event source mapping that lets a policy's function read its queue. */
  public static String policyQueueMappingId(String policy) {
    return policyQueueId(policy) + "Mapping";
  }

  /** The queue policy that lets a policy's rule send to its queue and its dead-letter queue. */
  public static String policyQueuePolicyId(String policy) {
    return policyQueueId(policy) + "Policy";
  }

  /**
   * What an automation's logical ids start with ({@code WelcomeMemberAutomation}: its {@code
   * …Function}, {@code …Queue}, {@code …Rule}, …), and its handler class's simple name.
   */
  public static String automationId(String automation) {
    return Case.pascal(automation) + "Automation";
  }

  /** The resolver of a GraphQL field: {@code MutationLendBookResolver}. */
  public static String resolverId(String typeName, String fieldName) {
    return typeName + Case.pascal(fieldName) + "Resolver";
  }

  /**
   * The logical id of the resolver of a namespace field ({@code Project} of {@code Mutation}):
   * {@code MutationProjectNamespaceResolver}, apart from a mutation {@code project}'s.
   */
  public static String namespaceResolverId(String typeName, String fieldName) {
    return typeName + Case.pascal(fieldName) + "NamespaceResolver";
  }

  /** The data source without a backend that the namespace resolvers run on. */
  public static final String NAMESPACE_DATA_SOURCE_ID = "ApiNamespaceDataSource";

  /**
   * The logical id of a role's Cognito group: {@code LibrarianGroup}. Logical ids hold only ASCII
   * letters and digits, while a role is any Cognito group name ({@code
   * D3308175807:personal-developer}, {@code rédacteur}): the id keeps the role's ASCII words, and a
   * role with other characters than ASCII letters, digits, {@code -} and {@code _} also gets the
   * first 8 hex digits of its SHA-256, so that {@code a:b} and {@code a.b} get different ids
   * ({@code D3308175807PersonalDeveloperGroup1a2b3c4d}). An id that would not start with a letter
   * starts with {@code Role}.
   */
  public static String roleGroupId(String role) {
    String words = Case.pascal(role);
    String id = words + "Group";
    if (!role.matches("[A-Za-z0-9_-]+")) {
      id += hash8(role);
    }
    return Character.isLetter(id.charAt(0)) && id.charAt(0) < 128 ? id : "Role" + id;
  }

  private static String hash8(String text) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** An event's EventBridge {@code source}: {@code library.Catalog.Book}. */
  public static String eventSource(String app, String subdomain, String aggregate) {
    return subdomain.isEmpty() ? app + "." + aggregate : app + "." + subdomain + "." + aggregate;
  }
}
