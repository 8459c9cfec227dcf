/**
 * A refused or failed write, in the words a form shows: an error summary, and each field's reason
 * beside its input. Every area's forms word it the same way; they differ only in what is passed here.
 */
import { ApiError, type FieldError } from './api.ts';
import type { ErrorSummaryItem } from './ui-basics.ts';

export interface Refusal {
  items: ErrorSummaryItem[];
  /** Each field's first reason, by its input's id (or by the API's field name: `byApiField`). */
  fields: Record<string, string>;
}

export interface RefusalWords {
  /** Said after the service's own failure, e.g. "Nothing was saved." */
  nothing?: string;
  /** What the page says for a status of its own (a sign-in that has ended, a role it lacks). */
  byStatus?: Partial<Record<number, { text: string; href?: string }>>;
  /** The summary's text for a field the page does not show: its reason, unless this words it. */
  unshown?: (error: FieldError) => string;
  /** Key `fields` by the API's field name, for forms that look their messages up that way. */
  byApiField?: boolean;
}

/** What a request that failed for no fault of the form says: the portal unreachable, or the service. */
export function failureText(error: unknown, nothing?: string): string {
  return error instanceof ApiError && error.status === 0
    ? 'The portal could not be reached. Check your internet connection and try again.'
    : `Sorry, there is a problem with the service.${nothing ? ` ${nothing}` : ''} Try again in a few minutes.`;
}

/**
 * The API's reasons for refusing fields as error-summary items, each pointing at its input (or at
 * `fallbackId` when the page does not show the field), and as messages beside the inputs.
 */
export function fieldRefusal(
  errors: FieldError[],
  fieldId: (field: string) => string | null,
  fallbackId: string,
  words: Pick<RefusalWords, 'unshown' | 'byApiField'> = {},
): Refusal {
  const fields: Record<string, string> = {};
  const items = errors.map((e) => {
    const id = fieldId(e.field);
    const key = words.byApiField ? e.field : id;
    if (id && key && !fields[key]) fields[key] = e.reason;
    return { href: `#${id ?? fallbackId}`, text: id || !words.unshown ? e.reason : words.unshown(e) };
  });
  return { items, fields };
}

/**
 * A refused write as an error summary and field messages. `fieldId` gives the input an API field
 * (`evidence.0.url`) is shown at, or null for one the page does not show; a record maps them by name.
 */
export function describeRefusal(
  error: unknown,
  fieldId: ((field: string) => string | null) | Record<string, string>,
  fallbackId: string,
  words: RefusalWords = {},
): Refusal {
  const idOf = typeof fieldId === 'function' ? fieldId : (field: string) => fieldId[field] ?? null;
  const only = (text: string, href = `#${fallbackId}`): Refusal => ({ items: [{ href, text }], fields: {} });
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    return fieldRefusal(error.fieldErrors, idOf, fallbackId, words);
  }
  const own = error instanceof ApiError ? words.byStatus?.[error.status] : undefined;
  if (own) return only(own.text, own.href);
  if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
    return only(error.detail ?? error.title);
  }
  return only(failureText(error, words.nothing ?? 'Nothing was saved.'));
}
