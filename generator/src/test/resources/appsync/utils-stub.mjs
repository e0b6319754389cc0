// Stands in for @aws-appsync/utils under node: util.error throws, as in AppSync, an object
// that records its arguments so the checks can read them.
export const util = {
  error(message, errorType, data, errorInfo) {
    throw { appsyncError: { message, errorType, data, errorInfo } };
  },
};
