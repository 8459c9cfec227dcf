import { describeRefusal as describe, type Refusal } from '../../../platform/refusal.ts';

/** A refused write to the directory: its field messages are looked up by the API's field names. */
export function describeRefusal(
  error: unknown,
  fieldIds: Record<string, string>,
  fallbackId: string,
): Refusal {
  return describe(error, fieldIds, fallbackId, { byApiField: true, nothing: 'Nothing was changed.' });
}
