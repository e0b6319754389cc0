package dev.tracepaper.runtime.crac;

/** A stand-in for Lambda's CRaC implementation (see {@link Core}). */
public interface Resource {
  void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

  void afterRestore(Context<? extends Resource> context) throws Exception;
}
