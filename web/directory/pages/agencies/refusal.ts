import { ApiError } from '../../../platform/api.ts';
import type { ErrorSummaryItem } from '../../../platform/ui.ts';

/** Turns a refused write to the directory into error-summary items and per-field messages. */
export function describeRefusal(
  error: unknown,
  fieldIds: Record<string, string>,
  fallbackHref: string,
): { items: ErrorSummaryItem[]; fields: Record<string, string> } {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    const fields: Record<string, string> = {};
    const items = error.fieldErrors.map((e) => {
      const id = fieldIds[e.field];
      if (id && !fields[e.field]) fields[e.field] = e.reason;
      return { href: `#${id ?? fallbackHref}`, text: e.reason };
    });
    return { items, fields };
  }
  if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
    return { items: [{ href: `#${fallbackHref}`, text: error.detail ?? error.title }], fields: {} };
  }
  const text =
    error instanceof ApiError && error.status === 0
      ? 'The portal could not be reached. Check your internet connection and try again.'
      : 'Sorry, there is a problem with the service. Nothing was changed. Try again in a few minutes.';
  return { items: [{ href: `#${fallbackHref}`, text }], fields: {} };
}
