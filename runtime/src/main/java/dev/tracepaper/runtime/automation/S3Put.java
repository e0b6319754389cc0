package dev.tracepaper.runtime.automation;

import java.util.Objects;

/** An S3 object to write: {@code content} as UTF-8, with its {@code Content-Type}. */
public record S3Put(String bucket, String key, String content, String contentType) {

  public S3Put {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(contentType, "contentType");
  }
}
