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

/** Whether a transaction was cancelled because its item at `index` failed its condition. */
export function failedCondition(error: unknown, index: number): boolean {
  return cancellationCodes(error)?.[index] === 'ConditionalCheckFailed';
}
