package dev.tracepaper.runtime.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.Log;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The answer of an {@code afterDeployment} automation to CloudFormation's custom-resource request,
 * sent with every deployment of new code: on {@code Create} and {@code Update} it sends the run to
 * its own queue and answers SUCCESS; on {@code Delete} it only answers SUCCESS. The run itself then
 * has the retries and the dead-letter queue of every other trigger, so a deployment neither waits
 * for it nor is rolled back by it; FAILED is answered only when the run cannot be enqueued.
 */
final class DeploymentHook {

  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(20);

  private final Optional<AutomationQueue> queue;
  private final HttpClient http;

  DeploymentHook(Optional<AutomationQueue> queue, HttpClient http) {
    this.queue = queue;
    this.http = http;
  }

  /** Whether {@code input} is CloudFormation's custom-resource request. */
  static boolean isRequest(JsonNode input) {
    return input.path("RequestType").isTextual() && input.path("ResponseURL").isTextual();
  }

  /** Handles the request; answers what it sent to CloudFormation. */
  ObjectNode handle(String automation, JsonNode request, Instant now) {
    String type = request.path("RequestType").asText();
    String requestId = request.path("RequestId").asText();
    ObjectNode response = Json.object();
    String reason = null;
    if (type.equals("Create") || type.equals("Update")) {
      reason = enqueue(requestId, now);
    } else if (!type.equals("Delete")) {
      reason = "unknown request type " + type;
    }
    response.put("Status", reason == null ? "SUCCESS" : "FAILED");
    if (reason != null) {
      response.put("Reason", reason);
    }
    String physicalId = request.path("PhysicalResourceId").asText("");
    response.put(
        "PhysicalResourceId", physicalId.isEmpty() ? automation + "Deployment" : physicalId);
    response.put("StackId", request.path("StackId").asText());
    response.put("RequestId", requestId);
    response.put("LogicalResourceId", request.path("LogicalResourceId").asText());
    Log.info(
        "Deployment request answered",
        "requestType",
        type,
        "status",
        response.get("Status").asText(),
        "reason",
        reason);
    respond(request.path("ResponseURL").asText(), response);
    return response;
  }

  /** Sends the run to the queue; answers why it could not, or null. */
  private String enqueue(String requestId, Instant now) {
    if (queue.isEmpty()) {
      return "the automation has no queue (AUTOMATION_QUEUE_URL is not set)";
    }
    try {
      queue.get().send(Deliveries.deployment(requestId, now));
      return null;
    } catch (RuntimeException e) {
      Log.error("Cannot send the deployment's run to the automation's queue", e);
      return "cannot send the run to the automation's queue: " + e.getMessage();
    }
  }

  /**
   * PUTs the response to CloudFormation's pre-signed URL, without a {@code Content-Type} (the URL's
   * signature covers none). A failure is thrown: Lambda retries the invocation, and CloudFormation
   * would otherwise wait for an answer for an hour.
   */
  private void respond(String responseUrl, ObjectNode response) {
    HttpRequest put =
        HttpRequest.newBuilder(URI.create(responseUrl))
            .timeout(RESPONSE_TIMEOUT)
            .PUT(HttpRequest.BodyPublishers.ofString(Json.write(response), StandardCharsets.UTF_8))
            .build();
    int status;
    try {
      status = http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("cannot answer CloudFormation's request", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while answering CloudFormation's request", e);
    }
    if (status < 200 || status > 299) {
      throw new IllegalStateException("CloudFormation's response URL answered " + status);
    }
  }
}
