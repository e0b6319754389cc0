package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the invocation a thread runs is about, for its log lines ({@link Log}) and metrics ({@link
 * Metrics}): Lambda's request id, then the command, commandId, correlationId and aggregate key as
 * they become known, and what happened on the way (lost races, upcast events).
 *
 * <p>One per thread: Lambda runs one invocation at a time per thread, and each handler begins a new
 * one, so nothing of the previous invocation is left. Code that runs outside a handler (a test, a
 * tool) gets a thread's detached invocation without a request id.
 */
public final class Invocation {

  private static final ThreadLocal<Invocation> CURRENT =
      ThreadLocal.withInitial(() -> new Invocation(null));

  private final String requestId;
  private final Map<String, String> fields = new LinkedHashMap<>();
  private int conflicts;
  private int retries;
  private int upcasts;

  private Invocation(String requestId) {
    this.requestId = requestId;
  }

  /** Starts the invocation of {@code context} on this thread; {@code null} in tests. */
  public static Invocation begin(Context context) {
    Invocation invocation = new Invocation(context == null ? null : context.getAwsRequestId());
    CURRENT.set(invocation);
    return invocation;
  }

  /** The invocation this thread runs. */
  public static Invocation current() {
    return CURRENT.get();
  }

  /** Lambda's request id; {@code null} outside Lambda. */
  public String requestId() {
    return requestId;
  }

  /** Adds a field every later log line and metric document of the invocation carries. */
  public Invocation put(String name, String value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  /** The fields put so far, in the order they were put. */
  public Map<String, String> fields() {
    return Collections.unmodifiableMap(fields);
  }

  /** The fields of the command that {@code meta} describes, on its aggregate instance. */
  void command(String aggregate, String key, Metadata meta) {
    put("aggregate", aggregate);
    put("aggregateKey", key);
    put("commandId", meta.commandId() == null ? null : meta.commandId().id());
    put("correlationId", meta.correlationId());
  }

  /** An append lost a race with another command; {@code retried} if the command decides again. */
  void conflict(boolean retried) {
    conflicts++;
    if (retried) {
      retries++;
    }
  }

  /** A stored event was read in the shape of an older model (renamed or of an older version). */
  void upcast() {
    upcasts++;
  }

  public int conflicts() {
    return conflicts;
  }

  public int retries() {
    return retries;
  }

  public int upcasts() {
    return upcasts;
  }
}
