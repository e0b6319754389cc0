// Stands in for @aws-appsync/utils under node: util.error throws, as in AppSync, an object
// that records its arguments so the checks can read them; runtime.earlyReturn likewise ends the
// request handler with its value. The clock is fixed (NOW) so that checks of row retention are
// exact.
export const NOW = 1767225600; // 2026-01-01T00:00:00Z

export const util = {
  error(message, errorType, data, errorInfo) {
    throw { appsyncError: { message, errorType, data, errorInfo } };
  },
  unauthorized() {
    throw { appsyncError: { message: 'Unauthorized', errorType: 'Unauthorized' } };
  },
  time: {
    nowEpochSeconds() {
      return NOW;
    },
  },
  dynamodb: {
    /** As AppSync's: each value of the object in DynamoDB's typed JSON. */
    toMapValues(values) {
      const out = {};
      for (const [name, value] of Object.entries(values)) {
        out[name] = toDynamoDb(value);
      }
      return out;
    },
  },
};

export const runtime = {
  earlyReturn(value) {
    // AppSync fails the field with a runtime error on an early return of null or of nothing
    // (aws-appsync-community issue 280), so the stand-in refuses them too.
    if (value === null || value === undefined) {
      throw new Error('runtime.earlyReturn(' + value + ') fails in AppSync with a runtime error');
    }
    throw { earlyReturn: value };
  },
};

function toDynamoDb(value) {
  if (value === null || value === undefined) {
    return { NULL: true };
  }
  if (typeof value === 'string') {
    return { S: value };
  }
  if (typeof value === 'number') {
    return { N: String(value) };
  }
  if (typeof value === 'boolean') {
    return { BOOL: value };
  }
  if (Array.isArray(value)) {
    return { L: value.map(toDynamoDb) };
  }
  return { M: util.dynamodb.toMapValues(value) };
}
