package dev.tracepaper.runtime;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Makes chosen calls of a real SDK client fail the way the network fails, for fault tests against
 * moto_server. A fault is armed for the next call of an operation and fails its attempts (the SDK's
 * own retries included, up to a count) at one point: before the request leaves (the server never
 * sees it) or after the server answered (the server applied it; the caller never learns that). It
 * can also make the server refuse the last item of a transaction, the others being fine. Every
 * other call goes through untouched.
 */
public final class Faults implements ExecutionInterceptor {

  /** Where an attempt fails. */
  public enum Point {
    /** The connection fails before the request is sent: nothing reaches the server. */
    BEFORE_SENDING,
    /** The connection drops after the server answered: the request took effect, unseen. */
    AFTER_ANSWER
  }

  private record Fault(String operation, Point point, int attempts) {}

  /** An armed fault waiting for its call: {@code skip} more calls of the operation go through. */
  private static final class Pending {
    final Fault fault;
    int skip;

    Pending(Fault fault, int skip) {
      this.fault = fault;
      this.skip = skip;
    }
  }

  /** The fault that a call carries, with the attempts it has left to fail. */
  private static final class Armed {
    final Fault fault;
    int attemptsLeft;

    Armed(Fault fault) {
      this.fault = fault;
      this.attemptsLeft = fault.attempts();
    }
  }

  private static final ExecutionAttribute<Armed> ARMED = new ExecutionAttribute<>("injected-fault");

  private final Deque<Pending> pending = new ArrayDeque<>();
  private boolean refuseLastItem;
  private int injected;

  /**
   * Arms a fault for the next call of {@code operation} (e.g. {@code "TransactWriteItems"}): its
   * first {@code attempts} attempts fail at {@code point}; {@link Integer#MAX_VALUE} fails them
   * all, so the call fails after the SDK's retries.
   */
  public Faults failNext(String operation, Point point, int attempts) {
    return failCall(operation, 1, point, attempts);
  }

  /**
   * As {@link #failNext}, for the {@code call}-th call of {@code operation} (1 is the next) after
   * the faults armed before this one were used.
   */
  public synchronized Faults failCall(String operation, int call, Point point, int attempts) {
    pending.add(new Pending(new Fault(operation, point, attempts), call - 1));
    return this;
  }

  /**
   * Makes the server refuse the next TransactWriteItems at its last item: that item's condition
   * becomes {@code attribute_exists(pk)}, which a new event's free version fails.
   */
  public synchronized Faults refuseLastItemOfNextTransaction() {
    refuseLastItem = true;
    return this;
  }

  /** How many attempts were made to fail (or transactions to be refused) so far. */
  public synchronized int injected() {
    return injected;
  }

  /** Whether every armed fault has been used. */
  public synchronized boolean allUsed() {
    return pending.isEmpty() && !refuseLastItem;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof TransactWriteItemsRequest transaction)) {
      return context.request();
    }
    synchronized (this) {
      if (!refuseLastItem) {
        return transaction;
      }
      refuseLastItem = false;
      injected++;
    }
    List<TransactWriteItem> items = new ArrayList<>(transaction.transactItems());
    TransactWriteItem last = items.get(items.size() - 1);
    items.set(
        items.size() - 1,
        last.toBuilder()
            .put(last.put().toBuilder().conditionExpression("attribute_exists(pk)").build())
            .build());
    return transaction.toBuilder().transactItems(items).build();
  }

  @Override
  public synchronized void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Pending next = pending.peek();
    if (next == null || !next.fault.operation().equals(operation)) {
      return;
    }
    if (next.skip > 0) {
      next.skip--;
    } else {
      attributes.putAttribute(ARMED, new Armed(pending.poll().fault));
    }
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    failIf(Point.BEFORE_SENDING, attributes, "Connection refused");
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    failIf(Point.AFTER_ANSWER, attributes, "Connection reset");
  }

  private void failIf(Point point, ExecutionAttributes attributes, String what) {
    Armed armed = attributes.getAttribute(ARMED);
    if (armed == null || armed.fault.point() != point) {
      return;
    }
    synchronized (this) {
      if (armed.attemptsLeft == 0) {
        return;
      }
      armed.attemptsLeft--;
      injected++;
    }
    // An I/O failure, as the HTTP client reports one: the SDK treats it as retryable.
    throw SdkClientException.create(
        "injected fault in " + armed.fault.operation() + ": " + what,
        new IOException(what + " (injected)"));
  }
}
