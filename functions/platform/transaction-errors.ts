/**
 * Why each item of a cancelled DynamoDB transaction failed (`ConditionalCheckFailed`,
 * `TransactionConflict`, `None`…), in the order of the items; null for any other error.
 */
export function cancellationCodes(error: unknown): (string | undefined)[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  return ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (r) => r.Code,
  );
}
