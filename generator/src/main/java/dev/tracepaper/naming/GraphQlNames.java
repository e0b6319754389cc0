package dev.tracepaper.naming;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of the generated AppSync schema. Types are PascalCase, fields camelCase; each command
 * is a mutation {@code lendBook(input: LendBookInput!, commandId: ID): CommandResult!}; each view
 * an object type with its queries. docs/naming.md lists the scheme.
 */
public final class GraphQlNames {

  public static final String QUERY = "Query";
  public static final String MUTATION = "Mutation";
  public static final String COMMAND_RESULT = "CommandResult";

  /** The optional argument of every mutation that makes a retry idempotent. */
  public static final String COMMAND_ID_ARGUMENT = "commandId";

  /** Arguments and fields of paged queries. */
  public static final String LIMIT = "limit";

  public static final String NEXT_TOKEN = "nextToken";
  public static final String ITEMS = "items";

  /** What the GraphQL specification allows as a name (section 2.1.9). */
  private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

  private GraphQlNames() {}

  /** Whether {@code name} is a legal GraphQL name. */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * The segments of an {@code api} name as written: {@code Project.Pipeline.register} is the field
   * {@code register} of namespace {@code Project.Pipeline}. Used as written, not case-converted: an
   * API name matches an API that exists.
   */
  public static List<String> apiPath(String api) {
    return Arrays.asList(api.split("\\.", -1));
  }

  /**
   * The object type of a namespace of the mutations or queries ({@code root}): {@code
   * ProjectPipelineMutations} for namespace {@code Project.Pipeline} of {@code Mutation}, {@code
   * BuildQueries} for {@code Build} of {@code Query}.
   */
  public static String namespaceType(String root, List<String> namespace) {
    // Each part as written, its first letter capitalised: `pipeline` and `Pipeline` read alike,
    // and an acronym (`CI`) stays one. An empty part (`Orders..list`, which InvalidApiName
    // reports) adds nothing, so that the other rules can still name the field.
    StringBuilder type = new StringBuilder();
    namespace.stream()
        .filter(segment -> !segment.isEmpty())
        .forEach(
            segment ->
                type.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1)));
    return type.append(root.equals(MUTATION) ? "Mutations" : "Queries").toString();
  }

  /**
   * The type a field of {@code root} named {@code api} is on: {@code root} itself without a
   * namespace.
   */
  public static String parentType(String root, List<String> apiPath) {
    return apiPath.size() == 1 ? root : namespaceType(root, apiPath.subList(0, apiPath.size() - 1));
  }

  /** The object type of a value type, entity or view: {@code Address}. */
  public static String objectType(String name) {
    return Case.pascal(name);
  }

  /** The input type of a value type or entity: {@code AddressInput}. */
  public static String inputType(String name) {
    return Case.pascal(name) + "Input";
  }

  public static String enumType(String enumName) {
    return Case.pascal(enumName);
  }

  /** A command's input type: {@code LendBookInput}. */
  public static String commandInput(String command) {
    return Case.pascal(command) + "Input";
  }

  /** A command's mutation: {@code lendBook}. */
  public static String mutation(String command) {
    return Case.camel(command);
  }

  /** The root type of subscriptions. */
  public static final String SUBSCRIPTION = "Subscription";

  /**
   * The subscription to a notifying command's results: {@code onLendBook}, fired by its mutation.
   */
  public static String commandSubscription(String command) {
    return "on" + Case.pascal(command);
  }

  /**
   * The internal mutation the projector calls after writing a row of a notifying view: {@code
   * publishBookAvailabilityChanged} (IAM only; no user may call it).
   */
  public static String changeMutation(String view) {
    return "publish" + Case.pascal(view) + "Changed";
  }

  /** What a notifying view's subscribers receive: {@code BookAvailabilityChange}. */
  public static String changeType(String view) {
    return Case.pascal(view) + "Change";
  }

  /** The subscription to a notifying view's row changes: {@code onBookAvailabilityChanged}. */
  public static String viewSubscription(String view) {
    return "on" + Case.pascal(view) + "Changed";
  }

  /**
   * The resolver of every view's internal change mutation: it hands its arguments on as the change
   * (a {@code NONE} data source), so its code is the same for every view.
   */
  public static final String CHANGE_RESOLVER_FILE = "src/main/resources/resolvers/PublishChange.js";

  /** The page type of a view's paged queries: {@code BookAvailabilityConnection}. */
  public static String connection(String view) {
    return Case.pascal(view) + "Connection";
  }

  /** A view's {@code get} query: {@code getBookAvailability}. */
  public static String getQuery(String view) {
    return "get" + Case.pascal(view);
  }

  /** A view's {@code list} query: {@code listBookAvailabilities}. */
  public static String listQuery(String view) {
    return "list" + Plurals.of(Case.pascal(view));
  }

  /** A named index query: {@code byOpen} of {@code MemberLoans} is {@code memberLoansByOpen}. */
  public static String indexQuery(String view, String query) {
    return Case.camel(Plurals.of(Case.pascal(view))) + Case.pascal(query);
  }

  /**
   * The argument of a prefix query that gives the text its field begins with: {@code pathPrefix}
   * for {@code prefix: path}.
   */
  public static String prefixArgument(String field) {
    return Case.camel(field) + "Prefix";
  }

  /** A field of an object or input type: {@code loanId}. */
  public static String field(String name) {
    return Case.camel(name);
  }

  /**
   * The JavaScript resolver every mutation shares: they all pass the request to their aggregate's
   * command Lambda, which dispatches on the field name, so their code is the same.
   */
  public static final String MUTATION_RESOLVER_FILE = "src/main/resources/resolvers/Mutation.js";

  /**
   * The pipeline function every query and relation of a stack runs first: it reads which generation
   * of the view is live. One file: its code is the same for every view and stack.
   */
  public static final String GENERATION_FUNCTION_FILE =
      "src/main/resources/resolvers/generation/ReadViewGeneration.js";

  /**
   * The pipeline function that reads a generation's table, one file per colour shared by every
   * view: {@code src/main/resources/resolvers/generation/ReadGreen.js}.
   */
  public static String readFunctionFile(String generation) {
    return "src/main/resources/resolvers/generation/Read" + Case.pascal(generation) + ".js";
  }

  /**
   * The JavaScript resolver every namespace field shares ({@code Mutation.Project}, {@code
   * ProjectMutations.Pipeline}): it answers an empty object, whose fields resolve on their own.
   */
  public static final String NAMESPACE_RESOLVER_FILE = "src/main/resources/resolvers/Namespace.js";

  /** The JavaScript resolver of a field: {@code src/main/resources/resolvers/Query.getBook.js}. */
  public static String resolverFile(String typeName, String fieldName) {
    return "src/main/resources/resolvers/" + typeName + "." + fieldName + ".js";
  }
}
