package dev.tracepaper.render.data;

import java.util.List;

/**
 * A query of a view: a field of GraphQL {@code Query} served by an AppSync JS resolver on the
 * view's DynamoDB data source.
 *
 * @param name the model name ({@code get}, {@code list}, {@code byOpen})
 * @param kind {@code GET}, {@code LIST} or {@code INDEX}
 * @param field the GraphQL field ({@code getBookAvailability}, {@code listBookAvailabilities},
 *     {@code memberLoansByOpen})
 * @param resolverFile the resolver's code, relative to the project
 * @param resolverLogicalId the resolver's logical id
 * @param directives the GraphQL auth directives of the field ({@code ""} for the default mode)
 * @param indexName the secondary index it queries ({@code byOpen}); empty for get and list
 * @param argument the argument it takes: the key for get, the index field for an index query; empty
 *     for list
 * @param argumentType the argument's GraphQL type ({@code String!}); empty for list
 * @param sortField the index's sort field; empty when none
 * @param ascending whether an index query answers its rows in ascending order of {@code sortField}
 *     (else descending: latest first)
 * @param prefixArgument the argument giving the text {@code sortField} begins with ({@code
 *     pathPrefix}); empty when the query matches no prefix
 * @param check what the resolver checks of the caller when the auth depends on the data
 */
public record QueryData(
    String name,
    String kind,
    String field,
    String parentType,
    List<String> namespace,
    String resolverFile,
    String resolverLogicalId,
    String directives,
    String indexName,
    String argument,
    String argumentType,
    String sortField,
    boolean ascending,
    String prefixArgument,
    ReadCheckData check) {

  public QueryData {
    namespace = List.copyOf(namespace);
  }
}
