package dev.tracepaper.render.data;

import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.naming.JavaNames;
import java.util.List;

/**
 * A command: its input record, GraphQL mutation, resolver and flow.
 *
 * @param name the model name ({@code LendBook})
 * @param javaClass the input record's simple name
 * @param mutation the GraphQL mutation field ({@code lendBook}; the last part of an {@code api}
 *     name: {@code register} for {@code Project.Pipeline.register})
 * @param parentType the GraphQL type the field is on: {@code Mutation}, or the type of its
 *     namespace ({@code ProjectPipelineMutations})
 * @param namespace the namespace the field is in, as the API spells it ({@code [Project,
 *     Pipeline]}); empty for a field of {@code Mutation}
 * @param operation what the command handler dispatches on ({@code AppSyncRequest.operation()}): the
 *     field for a field of {@code Mutation}, else the parent type and the field ({@code
 *     ProjectPipelineMutations.register})
 * @param inputType the GraphQL input type ({@code LendBookInput})
 * @param resolverLogicalId the resolver's logical id ({@code MutationLendBookResolver})
 * @param resolverFile the resolver's code, relative to the project: one file all mutations share
 *     ({@code src/main/resources/resolvers/Mutation.js})
 * @param directives the GraphQL auth directives of the mutation ({@code ""} when the default mode
 *     applies)
 * @param roles the roles allowed to run it; empty when any authenticated caller may
 * @param authTypes the AppSync auth types that may call the mutation, which its handler checks
 *     again ({@code AMAZON_COGNITO_USER_POOLS}, {@code API_KEY}, {@code AWS_IAM})
 * @param cognitoGroups the groups a Cognito caller must be in one of, which its handler checks
 *     again; empty when any user of the pool may
 * @param fields every field of the record, in model order
 * @param inputFields the fields the API takes (the record's, less those filled by the system)
 * @param constants Java constants the input checks use (compiled patterns)
 * @param inputReads Java statements reading the fields into locals from {@code input} (an {@code
 *     Input}) and {@code metadata}
 * @param inputChecks Java statements checking the constraints of those locals
 * @param flow its behaviour
 * @param exampleInput an example input, as GraphQL input object text, for the README
 * @param description the description, empty when none
 * @param element how generated file headers name it
 * @param imports the classes the record's source file imports, sorted
 * @param check what the handler checks of the caller and the input before loading the state
 * @param subscription the subscription to its results ({@code onLendBook}, {@code notify: true}),
 *     with the mutation's directives; {@code ""} when it has none
 * @param triggers the handlers of the events of its {@code on}, which run its flow too
 * @param triggerChecks the statements of its record's {@code checked}, which checks an input built
 *     from an event as {@code fromInput} checks the API's; empty when it has no {@code on}
 */
public record CommandData(
    String name,
    String javaClass,
    String mutation,
    String parentType,
    List<String> namespace,
    String operation,
    String inputType,
    String resolverLogicalId,
    String resolverFile,
    String directives,
    List<String> roles,
    List<String> authTypes,
    List<String> cognitoGroups,
    List<FieldData> fields,
    List<FieldData> inputFields,
    List<String> constants,
    List<String> inputReads,
    List<String> inputChecks,
    FlowData flow,
    String exampleInput,
    String description,
    String element,
    List<String> imports,
    CommandCheckData check,
    String subscription,
    List<PolicyData> triggers,
    List<String> triggerChecks)
    implements ModelElement {

  public CommandData {
    namespace = List.copyOf(namespace);
    roles = List.copyOf(roles);
    authTypes = List.copyOf(authTypes);
    cognitoGroups = List.copyOf(cognitoGroups);
    fields = List.copyOf(fields);
    inputFields = List.copyOf(inputFields);
    constants = List.copyOf(constants);
    inputReads = List.copyOf(inputReads);
    inputChecks = List.copyOf(inputChecks);
    imports = List.copyOf(imports);
    triggers = List.copyOf(triggers);
    triggerChecks = List.copyOf(triggerChecks);
  }

  /**
   * The handler's method answering the mutation: {@code lendBook}, and for a command {@code New},
   * {@code new_}. From the command's name, not its field: two namespaces may both have a field
   * {@code register}.
   */
  public String method() {
    return JavaNames.local(GraphQlNames.mutation(name));
  }
}
