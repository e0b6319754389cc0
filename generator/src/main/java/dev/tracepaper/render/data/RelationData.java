package dev.tracepaper.render.data;

/**
 * A field of a view that resolves rows of another view: {@code ref} (this row holds the other's
 * key: one row), {@code by} (the other's rows whose field holds this row's key: a page) or {@code
 * refs} (this row holds a list of the other's keys: a page of that list).
 *
 * @param field the GraphQL field ({@code practitioner})
 * @param kind {@code REF}, {@code BY} or {@code REFS}
 * @param target the other view's name
 * @param targetTableLogicalId the other view's table
 * @param targetDataSourceLogicalId the other view's (blue) data source; the resolver reads with
 *     that view's functions (its {@code generations})
 * @param graphqlType the field's GraphQL type ({@code PractitionerDirectory}, {@code
 *     ScheduleConnection!})
 * @param sourceField for {@code REF}: this view's field holding the other's key; for {@code BY}:
 *     this view's key field; for {@code REFS}: this view's list of the other's keys
 * @param targetField for {@code REF} and {@code REFS}: the other view's key field; for {@code BY}:
 *     the other view's field that holds this row's key
 * @param targetIndex for {@code BY}: the other view's index over {@code targetField}
 * @param targetSortField for {@code BY}: that index's sort field; empty when none
 * @param targetAscending for {@code BY}: whether the rows come in ascending order of {@code
 *     targetSortField}, as the other view's query over that index orders them (else latest first)
 * @param resolverFile the resolver's code, relative to the project
 * @param resolverLogicalId the resolver's logical id
 * @param directives the GraphQL auth directives of the field: the other view's ({@code ""} for the
 *     default mode)
 * @param prefixArgument for {@code BY}: the argument giving the text {@code targetSortField} begins
 *     with ({@code titlePrefix}); empty when the relation matches no prefix
 * @param check what the resolver checks of the caller when the other view's auth depends on the
 *     data
 */
public record RelationData(
    String field,
    String kind,
    String target,
    String targetTableLogicalId,
    String targetDataSourceLogicalId,
    String graphqlType,
    String sourceField,
    String targetField,
    String targetIndex,
    String targetSortField,
    boolean targetAscending,
    String resolverFile,
    String resolverLogicalId,
    String directives,
    String prefixArgument,
    ReadCheckData check) {}
