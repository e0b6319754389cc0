<#import "/lib/macros.ftl" as m>
<@m.header element=view.element/>
package ${view.javaPackage};

<@m.imports view.projectionImports/>

/**
<#if view.from?has_content>
 * Keeps the view ${view.name} equal to the state of each ${view.from[0].aggregate}: every event
 * of one rewrites its row from the state after the event, which the event store keeps with it.
<#else>
 * Keeps the view ${view.name} from events: each handled event changes the row its key names<#if view.handlers?filter(h -> h.keys?has_content)?has_content>,
 * or every row its list of keys names</#if>.
</#if>
 */
public final class ${view.projectionClass} implements Projection {
<#if view.custom.enabled>

  /** The hand-written part ({@code custom: true}): yours to edit, never regenerated. */
  private final ${view.custom.interfaceClass} custom;

  /** The projection of a deployed function: the hand-written part gets the function's context. */
  public ${view.projectionClass}() {
    this(CustomContext.fromEnvironment());
  }

  /** The projection whose hand-written part gets {@code context} (tests: settings, clock, fakes). */
  public ${view.projectionClass}(CustomContext context) {
    this.custom = new ${view.custom.codeClass}(context);
  }
</#if>

  @Override
  public String view() {
    return ${javaString(view.name)};
  }

  @Override
  public String keyField() {
    return ${javaString(view.keyField)};
  }

  @Override
  public String tableVariable() {
    return ${javaString(view.tableVariable)};
  }

  @Override
  public String tableSuffix() {
    return ${javaString(view.tableSuffix)};
  }

  @Override
  public long retentionDays() {
    return ${view.retentionDays?c};
  }
<#if view.subscription.enabled>

  /**
   * The view notifies: after writing a row, the projector publishes it with this mutation to the
   * subscribers of {@code ${view.subscription.subscription}}.
   */
  @Override
  public Optional<String> notification() {
    return Optional.of(
        """
<#list view.subscription.document?split("\n")?filter(l -> l?has_content) as line>
        ${line}
</#list>
        """);
  }
</#if>
<#if view.from?has_content>
<#assign from = view.from[0]>

  /**
   * Rows come from the ${from.aggregate}'s state: each event reaches {@link #project} with the
   * state this model computes, also when the state stored with it is missing or of another model.
   */
  @Override
  public Optional<AggregateType<?, ?>> stateOf() {
    return Optional.of(${from.aggregateClass}.TYPE);
  }

  @Override
  public boolean handles(StoredEvent stored) {
    return stored.aggregate().equals(${javaString(from.aggregate)});
  }

  @Override
  public List<RowChange> project(StoredEvent stored, RowReader rows) {
<#if view.custom.enabled>
    return custom.project(
        ${from.aggregateClass}.TYPE.upcast(stored), rows, projectAsModelled(stored, rows));
  }

  /** The row changes the model gives for the event, before the hand-written part sees them. */
  private List<RowChange> projectAsModelled(StoredEvent stored, RowReader rows) {
</#if>
    ${from.stateClass} state = ${from.stateClass}.fromJson(stored.state());
    String key = ${from.key};
    if (key == null) {
      return List.of();
    }
    boolean ended =
        ${from.aggregateClass}.TYPE.endsInstance(
            ${from.aggregateClass}.TYPE.readEvent(stored));
    if (ended || !(${from.where})) {
      return List.of(new RowChange.Delete(key));
    }
    ${view.javaClass} row =
        new ${view.javaClass}(
<@m.arguments from.row "            "/>
    return List.of(new RowChange.Put(key, ${view.javaClass}.toJson(row)));
  }
<#else>

<#assign sources = []>
<#list view.handlers as h>
<#if !sources?map(x -> x.aggregate)?seq_contains(h.aggregate)>
<#assign sources = sources + [h]>
</#if>
</#list>
  @Override
  public boolean handles(StoredEvent stored) {
    return <#list view.handlers as h><#list h.storedTypes as t>is(stored, ${javaString(h.aggregate)}, ${javaString(t)})<#sep>
        || </#sep></#list><#sep>
        || </#sep></#list>;
  }

  @Override
  public List<RowChange> project(StoredEvent stored, RowReader rows) {
    StoredEvent event = current(stored);
<#if view.custom.enabled>
    return custom.project(event, rows, projectAsModelled(event, rows));
  }

  /** The row changes the model gives for the event, before the hand-written part sees them. */
  private List<RowChange> projectAsModelled(StoredEvent event, RowReader rows) {
</#if>
<#list view.handlers as h>
    if (is(event, ${javaString(h.aggregate)}, ${javaString(h.eventType)})) {
      return on(${h.eventClass}.fromJson(event.payload()), rows);
    }
</#list>
    return List.of();
  }

  /** The event as this model writes it, whichever version of the model stored it. */
  private static StoredEvent current(StoredEvent stored) {
<#if sources?size == 1>
    return ${sources[0].aggregateClass}.TYPE.upcast(stored);
<#else>
    return switch (stored.aggregate()) {
<#list sources as h>
      case ${javaString(h.aggregate)} -> ${h.aggregateClass}.TYPE.upcast(stored);
</#list>
      default -> throw new IllegalArgumentException("no event of " + stored.aggregate() + " changes ${view.name}");
    };
</#if>
  }

  private static boolean is(StoredEvent stored, String aggregate, String type) {
    return stored.aggregate().equals(aggregate) && stored.type().equals(type);
  }
<#if view.handlers?filter(h -> !h.deletes)?has_content>

  /** The row under {@code key}, or one holding only its key when none is stored yet. */
  private static ${view.javaClass} row(RowReader rows, String key) {
<#assign keyedEmpty = []>
<#list view.fields as f>
<#assign keyedEmpty = keyedEmpty + [(f.name == view.keyField)?then("key", view.emptyRow[f?index])]>
</#list>
    return rows.row(key)
        .map(${view.javaClass}::fromJson)
        .orElseGet(
            () ->
                new ${view.javaClass}(
<@m.arguments keyedEmpty "                    " "));"/>
  }
</#if>
<#list view.handlers as h>

<#if h.keys?has_content>
  private static List<RowChange> on(${h.eventClass} event, RowReader rows) {
    List<RowChange> changes = new ArrayList<>();
    // Each row once, however often the list names it; each is written under its own versions.
    for (String key : ${h.keys}.stream().filter(Objects::nonNull).distinct().toList()) {
<#if h.deletes>
      // Read first: the tombstone then keeps the versions of every stream that fed the row.
      rows.row(key);
      changes.add(new RowChange.Delete(key));
<#else>
      ${view.javaClass} view = row(rows, key);
<#if h.deleteIf?has_content>
      if (${h.deleteIf}) {
        changes.add(new RowChange.Delete(key));
<#if h.row?has_content>
        continue;
</#if>
      }
</#if>
<#if h.row?has_content>
      ${view.javaClass} row =
          new ${view.javaClass}(
<@m.arguments h.row "              "/>
      changes.add(new RowChange.Put(key, ${view.javaClass}.toJson(row)));
</#if>
</#if>
    }
    return changes;
  }
<#else>
  private static List<RowChange> on(${h.eventClass} event, RowReader rows) {
    String key = ${h.key};
    if (key == null) {
      return List.of();
    }
<#if h.deletes>
    // Read first: the tombstone then keeps the versions of every stream that fed the row.
    rows.row(key);
    return List.of(new RowChange.Delete(key));
<#else>
    ${view.javaClass} view = row(rows, key);
<#if h.deleteIf?has_content>
    if (${h.deleteIf}) {
      return List.of(new RowChange.Delete(key));
    }
</#if>
<#if h.row?has_content>
    ${view.javaClass} row =
        new ${view.javaClass}(
<@m.arguments h.row "            "/>
    return List.of(new RowChange.Put(key, ${view.javaClass}.toJson(row)));
<#else>
    return List.of();
</#if>
</#if>
  }
</#if>
</#list>
</#if>
}
