package dev.tracepaper.runtime.crac;

/** A stand-in for Lambda's CRaC implementation (see {@link Core}). */
public class RestoreException extends Exception {
  private static final long serialVersionUID = 1L;
}
