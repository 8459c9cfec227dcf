/**
 * What a person typed into a form is kept through a sign-in that ends: when the session times out,
 * or the API answers 401 to a save, the answers of every `form[data-keep-answers]` on the page are
 * copied into this tab's sessionStorage under the page's address. When that address is opened again
 * (after signing in), they are put back into the same inputs, as if typed, and the copy is deleted.
 *
 * sessionStorage is this tab's alone and goes when the tab closes, as the sign-in token does; an
 * explicit sign-out deletes every copy, and a copy older than the longest sign-in is never restored.
 */

const PREFIX = 'portal.kept.';
/** A sign-in lasts an hour at most; a copy older than a working day is stale, whoever left it. */
const KEPT_FOR_MS = 12 * 60 * 60 * 1000;
/** Restoring waits for inputs a choice reveals, but not for ever. */
const RESTORE_WITHIN_MS = 5000;

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface KeptAnswers {
  at: number;
  /** Each input's answer by its id: its value, or for a checkbox or radio whether it was chosen. */
  answers: Record<string, string | boolean>;
}

const keyFor = (address: string) => PREFIX + address;
const thisAddress = () => window.location.pathname + window.location.search;

function isKeepable(element: Element): element is Control {
  if (!element.id) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return (
    element instanceof HTMLInputElement &&
    !['password', 'file', 'hidden', 'submit', 'button'].includes(element.type)
  );
}

const isChoice = (control: Control): control is HTMLInputElement =>
  control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');

/** Copies the answers of this page's kept forms, to be put back when the page is next opened. */
export function keepAnswersOnThisPage(): void {
  const answers: Record<string, string | boolean> = {};
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-keep-answers]')) {
    for (const control of Array.from(form.elements).filter(isKeepable)) {
      if (isChoice(control)) {
        if (control.type === 'checkbox' || control.checked) answers[control.id] = control.checked;
      } else if (control.value) answers[control.id] = control.value;
    }
  }
  if (Object.keys(answers).length === 0) return;
  const kept: KeptAnswers = { at: Date.now(), answers };
  try {
    sessionStorage.setItem(keyFor(thisAddress()), JSON.stringify(kept));
  } catch {
    // Storage full or refused: nothing more can be done, and the page still says to sign in again.
  }
}

/** Deletes every kept copy (on signing out). */
export function forgetAllKeptAnswers(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}

function takeKept(): KeptAnswers | null {
  const key = keyFor(thisAddress());
  const raw = sessionStorage.getItem(key);
  if (!raw) return null;
  sessionStorage.removeItem(key);
  try {
    const kept = JSON.parse(raw) as KeptAnswers;
    return Date.now() - kept.at < KEPT_FOR_MS ? kept : null;
  } catch {
    return null;
  }
}

/** Puts one answer back the way a person would give it, so the page's own handlers see it. */
function putBack(control: Control, answer: string | boolean): void {
  if (isChoice(control)) {
    if (control.checked !== answer) control.click();
    return;
  }
  if (typeof answer !== 'string' || control.value === answer) return;
  control.value = answer;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Puts back any answers kept for this address into its kept forms as they appear (pages draw their
 * forms once the record has loaded, and a choice can reveal more inputs). Called once by `boot`.
 */
export function restoreKeptAnswers(): void {
  const kept = takeKept();
  if (!kept) return;
  const pending = new Map(Object.entries(kept.answers));
  const apply = () => {
    for (const [id, answer] of pending) {
      const control = document.getElementById(id);
      if (!control || !isKeepable(control) || !control.closest('form[data-keep-answers]')) continue;
      pending.delete(id);
      putBack(control, answer);
    }
    if (pending.size === 0) observer.disconnect();
  };
  const observer = new MutationObserver(apply);
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), RESTORE_WITHIN_MS);
  apply();
}
