import { InvalidRequest } from '../platform/errors.ts';

const MAX_REASON_CHARACTERS = 200;
/** C0 and C1 controls, and the bidirectional controls that could make an entry read as something else. */
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * Why the caller says they are opening a referral (`X-Access-Reason`), for the read's audit entry:
 * NFC-normalised, so one reason is stored one way however it was typed. Undefined when none was given.
 */
export function accessReason(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const reason = header.normalize('NFC').trim();
  const characters = [...reason].length;
  if (characters < 1 || characters > MAX_REASON_CHARACTERS || CONTROL.test(reason)) {
    throw new InvalidRequest([
      {
        field: 'X-Access-Reason',
        reason: `Say why you are opening this referral in 1 to ${MAX_REASON_CHARACTERS} characters, without control characters`,
      },
    ]);
  }
  return reason;
}
