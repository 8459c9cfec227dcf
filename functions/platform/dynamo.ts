import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StoreTimeouts {
  maxAttempts: number;
  connectionTimeout: number;
  requestTimeout: number;
}

/**
 * In AWS, one store call gives up within about 8 s (3 attempts × (1 s to connect + 1.5 s to answer),
 * plus back-off), inside the functions' 10 s, so a slow store answers 503 rather than the function
 * timing out (test/infra/security.infra.test.ts checks the sums).
 */
export const STORE_TIMEOUTS: StoreTimeouts = {
  maxAttempts: 3,
  connectionTimeout: 1_000,
  requestTimeout: 1_500,
};

/** DynamoDB Local on a busy laptop or CI runner can pause for seconds: it is given longer. */
const LOCAL_STORE_TIMEOUTS: StoreTimeouts = {
  maxAttempts: 3,
  connectionTimeout: 2_000,
  requestTimeout: 10_000,
};

/**
 * The one place a DynamoDB client is made, by a composition root (a Lambda entry or the local
 * runtime), never by a handler. The SDK reads AWS_ENDPOINT_URL_DYNAMODB itself, so the same code
 * reaches DynamoDB Local or AWS.
 */
export function createDocumentClient(
  options: { endpoint?: string; region?: string; timeouts?: StoreTimeouts } = {},
): DynamoDBDocumentClient {
  const timeouts = options.timeouts ?? (options.endpoint ? LOCAL_STORE_TIMEOUTS : STORE_TIMEOUTS);
  const client = new DynamoDBClient({
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    ...(options.region ? { region: options.region } : {}),
    maxAttempts: timeouts.maxAttempts,
    requestHandler: {
      connectionTimeout: timeouts.connectionTimeout,
      requestTimeout: timeouts.requestTimeout,
      // Without it the SDK only logs a warning when a request runs past requestTimeout, and waits on.
      throwOnRequestTimeout: true,
    },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
