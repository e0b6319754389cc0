package dev.tracepaper.runtime.automation;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** S3 objects written by automations ({@code PutObject}, UTF-8, with their content type). */
final class S3Objects {

  private final S3Client s3;

  S3Objects(Consumer<AwsClientBuilder<?, ?>> clients) {
    S3ClientBuilder builder = S3Client.builder();
    clients.accept(builder);
    s3 = builder.build();
  }

  void put(S3Put put) {
    s3.putObject(
        request -> request.bucket(put.bucket()).key(put.key()).contentType(put.contentType()),
        RequestBody.fromString(put.content(), StandardCharsets.UTF_8));
  }
}
