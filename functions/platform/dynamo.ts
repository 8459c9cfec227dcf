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
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
