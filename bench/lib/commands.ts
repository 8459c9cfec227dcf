import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Records the DynamoDB commands a client sends (e.g. `GetItem`, `Query`, `PutItem`), so the bench can
 * show that its direct baseline makes the same calls as the app. `stop()` removes the recorder.
 */
export function recordCommands(db: DynamoDBDocumentClient): { commands: string[]; stop(): void } {
  const commands: string[] = [];
  const name = `benchRecorder${Math.random().toString(36).slice(2)}`;
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      const table = (args.input as { TableName?: unknown }).TableName;
      // `bench-referrals` → `referrals`: which table, without the run's prefix.
      commands.push(typeof table === 'string' ? `${command}(${table.replace(/^[^-]*-/, '')})` : command);
      return next(args);
    },
    { step: 'initialize', name },
  );
  return { commands, stop: () => void db.middlewareStack.remove(name) };
}
