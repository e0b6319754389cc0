<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.runtimePackage};

class InMemoryEventStoreTest extends EventStoreContract {

  private final InMemoryEventStore store = new InMemoryEventStore();

  @Override
  EventStore store() {
    return store;
  }
}
