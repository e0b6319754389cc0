<#import "/lib/macros.ftl" as m>
<@m.header element=view.element/>
package ${view.javaPackage};

<@m.imports view.custom.imports/>

/**
 * The hand-written part of the view ${view.name}, which the model marks {@code custom: true}.
 * {@link ${view.custom.codeClass}} implements it: Tracepaper created that class once, and
 * regeneration never changes it.
 */
interface ${view.custom.interfaceClass} {

  /**
   * Runs for each event the view handles, with the row changes the model gives for it; returns the
   * changes to apply, in order. {@code rows} reads the view's current rows.
   *
   * <p>Runs after the event is recorded, at least once per event: a failed batch is retried. A
   * write to another system here must be idempotent, keyed by the event's {@code streamId()} and
   * {@code version()} (Tracepaper's docs/custom-code.md).
   */
  List<RowChange> project(StoredEvent stored, RowReader rows, List<RowChange> changes);
}
