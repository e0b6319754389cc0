package dev.tracepaper.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.StoredEvent;
import dev.tracepaper.runtime.testing.AutomationQueues;
import dev.tracepaper.runtime.testing.HttpStub;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.MotoServices;
import dev.tracepaper.runtime.testing.RequestCounter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Automations against moto_server's SES, S3, Secrets Manager, Parameter Store, SQS and DynamoDB,
 * and a local HTTP stub for the endpoints: every side effect is read back from where it went.
 */
class AutomationMotoTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final String TABLE = "automation-ledger-test";
  private static final String FROM = "desk@library.example";
  private static final String BUCKET = "library-reports";
  private static final List<SecretRef> SECRETS =
      List.of(
          SecretRef.secretsManager("supplierToken", "library/supplier-token"),
          SecretRef.parameterStore("apiKey", "/library/api-key"));

  private static DynamoDbClient dynamoDb;
  private static S3Client s3;
  private static SqsClient sqs;
  private static HttpStub stub;
  private static final RequestCounter SES_REQUESTS = new RequestCounter();
  private static final RequestCounter QUEUE_REQUESTS = new RequestCounter();
  private static SqsClient handlerSqs;
  private static AwsEffects effects;

  private String subject;

  @BeforeAll
  static void createResources() {
    dynamoDb = MOTO.dynamoDb();
    MOTO.createEventStoreTable(dynamoDb, TABLE);
    SesV2ClientBuilder sesBuilder = SesV2Client.builder();
    MOTO.configure(sesBuilder);
    try (SesV2Client ses = sesBuilder.build()) {
      ses.createEmailIdentity(request -> request.emailIdentity(FROM));
    }
    S3ClientBuilder s3Builder = S3Client.builder();
    MOTO.configure(s3Builder);
    s3 = s3Builder.build();
    s3.createBucket(request -> request.bucket(BUCKET));
    SecretsManagerClientBuilder secretsBuilder = SecretsManagerClient.builder();
    MOTO.configure(secretsBuilder);
    try (SecretsManagerClient secrets = secretsBuilder.build()) {
      secrets.createSecret(r -> r.name("library/supplier-token").secretString("t0ken"));
    }
    SsmClientBuilder ssmBuilder = SsmClient.builder();
    MOTO.configure(ssmBuilder);
    try (SsmClient ssm = ssmBuilder.build()) {
      ssm.putParameter(
          r -> r.name("/library/api-key").value("k3y&=").type(ParameterType.SECURE_STRING));
    }
    sqs = MOTO.sqs();
    SqsClientBuilder handlerBuilder = SqsClient.builder();
    MOTO.configure(handlerBuilder);
    handlerSqs =
        handlerBuilder
            .overrideConfiguration(c -> c.addExecutionInterceptor(QUEUE_REQUESTS))
            .build();
    stub = HttpStub.start();
    effects =
        new AwsEffects(
            builder -> {
              MOTO.configure(builder);
              builder.overrideConfiguration(c -> c.addExecutionInterceptor(SES_REQUESTS));
            },
            stub::route);
  }

  @AfterAll
  static void close() {
    stub.close();
    dynamoDb.close();
    s3.close();
    sqs.close();
    handlerSqs.close();
  }

  @BeforeEach
  void reset() {
    stub.clear();
    stub.answer(200);
    SES_REQUESTS.reset();
    QUEUE_REQUESTS.reset();
    subject = "Welcome " + UUID.randomUUID();
  }

  /** An e-mail, then an HTTP call with both secrets: two steps. */
  private Activities welcome() {
    return run -> {
      run.email(
          FROM,
          List.of("ada@example.com", "bob@example.com"),
          subject,
          "greeting.html",
          Map.of("name", "Ada O'Hara"));
      run.http(
          "post",
          "https://supplier.example/api/orders",
          List.of(new Param("key", run.secret("apiKey")), new Param("q", "a b")),
          List.of(
              new Param("Authorization", "Bearer " + run.secret("supplierToken")),
              new Param("Content-Type", "application/json")),
          "order.json",
          Map.of("isbn", "9780441013593", "reason", "lost \"twice\""));
    };
  }

  @Test
  void everyActivityReachesItsService() throws Exception {
    Automations automations = new Automations(new DynamoDbLedger(dynamoDb, TABLE), effects);
    String key = "weekly/" + UUID.randomUUID() + ".csv";

    automations.run(
        "WelcomeMember",
        Trigger.of(joined("m1")),
        SECRETS,
        run -> {
          welcome().perform(run);
          run.s3Object(
              BUCKET,
              key,
              "loans.csv",
              Map.of(
                  "week",
                  "2027-1",
                  "loans",
                  Json.parse("[{\"title\": \"Dune\", \"member\": \"m1\"}]")));
        });

    List<JsonNode> mails = sentEmails(subject);
    assertEquals(1, mails.size(), mails.toString());
    JsonNode mail = mails.get(0);
    assertEquals(FROM, mail.path("source").asText());
    assertEquals(
        Json.parse("[\"ada@example.com\", \"bob@example.com\"]"),
        mail.path("destinations").path("ToAddresses"));
    assertEquals("<p>Dear Ada O&#39;Hara,</p>\n", mail.path("body").asText());
    SendEmailRequest sent = SES_REQUESTS.requests(SendEmailRequest.class).get(0);
    assertEquals("<p>Dear Ada O&#39;Hara,</p>\n", sent.content().simple().body().html().data());
    assertEquals(null, sent.content().simple().body().text());
    assertEquals("UTF-8", sent.content().simple().subject().charset());

    HttpStub.Request call = stub.requests().get(0);
    assertEquals("POST", call.method());
    assertEquals("https://supplier.example/api/orders?key=k3y%26%3D&q=a+b", call.url());
    assertEquals("Bearer t0ken", call.header("authorization").orElseThrow());
    assertEquals("application/json", call.header("Content-Type").orElseThrow());
    assertEquals(
        "{\"isbn\": \"9780441013593\", \"reason\": \"lost \\\"twice\\\"\"}\n", call.body());

    ResponseBytes<GetObjectResponse> object =
        s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key));
    assertEquals("Loans of week 2027-1\nDune;m1\n", object.asUtf8String());
    assertEquals("text/csv; charset=utf-8", object.response().contentType());
  }

  @Test
  void aRedeliveredTriggerSendsOneEmailAndMakesOneCall() {
    Automations automations = new Automations(new DynamoDbLedger(dynamoDb, TABLE), effects);
    Trigger trigger = Trigger.of(joined("m2"));
    Instant before = Instant.now();

    automations.run("WelcomeMember", trigger, SECRETS, welcome());
    automations.run("WelcomeMember", trigger, SECRETS, welcome());

    assertEquals(1, sentEmails(subject).size());
    assertEquals(1, stub.requests().size());
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(r -> r.tableName(TABLE).key(DynamoDbLedger.key("WelcomeMember", trigger.id())))
            .item();
    assertTrue(trigger.id().startsWith("Membership#m2-") && trigger.id().endsWith(":1"));
    assertEquals("automation#WelcomeMember#" + trigger.id(), item.get("pk").s());
    assertEquals("2", item.get("done").n());
    long expiresAt = Long.parseLong(item.get("expiresAt").n());
    assertTrue(
        expiresAt >= before.plus(DynamoDbLedger.KEPT).getEpochSecond()
            && expiresAt <= Instant.now().plus(DynamoDbLedger.KEPT).getEpochSecond(),
        "expires 15 days after the last step: " + expiresAt);
    assertTrue(!item.containsKey("type"), "the stream filters pass only items with a type");
  }

  @Test
  void aRunFailingAtItsSecondStepPerformsEachStepOnceWhenRedelivered() {
    Automations automations = new Automations(new DynamoDbLedger(dynamoDb, TABLE), effects);
    Trigger trigger = Trigger.of(joined("m3"));
    stub.answer(500);

    IllegalStateException failed =
        assertThrows(
            IllegalStateException.class,
            () -> automations.run("WelcomeMember", trigger, SECRETS, welcome()));
    assertEquals("HTTP POST https://supplier.example/api/orders answered 500", failed.getMessage());
    stub.answer(200);
    automations.run("WelcomeMember", trigger, SECRETS, welcome());

    assertEquals(1, sentEmails(subject).size());
    assertEquals(2, stub.requests().size(), "the failed call and the one that succeeded");
  }

  @Test
  void aFailingEndpointEndsInTheDeadLetterQueueAfterRetriesWithBackoff() {
    // Visible again at once unless the handler hides it: what is hidden, the backoff hid.
    AutomationQueues.WithDeadLetters queues =
        AutomationQueues.createWithDeadLetters(sqs, "automation-" + UUID.randomUUID(), 0, 3);
    String queueUrl = queues.queue();
    String dlqUrl = queues.deadLetters();
    Automations automations =
        new Automations(new DynamoDbLedger(dynamoDb, TABLE), effects, handlerSqs, queueUrl);
    String body = Json.write(AutomationRunTest.busEvent(joined("m4")));
    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    stub.answer(500);

    int deliveries = 0;
    for (Message message = receive(queueUrl); message != null; message = receive(queueUrl)) {
      deliveries++;
      JsonNode answer = poll(automations, queueUrl, message, welcome());
      assertEquals(message.messageId(), answer.at("/batchItemFailures/0/itemIdentifier").asText());
      assertEquals(null, receive(queueUrl), "hidden by the backoff after delivery " + deliveries);
      // The backoff's time passes.
      String receipt = message.receiptHandle();
      sqs.changeMessageVisibility(
          r -> r.queueUrl(queueUrl).receiptHandle(receipt).visibilityTimeout(0));
    }

    assertEquals(3, deliveries);
    assertEquals(
        List.of(30, 60, 120),
        QUEUE_REQUESTS.requests(ChangeMessageVisibilityRequest.class).stream()
            .map(ChangeMessageVisibilityRequest::visibilityTimeout)
            .toList());
    List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(dlqUrl)).messages();
    assertEquals(1, dead.size());
    assertEquals(body, dead.get(0).body());
    assertEquals(1, sentEmails(subject).size(), "the e-mail was sent once");
    assertEquals(3, stub.requests().size(), "the endpoint was called on every delivery");
  }

  @Test
  void aDeploymentIsSentToTheQueueAndAnsweredAtOnce() {
    String queueUrl =
        sqs.createQueue(r -> r.queueName("automation-" + UUID.randomUUID())).queueUrl();
    Automations automations =
        new Automations(new DynamoDbLedger(dynamoDb, TABLE), effects, handlerSqs, queueUrl);
    List<Trigger> runs = new ArrayList<>();
    Activities remember = run -> runs.add(run.trigger());

    Instant before = Instant.now();
    handle(automations, customResource("Create", "req-" + UUID.randomUUID()), remember);

    HttpStub.Request response = stub.requests().get(0);
    assertEquals("PUT", response.method());
    assertTrue(response.url().endsWith("/cloudformation/response?X-Amz-Signature=abc"));
    assertTrue(response.header("Content-Type").isEmpty(), "the signature covers no content type");
    JsonNode answer = Json.parse(response.body());
    String requestId = answer.path("RequestId").asText();
    assertEquals(
        Json.parse(
            "{\"Status\": \"SUCCESS\", \"PhysicalResourceId\": \"NotifyDeployment\","
                + " \"StackId\": \"arn:aws:cloudformation:us-east-1:123456789012:stack/app/1\","
                + " \"RequestId\": \""
                + requestId
                + "\","
                + " \"LogicalResourceId\": \"NotifyAutomationDeployment\"}"),
        answer);
    assertTrue(runs.isEmpty(), "the run waits in the queue");

    Message message = receive(queueUrl);
    JsonNode deployment = Json.parse(message.body());
    assertEquals(requestId, deployment.path("deployment").asText());
    Instant time = Instant.parse(deployment.path("time").asText());
    assertTrue(!time.isBefore(before.minusSeconds(1)) && !time.isAfter(Instant.now()));
    poll(automations, queueUrl, message, remember);
    assertEquals(List.of(Trigger.deployment(requestId, time)), runs);
  }

  @Test
  void aDeletionIsAnsweredWithoutARun() {
    String queueUrl =
        sqs.createQueue(r -> r.queueName("automation-" + UUID.randomUUID())).queueUrl();
    Automations automations =
        new Automations(new DynamoDbLedger(dynamoDb, TABLE), effects, handlerSqs, queueUrl);

    ObjectNode delete = customResource("Delete", "req-" + UUID.randomUUID());
    delete.put("PhysicalResourceId", "NotifyDeployment");
    handle(automations, delete, run -> {});

    JsonNode answer = Json.parse(stub.requests().get(0).body());
    assertEquals("SUCCESS", answer.path("Status").asText());
    assertEquals("NotifyDeployment", answer.path("PhysicalResourceId").asText());
    assertEquals(null, receive(queueUrl));
  }

  @Test
  void aDeploymentThatCannotBeQueuedIsAnsweredFailed() {
    String missing = sqs.createQueue(r -> r.queueName("gone-" + UUID.randomUUID())).queueUrl();
    sqs.deleteQueue(r -> r.queueUrl(missing));
    Automations automations =
        new Automations(new DynamoDbLedger(dynamoDb, TABLE), effects, handlerSqs, missing);

    handle(automations, customResource("Update", "req-" + UUID.randomUUID()), run -> {});

    JsonNode answer = Json.parse(stub.requests().get(0).body());
    assertEquals("FAILED", answer.path("Status").asText());
    assertTrue(
        answer.path("Reason").asText().startsWith("cannot send the run to the automation's queue"),
        answer.toString());
  }

  @Test
  void secretsAreKeptFiveMinutesSoThatARotationIsPickedUp() {
    RequestCounter reads = new RequestCounter();
    long[] now = {0};
    SecretValues secrets =
        new SecretValues(
            builder -> {
              MOTO.configure(builder);
              builder.overrideConfiguration(c -> c.addExecutionInterceptor(reads));
            },
            () -> now[0]);
    SecretRef token = SECRETS.get(0);
    SecretRef key = SECRETS.get(1);

    assertEquals("t0ken", secrets.value(token));
    assertEquals("k3y&=", secrets.value(key));
    now[0] += Duration.ofMinutes(5).toNanos();
    assertEquals("t0ken", secrets.value(token));
    assertEquals(Map.of("GetSecretValue", 1, "GetParameter", 1), reads.counts());

    SecretsManagerClientBuilder rotate = SecretsManagerClient.builder();
    MOTO.configure(rotate);
    try (SecretsManagerClient client = rotate.build()) {
      client.putSecretValue(r -> r.secretId(token.id()).secretString("r0tated"));
      now[0] += 1;
      assertEquals("r0tated", secrets.value(token));
    } finally {
      try (SecretsManagerClient client = rotate.build()) {
        client.putSecretValue(r -> r.secretId(token.id()).secretString("t0ken"));
      }
    }
    assertEquals(Map.of("GetSecretValue", 2, "GetParameter", 1), reads.counts());
  }

  private ObjectNode customResource(String type, String requestId) {
    return Json.object()
        .put("RequestType", type)
        .put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:notify:live")
        .put("ResponseURL", stub.endpoint() + "/cloudformation/response?X-Amz-Signature=abc")
        .put("StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/app/1")
        .put("RequestId", requestId)
        .put("LogicalResourceId", "NotifyAutomationDeployment")
        .put("ResourceType", "AWS::CloudFormation::CustomResource");
  }

  private static void handle(Automations automations, JsonNode input, Activities activities) {
    automations.handle(
        new ByteArrayInputStream(Json.write(input).getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(),
        null,
        "Notify",
        SECRETS,
        activities);
  }

  private Message receive(String queueUrl) {
    return AutomationQueues.receive(sqs, queueUrl);
  }

  /**
   * What Lambda's queue poller does with a message: the function gets it as a batch of one, and the
   * message is deleted unless the answer names it as failed.
   */
  private JsonNode poll(
      Automations automations, String queueUrl, Message message, Activities activities) {
    JsonNode answer =
        AutomationQueues.deliver(automations, "WelcomeMember", SECRETS, activities, message);
    if (answer.path("batchItemFailures").isEmpty()) {
      sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }
    return answer;
  }

  private static StoredEvent joined(String member) {
    return AutomationRunTest.joined(member + "-" + UUID.randomUUID());
  }

  /** The e-mails moto_server's SES holds with {@code subject}. */
  private static List<JsonNode> sentEmails(String subject) {
    return MotoServices.sentEmails(MOTO, subject);
  }
}
