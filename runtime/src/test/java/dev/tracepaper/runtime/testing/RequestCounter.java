package dev.tracepaper.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests an SDK client sends, per operation (retries included), and keeps the
 * requests themselves.
 */
public final class RequestCounter implements ExecutionInterceptor {

  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<SdkRequest> requests = new ArrayList<>();

  @Override
  public synchronized void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes attributes) {
    requests.add(context.request());
  }

  @Override
  public synchronized void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    counts.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
  }

  public synchronized Map<String, Integer> counts() {
    return new TreeMap<>(counts);
  }

  public synchronized <R extends SdkRequest> List<R> requests(Class<R> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public synchronized void reset() {
    counts.clear();
    requests.clear();
  }
}
