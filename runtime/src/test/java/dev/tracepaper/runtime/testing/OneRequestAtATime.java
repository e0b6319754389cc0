package dev.tracepaper.runtime.testing;

import java.io.IOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * An HTTP client that sends one request at a time, for tests against moto_server.
 *
 * <p>DynamoDB applies each request atomically: a conditional put either sees the item or writes it.
 * moto_server serves requests on parallel threads without locking its tables, so two concurrent
 * transactions can both pass {@code attribute_not_exists} and the second overwrites the first: a
 * lost event that real DynamoDB never produces. Serializing the requests restores DynamoDB's
 * per-request atomicity; commands still interleave between their requests, which is the concurrency
 * the event store must handle.
 */
final class OneRequestAtATime implements SdkHttpClient {

  private final SdkHttpClient delegate = UrlConnectionHttpClient.create();
  private final Object lock = new Object();

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    ExecutableHttpRequest prepared = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        synchronized (lock) {
          return prepared.call();
        }
      }

      @Override
      public void abort() {
        prepared.abort();
      }
    };
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
