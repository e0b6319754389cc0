package dev.tracepaper.render.build;

import dev.tracepaper.model.Located;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.GraphQlNames;
import java.util.List;
import java.util.Optional;

/**
 * Where a mutation or query is in the schema: on its root type under its derived name, or where its
 * {@code api} name puts it ({@code Project.Pipeline.register}: field {@code register} of the type
 * {@code ProjectPipelineMutations}, reached through the namespace fields {@code Project} and {@code
 * Pipeline}).
 */
record ApiPlace(String root, List<String> namespace, String field) {

  ApiPlace {
    namespace = List.copyOf(namespace);
  }

  static ApiPlace of(String root, String derived, Optional<Located<String>> api) {
    List<String> path = GraphQlNames.apiPath(api.map(Located::value).orElse(derived));
    return new ApiPlace(root, path.subList(0, path.size() - 1), path.get(path.size() - 1));
  }

  /** The type the field is on. */
  String parentType() {
    return namespace.isEmpty() ? root : GraphQlNames.namespaceType(root, namespace);
  }

  /** What a command handler dispatches on: see {@code AppSyncRequest.operation()}. */
  String operation() {
    return namespace.isEmpty() ? field : parentType() + "." + field;
  }

  String resolverId() {
    return AwsNames.resolverId(parentType(), field);
  }

  String resolverFile() {
    return GraphQlNames.resolverFile(parentType(), field);
  }
}
