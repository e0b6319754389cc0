package dev.tracepaper.runtime.crac;

/** A stand-in for Lambda's CRaC implementation (see {@link Core}). */
public abstract class Context<R extends Resource> implements Resource {
  public abstract void register(R resource);
}
