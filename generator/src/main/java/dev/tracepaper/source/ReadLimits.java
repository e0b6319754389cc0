package dev.tracepaper.source;

/**
 * Bounds that keep a hostile model file from exhausting memory or time. The defaults leave room for
 * models far larger than any real domain (a model of a thousand aggregates is about 2 MiB).
 */
public record ReadLimits(long maxFileBytes, int maxDepth, int maxAliases, long maxNodes) {

  public static final ReadLimits DEFAULT = new ReadLimits(16L << 20, 64, 1_000, 5_000_000L);
}
