package dev.tracepaper.runtime.automation;

import dev.tracepaper.runtime.Log;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An automation's own queue, which every trigger goes through: a deployment's run is sent to it,
 * and a failed delivery is hidden in it for longer each time ({@link #backoff}).
 */
final class AutomationQueue {

  /** The first wait before a failed run is delivered again; each later one doubles. */
  static final int FIRST_RETRY_SECONDS = 30;

  /** The longest wait (SQS allows up to 12 hours; a run is retried within an hour). */
  static final int LONGEST_RETRY_SECONDS = 900;

  private final SqsClient sqs;
  private final String url;

  AutomationQueue(SqsClient sqs, String url) {
    this.sqs = sqs;
    this.url = url;
  }

  void send(String body) {
    sqs.sendMessage(request -> request.queueUrl(url).messageBody(body));
  }

  /**
   * Hides a failed message for {@link #retryDelay} seconds before its next delivery. If that fails,
   * the queue's own visibility timeout applies: the run is retried all the same.
   */
  void backoff(String receiptHandle, int receiveCount) {
    int seconds = retryDelay(receiveCount);
    try {
      sqs.changeMessageVisibility(
          request -> request.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    } catch (RuntimeException e) {
      Log.warn("Cannot delay the retry; the queue's visibility timeout applies", e);
    }
  }

  /** 30 s after the first receive, then 60, 120, 240, ..., at most 900. */
  static int retryDelay(int receiveCount) {
    int doublings = Math.max(0, Math.min(receiveCount - 1, 5));
    return Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS << doublings);
  }
}
