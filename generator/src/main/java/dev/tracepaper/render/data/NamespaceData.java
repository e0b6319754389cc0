package dev.tracepaper.render.data;

import java.util.List;

/**
 * A namespace of mutations or queries that {@code api} names make: a field of its parent type whose
 * object type holds the namespace's fields, and a resolver that answers an empty object so that
 * those fields resolve.
 *
 * @param root {@code Mutation} or {@code Query}
 * @param path the namespace as the API spells it ({@code [Project, Pipeline]})
 * @param typeName its object type ({@code ProjectPipelineMutations})
 * @param parentType the type its field is on ({@code ProjectMutations}, or the root)
 * @param field its field, the last part of its path ({@code Pipeline})
 * @param directives the auth directives of its field: every AppSync type some field within it
 *     admits, without groups (the fields within check those); {@code ""} for a field of a root type
 *     that only the default type reads
 * @param typeDirectives the directives of its type, the same types: AppSync checks the type of what
 *     a field returns too, so every field within names its own directives
 * @param resolverLogicalId its field's resolver ({@code ProjectMutationsPipelineNamespaceResolver})
 */
public record NamespaceData(
    String root,
    List<String> path,
    String typeName,
    String parentType,
    String field,
    String directives,
    String typeDirectives,
    String resolverLogicalId) {

  public NamespaceData {
    path = List.copyOf(path);
  }
}
