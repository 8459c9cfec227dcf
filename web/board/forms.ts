/**
 * What the board's forms share (/board/new/ and the forms on /board/action/): a refused write as an
 * error summary and field messages, and the checks made before sending.
 */
import { signInUrl } from '../platform/auth.ts';
import { describeRefusal as describe, type Refusal } from '../platform/refusal.ts';

/**
 * A refused write as an error summary and per-field messages, in the board's words for an ended
 * sign-in and for someone who is not a board member.
 */
export function describeRefusal(
  error: unknown,
  fieldId: (field: string) => string | null,
  fallbackId: string,
): Refusal {
  return describe(error, fieldId, fallbackId, {
    byStatus: {
      401: { href: signInUrl(), text: 'Your sign-in has ended. Sign in again: nothing was saved.' },
      403: { text: 'Only board members can change the action plan. Nothing was saved.' },
    },
  });
}

/** A web address the API accepts for evidence: http or https, absolute. */
export function checkEvidenceUrl(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') {
      return text.length > 500 ? 'The web address must be 500 characters or fewer' : null;
    }
  } catch {
    // Not a URL: the message below.
  }
  return 'Enter a web address starting https://, like https://example.org/report';
}

/** A length check with GOV.UK's wording: "Title must be 200 characters or fewer". */
export function tooLong(what: string, value: string, max: number): string | null {
  return value.trim().length > max
    ? `${what} must be ${max.toLocaleString('en-GB')} characters or fewer`
    : null;
}
