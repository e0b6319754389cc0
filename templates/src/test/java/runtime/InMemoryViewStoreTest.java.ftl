<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.runtimePackage};

/** The view store contract, in memory. */
class InMemoryViewStoreTest extends ViewStoreContract {

  private final InMemoryViewStore store = new InMemoryViewStore();

  @Override
  ViewStore store() {
    return store;
  }
}
