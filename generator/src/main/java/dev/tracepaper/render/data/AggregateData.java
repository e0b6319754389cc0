package dev.tracepaper.render.data;

import java.util.List;

/**
 * An aggregate: its package of domain classes, its command Lambda and its events' source.
 *
 * @param name the model name ({@code Book}), also the prefix of its ids in the event store
 * @param javaPackage the package of its classes ({@code com.example.library.book})
 * @param stateClass the state record ({@code BookState})
 * @param eventInterface the sealed interface of its events ({@code BookEvent})
 * @param aggregateClass the runtime's description of it ({@code BookAggregate})
 * @param handlerClass the command Lambda handler ({@code BookCommandHandler})
 * @param handler the handler string of the Lambda function ({@code
 *     com.example.library.book.BookCommandHandler::handleRequest})
 * @param functionLogicalId the command function's logical id ({@code BookCommandFunction})
 * @param dataSourceLogicalId the AppSync data source's logical id ({@code BookCommandDataSource})
 * @param source the EventBridge source of its events ({@code library.Catalog.Book})
 * @param snapshotEvery events between snapshots; 0 when it takes none
 * @param retentionDays days its events are kept; 0 for ever
 * @param streamsState whether its events carry the state after them (a {@code from} view reads it)
 * @param stateFingerprint the hash of its state's shape and apply rules that snapshots and stored
 *     states carry ({@code build.StateFingerprint})
 * @param keyMember the state's key component ({@code isbn})
 * @param fields the state's fields, in model order
 * @param emptyState the Java values of the state before its first event, one per field
 * @param entities its entities, in model order
 * @param events its events, in model order
 * @param commands its commands, in model order
 * @param policies its policies, in model order
 * @param handlerExamples at most one command that starts an instance, for the handler's integration
 *     test; none when no case of the model shows one
 * @param description the description, empty when none
 * @param element how generated file headers name it
 * @param stateImports the classes the state's source file imports, sorted
 * @param unique its {@code unique} constraints, in model order
 * @param sentByAutomations whether an automation sends it commands, through its handler's {@code
 *     send}
 */
public record AggregateData(
    String name,
    String javaPackage,
    String stateClass,
    String eventInterface,
    String aggregateClass,
    String handlerClass,
    String handler,
    String functionLogicalId,
    String dataSourceLogicalId,
    String source,
    long snapshotEvery,
    long retentionDays,
    boolean streamsState,
    String stateFingerprint,
    String keyMember,
    List<FieldData> fields,
    List<String> emptyState,
    List<RecordData> entities,
    List<EventData> events,
    List<CommandData> commands,
    List<PolicyData> policies,
    List<HandlerExample> handlerExamples,
    String description,
    String element,
    List<String> stateImports,
    List<UniqueData> unique,
    boolean sentByAutomations)
    implements ModelElement {

  public AggregateData {
    fields = List.copyOf(fields);
    emptyState = List.copyOf(emptyState);
    entities = List.copyOf(entities);
    events = List.copyOf(events);
    commands = List.copyOf(commands);
    policies = List.copyOf(policies);
    handlerExamples = List.copyOf(handlerExamples);
    stateImports = List.copyOf(stateImports);
    unique = List.copyOf(unique);
  }
}
