import type { TestProject } from 'vitest/node';
import { freePort, type RunningStore, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';

/** One in-memory DynamoDB Local for the whole run; each test file makes its own tables in it. */
let store: RunningStore | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  store ??= await startDynamoDbLocal({ port: await freePort(), log: (line) => console.log(line) });
  project.provide('dynamoEndpoint', store.endpoint);
  return async () => {
    await store?.stop();
    store = undefined;
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
