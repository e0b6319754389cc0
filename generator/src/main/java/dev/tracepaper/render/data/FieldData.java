package dev.tracepaper.render.data;

import java.util.Set;

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
    String writeJson) {

  /**
   * The parameters of {@code fromInput(Input input, Metadata metadata)}, which reads the fields.
   */
  private static final Set<String> FROM_INPUT_PARAMETERS = Set.of("input", "metadata");

  /**
   * The local variable {@code fromInput} reads the field into: its member, and for a field named
   * like one of the method's parameters, the member with a trailing underscore ({@code input_}).
   */
  public String local() {
    return local(member);
  }

  /** The local variable {@code fromInput} reads a field of this member into. */
  public static String local(String member) {
    return FROM_INPUT_PARAMETERS.contains(member) ? member + "_" : member;
  }
}
