package dev.tracepaper.render.data;

import java.util.List;

/**
 * A custom query of the model's {@code queries:}: hand-written code answers it in the project's
 * custom query function, through a generated interface ({@code GetTokenQuery}, with its arguments
 * record and the readers of the views it may read) and a class created once ({@code
 * GetTokenQueryCode}).
 *
 * @param name the query's name as written
 * @param element the query as a sentence names it ({@code query GetToken})
 * @param javaPackage the package of its classes (the views')
 * @param interfaceClass the generated interface
 * @param codeClass the hand-written class, created once
 * @param args the arguments, in the args record and the schema field
 * @param returnType the GraphQL type it answers with (nullable in the schema)
 * @param returnClass the Java class of that type (a value type or a view's row)
 * @param reads the views the code may read
 * @param parentType the GraphQL type the field is on ({@code Query} or a namespace type)
 * @param field the field's name there
 * @param operation what the handler dispatches on ({@code AppSyncRequest.operation()})
 * @param resolverLogicalId the resolver's logical id in the template
 * @param resolverFile the resolver's code, shared by every custom query
 * @param directives the schema field's auth directives
 * @param authTypes the AppSync auth types that may call it, which the handler checks again
 * @param cognitoGroups the groups a user-pool caller needs one of (none: any)
 * @param description what it answers, for the schema; empty when none
 * @param imports the classes the interface names by simple name, sorted
 * @param codeImports the classes the hand-written class names by simple name, sorted
 */
public record CustomQueryData(
    String name,
    String element,
    String javaPackage,
    String interfaceClass,
    String codeClass,
    List<FieldData> args,
    String returnType,
    String returnClass,
    List<Read> reads,
    String parentType,
    String field,
    String operation,
    String resolverLogicalId,
    String resolverFile,
    String directives,
    List<String> authTypes,
    List<String> cognitoGroups,
    String description,
    List<String> imports,
    List<String> codeImports)
    implements ModelElement {

  public CustomQueryData {
    args = List.copyOf(args);
    reads = List.copyOf(reads);
    authTypes = List.copyOf(authTypes);
    cognitoGroups = List.copyOf(cognitoGroups);
    imports = List.copyOf(imports);
    codeImports = List.copyOf(codeImports);
  }

  /**
   * A view a custom query may read.
   *
   * @param view the view's name
   * @param method the reader's method ({@code project} for the view {@code Project})
   * @param rowClass the Java class of its rows
   * @param projectionClass its projection, which names its tables
   * @param constant the constant holding the projection in the readers
   * @param tableSuffixes its tables' names after the stack's name and a dot, blue then green
   */
  public record Read(
      String view,
      String method,
      String rowClass,
      String projectionClass,
      String constant,
      List<String> tableSuffixes) {

    public Read {
      tableSuffixes = List.copyOf(tableSuffixes);
    }
  }
}
