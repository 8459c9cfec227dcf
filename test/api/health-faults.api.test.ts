import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/platform/dynamo.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { appsOver } from '../support/security-harness.ts';

/**
 * Readiness against a store that fails: the apps run over a client mocked with aws-sdk-client-mock,
 * which passes reads on to DynamoDB Local until the store is made to fail.
 */
let api: TestApi;
let faulty: DynamoDBDocumentClient;
let apps: Awaited<ReturnType<typeof appsOver>>;
let failing: (() => Error) | null = null;
let reads = 0;

beforeAll(async () => {
  api = await createTestApi({ seed: false });
  faulty = createDocumentClient({ endpoint: api.store.endpoint, region: 'eu-west-2' });
  mockClient(faulty)
    .on(GetCommand)
    .callsFake(async (input: GetCommand['input']) => {
      reads++;
      if (failing) throw failing();
      return api.store.db.send(new GetCommand(input));
    });
  apps = await appsOver(api, faulty);
});

afterAll(async () => {
  faulty?.destroy();
  await api?.close();
});

const FAILURES: [string, () => Error][] = [
  [
    'throttled',
    () => new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }),
  ],
  ['refusing connections', () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
  // Not a passing fault (the table is gone or access denied), but the portal is not ready either.
  [
    'missing its table',
    () => Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' }),
  ],
];

describe('readiness while the store is unavailable', () => {
  it.each(FAILURES)(
    'store %s: readiness answers 503 with Retry-After, liveness still 200',
    async (_why, failure) => {
      failing = failure;
      try {
        const ready = await apps.request('GET', '/api/health?ready');
        expect(ready.status).toBe(503);
        expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(Number(ready.headers.get('retry-after'))).toBeGreaterThan(0);
        const body = (await ready.json()) as { status: number; detail?: string };
        expect(body.status).toBe(503);
        expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|Rate exceeded|ResourceNotFound/);

        const before = reads;
        const live = await apps.request('GET', '/api/health');
        expect(live.status).toBe(200);
        expect(await live.json()).toEqual({ status: 'ok' });
        expect(reads, 'liveness does not touch the store').toBe(before);
      } finally {
        failing = null;
      }
      const recovered = await apps.request('GET', '/api/health?ready');
      expect(recovered.status).toBe(200);
      expect(await recovered.json()).toEqual({ status: 'ready' });
    },
  );
});
