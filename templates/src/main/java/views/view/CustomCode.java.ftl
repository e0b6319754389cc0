<#import "/lib/macros.ftl" as m>
<@m.stubHeader element=view.element/>
package ${view.javaPackage};

<@m.imports view.custom.imports/>

/** The hand-written part of the view ${view.name}. */
final class ${view.custom.codeClass} implements ${view.custom.interfaceClass} {

  @Override
  public List<RowChange> project(StoredEvent stored, RowReader rows, List<RowChange> changes) {
    // Change, add or drop row changes here: `changes` is what the model gives for the event.
    return changes;
  }
}
