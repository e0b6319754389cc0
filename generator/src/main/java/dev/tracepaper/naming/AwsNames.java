package dev.tracepaper.naming;

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

  public static String viewDataSourceId(String view) {
    return Case.pascal(view) + "DataSource";
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

  /** The resolver of a GraphQL field: {@code MutationLendBookResolver}. */
  public static String resolverId(String typeName, String fieldName) {
    return typeName + Case.pascal(fieldName) + "Resolver";
  }

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
