package dev.tracepaper.render.data;

/**
 * One field of a record (state, event, command input, entity, value type), converted for every
 * place it lands.
 *
 * @param name the model name, as written (JSON property and GraphQL field)
 * @param member the Java record component ({@code loanId})
 * @param javaType the Java type of the component ({@code long}, {@code Long}, {@code List<Loan>})
 * @param graphqlType the GraphQL output type ({@code String!}, {@code [Loan!]})
 * @param graphqlInputType the GraphQL input type ({@code String!}, {@code AddressInput})
 * @param required whether the API input must give it
 * @param description the description, empty when none
 * @param readJson a Java expression reading the field from the JSON object {@code json}
 * @param writeJson a Java statement adding the field's value (from the record {@code value}) to the
 *     JSON object {@code json}
 */
public record FieldData(
    String name,
    String member,
    String javaType,
    String graphqlType,
    String graphqlInputType,
    boolean required,
    String description,
    String readJson,
    String writeJson) {}
