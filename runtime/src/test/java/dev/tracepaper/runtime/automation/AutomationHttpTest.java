package dev.tracepaper.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.testing.HttpStub;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP calls of AwsEffects, against the local stub; no AWS service is touched or built. */
class AutomationHttpTest {

  private static HttpStub stub;
  private static AwsEffects effects;

  @BeforeAll
  static void start() {
    stub = HttpStub.start();
    effects =
        new AwsEffects(
            builder -> {
              throw new AssertionError("an HTTP call builds no AWS client");
            },
            request -> stub.route(request));
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.clear();
    stub.answer(204);
  }

  @Test
  void aCallWithoutBodySendsNone() {
    effects.http(
        new HttpCall(
            "GET",
            "https://api.example/status?since=2027-01-04",
            List.of(new Param("Accept", "text/plain")),
            Optional.empty()));

    HttpStub.Request request = stub.requests().get(0);
    assertEquals("GET", request.method());
    assertEquals("https://api.example/status?since=2027-01-04", request.url());
    assertEquals("text/plain", request.header("accept").orElseThrow());
    assertEquals("", request.body());
  }

  @Test
  void aStatusOutside200To299FailsWithoutTheQuery() {
    stub.answer(302);
    IllegalStateException redirected =
        assertThrows(
            IllegalStateException.class,
            () ->
                effects.http(
                    new HttpCall(
                        "DELETE",
                        "https://api.example/orders/7?token=s3cret",
                        List.of(new Param("Authorization", "Bearer s3cret")),
                        Optional.of("{}"))));
    assertEquals("HTTP DELETE https://api.example/orders/7 answered 302", redirected.getMessage());
    assertEquals(1, stub.requests().size());
  }

  @Test
  void anInvalidUrlFailsWithoutRepeatingIt() {
    IllegalArgumentException invalid =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                effects.http(
                    new HttpCall(
                        "POST",
                        "https://api.example/a b?token=s3cret",
                        List.of(),
                        Optional.empty())));
    assertEquals(
        "HTTP POST https://api.example/a b: not a valid URL (Illegal character in path at index"
            + " 21)",
        invalid.getMessage());
    IllegalArgumentException noHost =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                effects.http(
                    new HttpCall(
                        "POST", "mailto:desk@x.example?k=s3cret", List.of(), Optional.empty())));
    assertTrue(!noHost.getMessage().contains("s3cret"), noHost.getMessage());
    assertEquals(0, stub.requests().size());
  }

  @Test
  void anUnreachableEndpointFailsTheCall() {
    int port = stub.endpoint().getPort();
    AwsEffects direct = new AwsEffects(builder -> {}, request -> request);
    stub.close();
    try {
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class,
              () ->
                  direct.http(
                      new HttpCall(
                          "GET",
                          "http://127.0.0.1:" + port + "/x?token=s3cret",
                          List.of(),
                          Optional.empty())));
      assertTrue(
          refused.getMessage().startsWith("HTTP GET http://127.0.0.1:" + port + "/x failed"),
          refused.getMessage());
    } finally {
      stub = HttpStub.start();
    }
  }
}
