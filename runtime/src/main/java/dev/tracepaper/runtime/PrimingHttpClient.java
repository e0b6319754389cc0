package dev.tracepaper.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP client of the priming clients ({@link Priming}): it answers every request itself, from
 * memory, with the smallest successful answer of its operation. No socket is opened, so priming can
 * reach no table or bus, real or emulated, and needs no credentials. The SDK still marshals, signs
 * and sends each request and unmarshals the answer: the classes a real call loads.
 */
final class PrimingHttpClient implements SdkHttpClient {

  private final List<String> operations = new ArrayList<>();

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    // DynamoDB and EventBridge speak AWS JSON: the operation is in X-Amz-Target.
    String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
    String operation = target.substring(target.lastIndexOf('.') + 1);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        if (request.contentStreamProvider().isPresent()) {
          try (InputStream body = request.contentStreamProvider().get().newStream()) {
            body.transferTo(OutputStream.nullOutputStream());
          }
        }
        byte[] answer = answer(operation).getBytes(StandardCharsets.UTF_8);
        synchronized (operations) {
          operations.add(operation);
        }
        return HttpExecuteResponse.builder()
            .response(
                SdkHttpResponse.builder()
                    .statusCode(200)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("Content-Length", Integer.toString(answer.length))
                    .build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  /** An empty Query (nothing stored yet), a PutEvents that took its entry, else an empty object. */
  private static String answer(String operation) {
    return switch (operation) {
      case "Query" -> "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}";
      case "PutEvents" -> "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"priming\"}]}";
      default -> "{}";
    };
  }

  /** The operations answered so far, in order ({@code Query}, {@code TransactWriteItems}, ...). */
  List<String> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }

  @Override
  public void close() {}

  @Override
  public String clientName() {
    return "priming";
  }
}
