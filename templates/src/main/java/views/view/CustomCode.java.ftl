<#import "/lib/macros.ftl" as m>
<@m.stubHeader element=view.element/>
package ${view.javaPackage};

<@m.imports view.custom.codeImports/>

/** The hand-written part of the view ${view.name}. */
final class ${view.custom.codeClass} implements ${view.custom.interfaceClass} {

  private final CustomContext context;

  /**
   * Created once per function instance, with the function's settings, clock, logger and AWS
   * clients; a test passes {@code CustomContext.of(settings, clock)}.
   */
  ${view.custom.codeClass}(CustomContext context) {
    this.context = context;
  }

  @Override
  public List<RowChange> project(StoredEvent stored, RowReader rows, List<RowChange> changes) {
    // Change, add or drop row changes here: `changes` is what the model gives for the event.
    return changes;
  }
}
