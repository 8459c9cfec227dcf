/**
 * Loading a page that is for some signed-in people only: who is signed in (`/api/me`) first; someone
 * the page is not for is told so (nobody signed in is asked to sign in, or sent to); only then the
 * page's own data. Each page draws the states; the order and the retries are written once, here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../shared/directory/me.ts';
import { signInUrl } from './auth.ts';
import { loadMe } from './chrome.ts';

export type SignedInState<T extends object> =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'not-allowed'; me: Me }
  | { kind: 'failed'; error: unknown }
  | ({ kind: 'loaded'; me: Me } & T);

export interface SignedInOptions {
  /** Reload when any of these change (e.g. the record the address names). */
  deps?: unknown[];
  /** Send anyone not signed in to sign in, rather than showing `signed-out`. */
  redirect?: boolean;
  /** Where to send someone the page is not for, when there is a page that is (or null). */
  elsewhere?: (me: Me) => string | null;
}

/** The states of a page that sends anyone not signed in to sign in: it never shows `signed-out`. */
export type RedirectingState<T extends object> = Exclude<SignedInState<T>, { kind: 'signed-out' }>;

export interface SignedInLoad<T extends object, S> {
  state: S;
  /** Loads again, showing the loading state meanwhile. */
  retry: () => void;
  /** Loads again, showing what is there until the new data arrives. */
  refresh: () => void;
  /** Replaces the loaded data (after a change the page made). */
  replace: (data: T) => void;
}

type Allowed = (me: Me) => boolean;
type Load<T> = (me: Me, live: () => boolean) => Promise<T>;

/**
 * `allowed`: whether the page is for this person. `load`: the page's data; `live` is false once it
 * is no longer wanted (the page moved on).
 */
export function useSignedInLoad<T extends object>(
  allowed: Allowed,
  load: Load<T>,
  options: SignedInOptions & { redirect: true },
): SignedInLoad<T, RedirectingState<T>>;
export function useSignedInLoad<T extends object>(
  allowed: Allowed,
  load: Load<T>,
  options?: SignedInOptions,
): SignedInLoad<T, SignedInState<T>>;
export function useSignedInLoad<T extends object>(
  allowed: Allowed,
  load: Load<T>,
  options: SignedInOptions = {},
): SignedInLoad<T, SignedInState<T>> {
  const [state, setState] = useState<SignedInState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    (async (): Promise<SignedInState<T> | null> => {
      const me = await loadMe();
      if (!me) {
        if (!options.redirect) return { kind: 'signed-out' };
        window.location.replace(signInUrl());
        return null;
      }
      if (!allowed(me)) {
        const page = options.elsewhere?.(me);
        if (!page) return { kind: 'not-allowed', me };
        window.location.replace(page);
        return null;
      }
      return { ...(await load(me, () => live)), kind: 'loaded', me };
    })().then(
      (next) => {
        if (next && live) setState(next);
      },
      (error: unknown) => {
        if (live) setState({ kind: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt, ...(options.deps ?? [])]);

  return {
    state,
    retry: () => {
      setState({ kind: 'loading' });
      setAttempt((n) => n + 1);
    },
    refresh: () => setAttempt((n) => n + 1),
    replace: (data) =>
      setState((current) =>
        current.kind === 'loaded' ? { ...data, kind: 'loaded', me: current.me } : current,
      ),
  };
}
