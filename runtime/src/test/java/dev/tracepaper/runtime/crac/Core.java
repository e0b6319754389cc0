package dev.tracepaper.runtime.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * What Lambda's Java runtime gives {@code org.crac} under SnapStart, for a JVM that cannot take a
 * snapshot: a process started with {@code -Dorg.crac.Core.Compat=dev.tracepaper.runtime.crac}
 * registers its resources here, and {@code org.crac.Core.checkpointRestore()} runs their hooks as
 * Lambda does around a snapshot: {@code beforeCheckpoint} in reverse order of registration, then
 * {@code afterRestore} in order.
 */
public final class Core {

  private static final Global GLOBAL = new Global();

  private Core() {}

  public static Context<Resource> getGlobalContext() {
    return GLOBAL;
  }

  public static void checkpointRestore() throws CheckpointException, RestoreException {
    try {
      GLOBAL.beforeCheckpoint(GLOBAL);
      GLOBAL.afterRestore(GLOBAL);
    } catch (Exception e) {
      CheckpointException failed = new CheckpointException();
      failed.addSuppressed(e);
      throw failed;
    }
  }

  private static final class Global extends Context<Resource> {
    private final List<Resource> resources = new ArrayList<>();

    @Override
    public synchronized void register(Resource resource) {
      resources.add(resource);
    }

    @Override
    public synchronized void beforeCheckpoint(Context<? extends Resource> context)
        throws Exception {
      for (int i = resources.size() - 1; i >= 0; i--) {
        resources.get(i).beforeCheckpoint(this);
      }
    }

    @Override
    public synchronized void afterRestore(Context<? extends Resource> context) throws Exception {
      for (Resource resource : resources) {
        resource.afterRestore(this);
      }
    }
  }
}
