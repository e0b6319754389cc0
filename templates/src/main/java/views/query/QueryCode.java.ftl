<#import "/lib/macros.ftl" as m>
// Written once by Tracepaper, as a starting point, for the custom query ${query.name}.
// This file is yours: regeneration never changes or deletes it.
package ${query.javaPackage};

<@m.imports query.codeImports/>

/** The hand-written answer of the custom query ${query.name}. */
final class ${query.codeClass} implements ${query.interfaceClass} {

  private final CustomContext context;

  /**
   * Created once per function instance, with the function's settings, clock, logger and AWS
   * clients; a test passes {@code CustomContext.of(settings, clock)}.
   */
  ${query.codeClass}(CustomContext context) {
    this.context = context;
  }

  @Override
  public ${query.returnClass} answer(Args args, Caller caller, Views views) {
    // Read the views of the query's `reads` through `views`. Null answers "nothing found".
    return null;
  }
}
