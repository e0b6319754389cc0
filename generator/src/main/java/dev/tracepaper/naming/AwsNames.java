package dev.tracepaper.naming;

/**
 * Names in the SAM template: CloudFormation logical ids (PascalCase, letters and digits only),
 * DynamoDB table names (the stack name, a hyphen, then kebab-case) and EventBridge fields.
 * docs/naming.md lists the scheme.
 */
public final class AwsNames {

  /** The table name suffix and logical id of the event store. */
  public static final String EVENT_STORE_TABLE = "event-store";

  public static final String EVENT_STORE_TABLE_ID = "EventStoreTable";

  /** The longest {@code app.name}: a stack name has at most 128 characters; a stage may follow. */
  public static final int MAX_APP_NAME = 100;

  private AwsNames() {}

  /** A view's table, after the stack name: {@code book-availability}. */
  public static String viewTable(String view) {
    return Case.kebab(view);
  }

  /** A table's {@code TableName} in the template: {@code !Sub "${AWS::StackName}-<suffix>"}. */
  public static String tableNameSub(String suffix) {
    return "${AWS::StackName}-" + suffix;
  }

  public static String viewTableId(String view) {
    return Case.pascal(view) + "Table";
  }

  public static String viewDataSourceId(String view) {
    return Case.pascal(view) + "DataSource";
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

  /** The permission that lets a policy's rule invoke its function. */
  public static String policyPermissionId(String policy) {
    return Case.pascal(policy) + "PolicyPermission";
  }

  /** The queue policy that lets a policy's rule send to its dead-letter queue. */
  public static String policyDeadLetterQueuePolicyId(String policy) {
    return policyDeadLetterQueueId(policy) + "Policy";
  }

  /** The resolver of a GraphQL field: {@code MutationLendBookResolver}. */
  public static String resolverId(String typeName, String fieldName) {
    return typeName + Case.pascal(fieldName) + "Resolver";
  }

  /** The Cognito group of a role: {@code LibrarianGroup}. */
  public static String roleGroupId(String role) {
    return Case.pascal(role) + "Group";
  }

  /** An event's EventBridge {@code source}: {@code library.Catalog.Book}. */
  public static String eventSource(String app, String subdomain, String aggregate) {
    return subdomain.isEmpty() ? app + "." + aggregate : app + "." + subdomain + "." + aggregate;
  }
}
