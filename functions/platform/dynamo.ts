import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The one place a DynamoDB client is made, by a composition root (a Lambda entry or the local
 * runtime), never by a handler. The SDK reads AWS_ENDPOINT_URL_DYNAMODB itself, so the same code
 * reaches DynamoDB Local or AWS. Timeouts sit well inside the Lambda's so a slow store answers 503.
 */
export function createDocumentClient(
  options: { endpoint?: string; region?: string } = {},
): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    ...(options.region ? { region: options.region } : {}),
    // Worst case for one call: 3 attempts × (1 s to connect + 1.5 s to answer) plus back-off, about
    // 8 s, inside the functions' 10 s. Without throwOnRequestTimeout the SDK only warns and waits on.
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 1_500, throwOnRequestTimeout: true },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
