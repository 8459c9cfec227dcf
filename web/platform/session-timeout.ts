/**
 * The timeout warning, as GOV.UK services give it (the HMRC timeout dialog pattern, the one the
 * Design System points to): two minutes before the sign-in ends a modal dialog says so, with "Stay
 * signed in" (the default, and what Escape does) and "Sign out". If nobody answers, what was typed is
 * kept (kept-answers.ts) and the page goes to sign in again, which brings the person back here.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { clearToken, renewSession, sessionEndsAt, signOut } from './auth.ts';
import { keepAnswersOnThisPage } from './kept-answers.ts';

/** How long before the end the warning opens. */
export const WARN_BEFORE_MS = 2 * 60 * 1000;

/** "2 minutes", "1 minute 5 seconds", "40 seconds": what is left, in words. */
export function timeLeftInWords(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return part(rest, 'second');
  return rest === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(rest, 'second')}`;
}

/** Ends the sign-in here: keeps what was typed, then sign-in brings the person back to this page. */
function timeOut(): void {
  keepAnswersOnThisPage();
  clearToken();
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in/?timedOut=1&returnTo=${encodeURIComponent(back)}`);
}

function TimeoutDialog(props: { endsAt: number; onStay: () => void }): VNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const [now, setNow] = useState(Date.now());
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    dialog.current?.querySelector<HTMLElement>('h2')?.focus();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(tick);
      // Closed first: while it is open, the rest of the page is inert and cannot take the focus.
      const closing = dialog.current;
      if (closing?.open) closing.close();
      previous?.focus?.();
    };
  }, []);
  const stay = async () => {
    try {
      if (await renewSession()) props.onStay();
      else timeOut();
    } catch {
      setFailed(true);
    }
  };
  // The words change every second on screen; a screen reader hears them when the dialog opens.
  return html`
    <dialog
      ref=${dialog}
      class="app-timeout-dialog"
      aria-labelledby="timeout-heading"
      aria-describedby="timeout-text"
      onCancel=${(event: Event) => {
        event.preventDefault();
        void stay();
      }}
    >
      <h2 class="govuk-heading-m" id="timeout-heading" tabindex="-1">You’re about to be signed out</h2>
      <p class="govuk-body" id="timeout-text">
        For your security, we will sign you out in <strong>${timeLeftInWords(props.endsAt - now)}</strong>.
        Anything you have typed on this page will be kept for when you sign in again.
      </p>
      ${failed ? html`<p class="govuk-error-message">Staying signed in did not work. Try again, or sign in again when asked.</p>` : null}
      <div class="govuk-button-group">
        <button type="button" class="govuk-button" data-module="govuk-button" onClick=${stay}>Stay signed in</button>
        <a class="govuk-link" href="/sign-in/?signedOut=1" onClick=${(event: Event) => {
          event.preventDefault();
          void signOut();
        }}>Sign out</a>
      </div>
    </dialog>
  `;
}

let timers: ReturnType<typeof setTimeout>[] = [];

/** Starts (or restarts) the warning and the time-out for this tab's sign-in; nothing when signed out. */
export function watchSessionTimeout(): void {
  for (const timer of timers) clearTimeout(timer);
  timers = [];
  const endsAt = sessionEndsAt();
  if (endsAt === null) return;
  let slot = document.getElementById('app-timeout');
  if (!slot) {
    slot = document.createElement('div');
    slot.id = 'app-timeout';
    document.body.append(slot);
  }
  const host = slot;
  const close = () => render(null, host);
  const left = endsAt - Date.now();
  timers.push(
    setTimeout(
      () =>
        render(
          html`<${TimeoutDialog}
            endsAt=${endsAt}
            onStay=${() => {
              close();
              watchSessionTimeout();
            }}
          />`,
          host,
        ),
      Math.max(0, left - WARN_BEFORE_MS),
    ),
    setTimeout(timeOut, Math.max(0, left)),
  );
}

/** Stops the warning (the sign-in ended some other way). */
export function stopSessionTimeout(): void {
  for (const timer of timers) clearTimeout(timer);
  timers = [];
  const slot = document.getElementById('app-timeout');
  if (slot) render(null, slot);
}
