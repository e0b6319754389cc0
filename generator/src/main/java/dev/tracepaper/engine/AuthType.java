package dev.tracepaper.engine;

/** How the API authenticated a caller, as AppSync tells the command's handler. */
public enum AuthType {
  /** A signed-in user of the pool: {@code authenticated} and {@code role:x}. */
  AMAZON_COGNITO_USER_POOLS,
  /** A caller with the API key: {@code anonymous}. */
  API_KEY,
  /** A back-end caller signed with IAM: {@code iam}. */
  AWS_IAM
}
