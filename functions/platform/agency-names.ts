import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableOf } from './table.ts';

/**
 * Partner agencies' names, for documents a person reads away from the portal (the board's CSV).
 * Read from the directory's agency partition only (IAM allows this function nothing else there),
 * and kept for five minutes: agencies are renamed rarely.
 */
export interface AgencyNames {
  names(): Promise<Map<string, string>>;
  /** Each agency's safeguarding mailbox, where one is set. */
  notifyEmails(): Promise<Map<string, string>>;
}

export function createAgencyNames(
  db: DynamoDBDocumentClient,
  directoryTable: string,
  clock: () => Date,
  maxAgeMs = 300_000,
): AgencyNames {
  const table = tableOf(db, directoryTable);
  let cached: { at: number; names: Map<string, string>; emails: Map<string, string> } | undefined;
  const load = async () => {
    const now = clock().getTime();
    if (cached && now - cached.at < maxAgeMs) return cached;
    const names = new Map<string, string>();
    const emails = new Map<string, string>();
    const agencies = await table.all({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'AGENCY' },
      ProjectionExpression: 'id, #n, notifyEmail',
      ExpressionAttributeNames: { '#n': 'name' },
    });
    for (const item of agencies) {
      names.set(String(item.id), String(item.name));
      if (typeof item.notifyEmail === 'string') emails.set(String(item.id), item.notifyEmail);
    }
    cached = { at: now, names, emails };
    return cached;
  };
  return {
    names: async () => (await load()).names,
    notifyEmails: async () => (await load()).emails,
  };
}
