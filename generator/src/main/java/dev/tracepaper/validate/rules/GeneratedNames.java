package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Command;
import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.Model;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.ModelJavaNames;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.naming.JavaName;
import dev.tracepaper.naming.JavaNames;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names the generator would produce for each element of a model, by the scheme of {@code
 * dev.tracepaper.naming}: what collides (NameCollision) or is taken (ReservedWord) is judged on
 * these, not on the names as written.
 */
final class GeneratedNames {

  /** Where a generated name lives; names collide only within one namespace (and scope). */
  enum Namespace {
    GRAPHQL_TYPE("the GraphQL type `%s`", false),
    GRAPHQL_MUTATION("the GraphQL mutation `%s`", false),
    GRAPHQL_QUERY("the GraphQL query `%s`", false),
    GRAPHQL_SUBSCRIPTION("the GraphQL subscription `%s`", false),
    JAVA_PACKAGE("the Java package `%s`", false),
    JAVA_CLASS("the Java class `%s`", false),
    MEMBER("`%s` in the generated Java and GraphQL", false),
    VARIABLE("the Java variable `%s`", false),
    TABLE("the DynamoDB table `<stack>.%s`", false),
    LOGICAL_ID("the CloudFormation resource `%s`", false),
    FILE("the file `%s`", true);

    private final String format;
    final boolean caseInsensitive;

    Namespace(String format, boolean caseInsensitive) {
      this.format = format;
      this.caseInsensitive = caseInsensitive;
    }

    String describe(String name) {
      return format.formatted(name);
    }
  }

  /**
   * One generated name; {@code scope} separates names that live apart: the owning element for a
   * field or variable (compared by identity), else the empty string.
   */
  record Claim(Namespace namespace, Object scope, String name) {

    /** What two claims must share to collide. */
    Key key() {
      String compared = namespace.caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
      return new Key(namespace, scope, compared);
    }
  }

  /** Equal for two claims that collide. */
  record Key(Namespace namespace, Object scope, String name) {}

  private final JavaNames java;
  private final Map<NamedElement, List<Claim>> known = new IdentityHashMap<>();

  private GeneratedNames(Model model) {
    this.java = ModelJavaNames.of(model);
  }

  /** The generated names of every element, worked out once for all the rules that judge them. */
  static GeneratedNames of(ModelIndex index) {
    return index.derived(
        GeneratedNames.class,
        i -> {
          GeneratedNames names = new GeneratedNames(i.model());
          NamedElements.of(i).forEach(e -> names.known.put(e, names.compute(e)));
          return names;
        });
  }

  List<Claim> of(NamedElement e) {
    List<Claim> claims = known.get(e);
    return claims != null ? claims : compute(e);
  }

  private List<Claim> compute(NamedElement e) {
    List<Claim> claims = new ArrayList<>();
    String name = e.name();
    String aggregate = e.aggregate().orElse("");
    switch (e.kind()) {
      case AGGREGATE -> {
        claims.add(new Claim(Namespace.JAVA_PACKAGE, "", java.aggregatePackage(name)));
        java.classesOf(name).forEach(c -> javaClass(claims, c));
        logicalIds(claims, AwsNames.commandFunctionId(name), AwsNames.commandDataSourceId(name));
      }
      case ENTITY -> {
        javaClass(claims, java.entity(aggregate, name));
        graphQlTypes(claims, GraphQlNames.objectType(name), GraphQlNames.inputType(name));
      }
      case EVENT -> javaClass(claims, java.event(aggregate, name));
      case COMMAND -> {
        javaClass(claims, java.command(aggregate, name));
        javaClass(claims, java.flow(aggregate, name));
        testClass(claims, java.flowTest(aggregate, name));
        customClasses(
            claims, e, java.flowCustom(aggregate, name), java.flowCustomCode(aggregate, name));
        graphQlTypes(claims, GraphQlNames.commandInput(name));
        Optional<String> api =
            e.definition() instanceof Command c
                ? c.api().map(Located::value).filter(InvalidApiName::isValid)
                : Optional.empty();
        apiField(claims, GraphQlNames.MUTATION, api.orElse(GraphQlNames.mutation(name)));
        if (e.definition() instanceof Command c && c.notifies()) {
          claims.add(
              new Claim(
                  Namespace.GRAPHQL_SUBSCRIPTION, "", GraphQlNames.commandSubscription(name)));
        }
        // Each event of its `on` has a handler and resources as a policy does.
        if (e.definition() instanceof Command command) {
          for (Trigger trigger : command.triggers()) {
            String handler = command.triggerName(trigger);
            javaClass(claims, java.policyHandler(aggregate, handler));
            logicalIds(
                claims,
                AwsNames.policyFunctionId(handler),
                AwsNames.policyRuleId(handler),
                AwsNames.policyDeadLetterQueueId(handler));
          }
        }
      }
      case POLICY -> {
        javaClass(claims, java.flow(aggregate, name));
        javaClass(claims, java.policyHandler(aggregate, name));
        testClass(claims, java.flowTest(aggregate, name));
        customClasses(
            claims, e, java.flowCustom(aggregate, name), java.flowCustomCode(aggregate, name));
        logicalIds(
            claims,
            AwsNames.policyFunctionId(name),
            AwsNames.policyRuleId(name),
            AwsNames.policyDeadLetterQueueId(name));
      }
      case VIEW -> {
        javaClass(claims, java.viewRow(name));
        javaClass(claims, java.viewProjection(name));
        customClasses(claims, e, java.viewCustom(name), java.viewCustomCode(name));
        graphQlTypes(claims, GraphQlNames.objectType(name), GraphQlNames.connection(name));
        claims.add(new Claim(Namespace.TABLE, "", AwsNames.viewTable(name)));
        logicalIds(
            claims,
            AwsNames.viewTableId(name),
            AwsNames.viewDataSourceId(name),
            AwsNames.viewDataSourceRoleId(name));
        // The other generation's table and data source, and each generation's read function.
        String green = AwsNames.GENERATIONS.get(1);
        claims.add(new Claim(Namespace.TABLE, "", AwsNames.viewTable(name, green)));
        logicalIds(
            claims, AwsNames.viewTableId(name, green), AwsNames.viewDataSourceId(name, green));
        for (String generation : AwsNames.GENERATIONS) {
          logicalIds(claims, AwsNames.viewReadFunctionId(name, generation));
        }
        if (e.definition() instanceof View v && v.notifies()) {
          // Its subscription, change type and internal mutation, whose resolver file all share.
          String mutation = GraphQlNames.changeMutation(name);
          graphQlTypes(claims, GraphQlNames.changeType(name));
          claims.add(new Claim(Namespace.GRAPHQL_MUTATION, "", mutation));
          claims.add(
              new Claim(Namespace.GRAPHQL_SUBSCRIPTION, "", GraphQlNames.viewSubscription(name)));
          logicalIds(
              claims,
              AwsNames.resolverId(GraphQlNames.MUTATION, mutation),
              AwsNames.viewChangesDataSourceId(name));
        }
        // A view without `queries` gets `get` and `list`; with them, each query claims its own.
        if (e.definition() instanceof View v && v.queries().isEmpty()) {
          resolver(claims, GraphQlNames.QUERY, GraphQlNames.getQuery(name));
          resolver(claims, GraphQlNames.QUERY, GraphQlNames.listQuery(name));
        }
      }
      case QUERY -> {
        Optional<String> api =
            e.definition() instanceof Query q
                ? q.api().map(Located::value).filter(InvalidApiName::isValid)
                : Optional.empty();
        apiField(claims, GraphQlNames.QUERY, api.orElse(queryField(e)));
      }
      case CUSTOM_QUERY -> {
        javaClass(claims, java.customQuery(name));
        javaClass(claims, java.customQueryCode(name));
        Optional<String> api =
            e.definition() instanceof CustomQuery q
                ? q.api().map(Located::value)
                : Optional.empty();
        apiField(claims, GraphQlNames.QUERY, api.orElse(GraphQlNames.field(name)));
      }
      case TYPE -> {
        javaClass(claims, java.type(name));
        graphQlTypes(claims, GraphQlNames.objectType(name), GraphQlNames.inputType(name));
      }
      case ENUM -> {
        javaClass(claims, java.enumType(name));
        graphQlTypes(claims, GraphQlNames.enumType(name));
      }
      case FIELD -> claims.add(new Claim(Namespace.MEMBER, ownerScope(e), JavaNames.member(name)));
      case VARIABLE ->
          claims.add(new Claim(Namespace.VARIABLE, ownerScope(e), JavaNames.variable(name)));
      case ROLE -> logicalIds(claims, AwsNames.roleGroupId(name));
      case PATTERN, ENUM_VALUE, RULE_CODE -> {
        // Patterns are spliced into validation code; values and codes are used as written.
      }
    }
    return List.copyOf(claims);
  }

  /**
   * The GraphQL field of a view's query: {@code getBook}, {@code listBooks}, {@code booksByAuthor}.
   */
  static String queryField(NamedElement query) {
    String view = query.owner().map(NamedElement::name).orElse("");
    Query.Kind kind = query.definition() instanceof Query q ? q.kind() : Query.Kind.INDEX;
    return switch (kind) {
      case GET -> GraphQlNames.getQuery(view);
      case LIST -> GraphQlNames.listQuery(view);
      case INDEX -> GraphQlNames.indexQuery(view, query.name());
    };
  }

  private static Object ownerScope(NamedElement e) {
    return e.owner().<Object>map(Owner::new).orElse("");
  }

  /**
   * An owning element as a scope. Compared by identity: elements are records that hold whole model
   * subtrees, too costly to compare or hash by value.
   */
  record Owner(NamedElement element) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Owner that && that.element == element;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(element);
    }
  }

  private static void javaClass(List<Claim> claims, JavaName name) {
    claims.add(new Claim(Namespace.JAVA_CLASS, "", name.qualified()));
    claims.add(new Claim(Namespace.FILE, "", name.sourcePath()));
  }

  /** The interface and hand-written class of a {@code custom: true} element. */
  private static void customClasses(
      List<Claim> claims, NamedElement element, JavaName customInterface, JavaName code) {
    Object definition = element.definition();
    boolean custom =
        definition instanceof dev.tracepaper.model.Flow f
            ? f.custom()
            : definition instanceof View v && v.custom();
    if (custom) {
      javaClass(claims, customInterface);
      javaClass(claims, code);
    }
  }

  private static void testClass(List<Claim> claims, JavaName name) {
    claims.add(new Claim(Namespace.JAVA_CLASS, "", name.qualified()));
    claims.add(new Claim(Namespace.FILE, "", name.testSourcePath()));
  }

  private static void graphQlTypes(List<Claim> claims, String... names) {
    for (String n : names) {
      claims.add(new Claim(Namespace.GRAPHQL_TYPE, "", n));
    }
  }

  private static void logicalIds(List<Claim> claims, String... ids) {
    for (String id : ids) {
      claims.add(new Claim(Namespace.LOGICAL_ID, "", id));
    }
  }

  /**
   * A field of the root {@code root} by its API name: its path ({@code Project.Pipeline.register})
   * is what must be unique, its resolver is on the namespace's type.
   */
  private static void apiField(List<Claim> claims, String root, String api) {
    // An API name InvalidApiName refuses claims nothing: it has no type or resolver to clash.
    List<String> path = GraphQlNames.apiPath(api);
    String field = path.get(path.size() - 1);
    String typeName = GraphQlNames.parentType(root, path);
    Namespace namespace =
        root.equals(GraphQlNames.MUTATION) ? Namespace.GRAPHQL_MUTATION : Namespace.GRAPHQL_QUERY;
    claims.add(new Claim(namespace, "", api));
    claims.add(new Claim(Namespace.LOGICAL_ID, "", AwsNames.resolverId(typeName, field)));
    claims.add(new Claim(Namespace.FILE, "", GraphQlNames.resolverFile(typeName, field)));
  }

  private static void resolver(List<Claim> claims, String typeName, String field) {
    Namespace namespace =
        typeName.equals(GraphQlNames.MUTATION)
            ? Namespace.GRAPHQL_MUTATION
            : Namespace.GRAPHQL_QUERY;
    claims.add(new Claim(namespace, "", field));
    claims.add(new Claim(Namespace.LOGICAL_ID, "", AwsNames.resolverId(typeName, field)));
    claims.add(new Claim(Namespace.FILE, "", GraphQlNames.resolverFile(typeName, field)));
  }
}
