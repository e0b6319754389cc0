package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.testing.MotoServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Hand-written code reads settings, time and clients from its context, and tests replace each. */
class CustomContextTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void settingsAreTheGivenOnesAndAMissingRequiredOneIsNamed() {
    CustomContext context =
        CustomContext.of(Map.of("PARTNER_URL", "https://partner", "BLANK", " "), FIXED);

    assertEquals(Optional.of("https://partner"), context.setting("PARTNER_URL"));
    assertEquals(Optional.empty(), context.setting("BLANK"));
    assertEquals("https://partner", context.requiredSetting("PARTNER_URL"));
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> context.requiredSetting("PARTNER_KEY"));
    assertEquals("environment variable PARTNER_KEY is not set", missing.getMessage());
  }

  @Test
  void theClockIsTheGivenOneAndWithClockLeavesTheOriginalAlone() {
    CustomContext context = CustomContext.of(Map.of(), FIXED);
    Clock later = Clock.offset(FIXED, java.time.Duration.ofHours(1));

    assertEquals(Instant.parse("2026-03-01T09:00:00Z"), context.clock().instant());
    assertEquals(Instant.parse("2026-03-01T10:00:00Z"), context.withClock(later).clock().instant());
    assertSame(FIXED, context.clock());
  }

  @Test
  void aFakeClientIsReturnedInsteadOfBuildingOne() {
    EventBridgeClient fake =
        new EventBridgeClient() {
          @Override
          public String serviceName() {
            return "fake";
          }

          @Override
          public void close() {}
        };
    CustomContext context =
        CustomContext.of(Map.of(), FIXED).withClient(EventBridgeClient.class, fake);

    assertSame(fake, context.client(EventBridgeClient.class, EventBridgeClient::builder));
  }

  @Test
  void aClientOfAnyServiceIsBuiltOnceWithTheStandardSettings() {
    System.setProperty("aws.region", "eu-west-1");
    System.setProperty("aws.endpointUrl", MOTO.endpoint().toString());
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    try {
      CustomContext context = CustomContext.of(Map.of(), FIXED);
      SqsClient sqs = context.client(SqsClient.class, SqsClient::builder);

      assertSame(sqs, context.client(SqsClient.class, SqsClient::builder));
      assertEquals("eu-west-1", sqs.serviceClientConfiguration().region().id());
      sqs.createQueue(r -> r.queueName("custom-context-test"));
      assertTrue(
          sqs.listQueues().queueUrls().stream()
              .anyMatch(url -> url.endsWith("/custom-context-test")));
    } finally {
      System.clearProperty("aws.region");
      System.clearProperty("aws.endpointUrl");
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }
}
