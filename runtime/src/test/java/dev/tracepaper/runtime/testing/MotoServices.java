package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.automation.SecretRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The services automations reach, set up and read back on moto_server. One class per service, so
 * that a project whose automations send no e-mail needs no SES client on its test class path: a
 * class is loaded only when a test calls it.
 */
public final class MotoServices {

  private MotoServices() {}

  /** SES: the identities e-mail is sent from, and the e-mails moto holds. */
  static final class Ses {
    private Ses() {}

    static void createIdentities(MotoServer moto, Iterable<String> senders) {
      SesV2ClientBuilder builder = SesV2Client.builder();
      moto.configure(builder);
      try (SesV2Client ses = builder.build()) {
        for (String sender : senders) {
          try {
            ses.createEmailIdentity(r -> r.emailIdentity(sender));
          } catch (software.amazon.awssdk.services.sesv2.model.AlreadyExistsException e) {
            // another test of the run made it: one server serves them all
          }
        }
      }
    }
  }

  /** The e-mails moto_server's SES holds with {@code subject} (read by its API, no SES client). */
  public static List<JsonNode> sentEmails(MotoServer moto, String subject) {
    try {
      HttpResponse<String> data =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(moto.endpoint() + "/moto-api/data.json"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      List<JsonNode> found = new ArrayList<>();
      for (JsonNode message : Json.parse(data.body()).path("ses").path("Message")) {
        if (message.path("subject").asText().equals(subject)) {
          found.add(message);
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** S3: the buckets objects are written to, and an object's text and type. */
  static final class Buckets {
    private Buckets() {}

    static void create(MotoServer moto, Iterable<String> buckets) {
      try (S3Client s3 = client(moto)) {
        for (String bucket : buckets) {
          try {
            s3.createBucket(r -> r.bucket(bucket));
          } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException e) {
            // another test of the run made it
          }
        }
      }
    }

    /** The object's content and {@code Content-Type}, as {@code type + "\n" + content}. */
    static String object(MotoServer moto, String bucket, String key) {
      try (S3Client s3 = client(moto)) {
        ResponseBytes<GetObjectResponse> object =
            s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
        return object.response().contentType() + "\n" + object.asUtf8String();
      }
    }

    private static S3Client client(MotoServer moto) {
      S3ClientBuilder builder = S3Client.builder();
      moto.configure(builder);
      return builder.build();
    }
  }

  /** Secrets Manager: a secret holding {@code value}. */
  static final class SecretsManager {
    private SecretsManager() {}

    static void create(MotoServer moto, SecretRef secret, String value) {
      SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
      moto.configure(builder);
      try (SecretsManagerClient client = builder.build()) {
        try {
          client.createSecret(r -> r.name(secret.id()).secretString(value));
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException e) {
          client.putSecretValue(r -> r.secretId(secret.id()).secretString(value));
        }
      }
    }
  }

  /** Parameter Store: a secure string holding {@code value}. */
  static final class ParameterStore {
    private ParameterStore() {}

    static void create(MotoServer moto, SecretRef secret, String value) {
      SsmClientBuilder builder = SsmClient.builder();
      moto.configure(builder);
      try (SsmClient client = builder.build()) {
        client.putParameter(
            r ->
                r.name(secret.id()).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
      }
    }
  }
}
