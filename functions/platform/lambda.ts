import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDirectoryAccessCheck } from './access.ts';
import { createAuditWriter } from './audit.ts';
import { type FunctionConfig, functionConfigFromEnv } from './config.ts';
import { createDocumentClient } from './dynamo.ts';
import type { PlatformDeps } from './http.ts';
import { createTokenVerifier } from './identity.ts';
import { createLogger } from './logger.ts';
import { createMetricWriter } from './metrics.ts';
import { createCursorCodec } from './pagination.ts';

/**
 * The composition root of an area's Lambda function: configuration read once (failing fast on what
 * is missing), one DynamoDB client, and the platform services (per-request metrics among them),
 * built at cold start.
 */
export function lambdaPlatform(): { config: FunctionConfig; db: DynamoDBDocumentClient; deps: PlatformDeps } {
  const config = functionConfigFromEnv();
  const db = createDocumentClient();
  const clock = () => new Date();
  return {
    config,
    db,
    deps: {
      verifyToken: createTokenVerifier({
        issuer: config.AUTH_ISSUER,
        clientId: config.AUTH_CLIENT_ID,
        clock,
      }),
      access: createDirectoryAccessCheck(db, config.DIRECTORY_TABLE_NAME, { clock }),
      audit: createAuditWriter(db, config.AUDIT_TABLE_NAME, clock),
      clock,
      logger: createLogger({ level: config.LOG_LEVEL }),
      cursors: createCursorCodec(config.CURSOR_SECRET, clock),
      // EMF lines on standard output: Lambda's log delivery makes them metrics.
      metrics: createMetricWriter(),
    },
  };
}
