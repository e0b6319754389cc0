<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.runtimePackage};

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the HTTP requests an SDK client sends, per operation (retries included). */
final class RequestCounter implements ExecutionInterceptor {

  private final Map<String, Integer> counts = new TreeMap<>();

  @Override
  public synchronized void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    counts.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
  }

  synchronized Map<String, Integer> counts() {
    return new TreeMap<>(counts);
  }

  synchronized int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized void reset() {
    counts.clear();
  }
}
