package dev.tracepaper.render.build;

import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.naming.JavaName;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.CustomQueryData;
import dev.tracepaper.render.data.FieldData;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The data of the model's custom queries ({@code queries:}), which hand-written code answers. */
final class CustomQueryCode {

  /** The resolver every custom query shares: it passes the request to the query function. */
  static final String RESOLVER_FILE = "src/main/resources/resolvers/CustomQuery.js";

  private final ModelIndex index;
  private final TypeMapping types;
  private final FieldCode fields;
  private final JavaNames names;

  CustomQueryCode(ModelIndex index, TypeMapping types, FieldCode fields, JavaNames names) {
    this.index = index;
    this.types = types;
    this.fields = fields;
    this.names = names;
  }

  CustomQueryData of(CustomQuery query) {
    JavaName javaName = names.customQuery(query.name());
    // An argument may be left out by the caller unless it is required: the record holds null then.
    List<FieldData> args =
        query.args().stream()
            .map(
                f -> fields.data(f, Optional.empty(), FieldCode.Presence.MAYBE_ABSENT, required(f)))
            .toList();
    Set<String> imports = new TreeSet<>();
    for (Field f : query.args()) {
      types.addImports(f.type(), Optional.empty(), imports);
    }
    imports.add("com.fasterxml.jackson.databind.JsonNode");
    if (!args.isEmpty()) {
      imports.add(names.runtimePackage() + ".JsonValues");
    }
    String returns = query.returns().map(Located::value).orElseThrow();
    boolean view = index.model().view(returns).isPresent();
    JavaName returnClass = view ? names.viewRow(returns) : names.type(returns);
    imports.add(returnClass.qualified());
    imports.add(names.runtimePackage() + ".Caller");
    List<CustomQueryData.Read> reads =
        query.reads().stream().map(Located::value).distinct().map(this::read).toList();
    if (!reads.isEmpty()) {
      imports.add(names.runtimePackage() + ".LiveRows");
      imports.add(names.runtimePackage() + ".Projection");
      imports.add("java.util.Optional");
    }
    Set<String> codeImports = new TreeSet<>();
    codeImports.add(returnClass.qualified());
    codeImports.add(names.runtimePackage() + ".Caller");
    codeImports.add(names.runtimePackage() + ".CustomContext");
    ApiPlace place = ApiPlace.of(GraphQlNames.QUERY, GraphQlNames.field(query.name()), query.api());
    return new CustomQueryData(
        query.name(),
        "query " + query.name(),
        javaName.packageName(),
        javaName.simpleName(),
        names.customQueryCode(query.name()).simpleName(),
        args,
        view ? returns : GraphQlNames.objectType(returns),
        returnClass.simpleName(),
        reads,
        place.parentType(),
        place.field(),
        place.parentType() + "." + place.field(),
        place.resolverId(),
        RESOLVER_FILE,
        ApiDataBuilder.directives(index, query.auth(), place.namespace()),
        ApiDataBuilder.authTypes(index, query.auth()),
        ApiDataBuilder.cognitoGroups(index, query.auth()),
        query.description().orElse(""),
        ProjectDataBuilder.withoutOwnPackage(imports, javaName.packageName()),
        ProjectDataBuilder.withoutOwnPackage(codeImports, javaName.packageName()));
  }

  private static boolean required(Field field) {
    return field.isRequired(true);
  }

  private CustomQueryData.Read read(String view) {
    return new CustomQueryData.Read(
        view,
        Case.camel(view),
        names.viewRow(view).simpleName(),
        names.viewProjection(view).simpleName(),
        Case.screamingSnake(view),
        AwsNames.GENERATIONS.stream().map(colour -> AwsNames.viewTable(view, colour)).toList());
  }
}
