import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/platform/dynamo.ts';
import { ensureTables, localTableNames, type TableNames } from '../../infra/local/tables.ts';
import { TABLE_IDS } from '../../shared/deployment/tables.ts';

export interface TestStore {
  endpoint: string;
  raw: DynamoDBClient;
  db: DynamoDBDocumentClient;
  tables: TableNames;
  /** Deletes this file's tables and closes the clients. */
  drop(): Promise<void>;
}

/** Fresh tables, with a prefix of their own, in the run's DynamoDB Local: test files never share data. */
export async function createTestStore(): Promise<TestStore> {
  const endpoint = inject('dynamoEndpoint');
  const raw = new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = createDocumentClient({ endpoint, region: 'eu-west-2' });
  const tables = localTableNames(`t${randomBytes(4).toString('hex')}-`);
  await ensureTables(raw, tables);
  return {
    endpoint,
    raw,
    db,
    tables,
    async drop() {
      for (const id of TABLE_IDS) await raw.send(new DeleteTableCommand({ TableName: tables[id] }));
      db.destroy();
      raw.destroy();
    },
  };
}
