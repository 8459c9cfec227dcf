/**
 * Loading a list of referrals page by page for the one role a list is for: the signed-in person, then
 * the first page, then each next page on "show more". Someone with the other referral role is sent to
 * their own list; anyone else is told the list is not for them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../shared/directory/me.ts';
import type { Role } from '../../shared/platform/roles.ts';
import type { ReferralSummary } from '../../shared/referrals/schema.ts';
import { apiGet } from '../platform/api.ts';
import { signInUrl } from '../platform/auth.ts';
import { loadMe } from '../platform/chrome.ts';

interface ListPage {
  items: ReferralSummary[];
  nextCursor: string | null;
}

export type ReferralListState =
  | { kind: 'loading' }
  | { kind: 'not-allowed'; me: Me }
  | { kind: 'failed'; error: unknown }
  | { kind: 'loaded'; me: Me; items: ReferralSummary[]; nextCursor: string | null };

export function useReferralPages(options: {
  /** The API's list address with its filters and page size. */
  query: string;
  /** The role the list is for. */
  role: Role;
  /** Where someone with another referral role is sent instead. */
  elsewhere: { role: Role; page: string };
}): {
  state: ReferralListState;
  retry: () => void;
  more: { busy: boolean; failed: boolean };
  loadMore: () => Promise<void>;
} {
  const { query, role, elsewhere } = options;
  const [state, setState] = useState<ReferralListState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [more, setMore] = useState<{ busy: boolean; failed: boolean }>({ busy: false, failed: false });

  useEffect(() => {
    setState({ kind: 'loading' });
    (async (): Promise<ReferralListState | null> => {
      const me = await loadMe();
      if (!me) {
        window.location.replace(signInUrl());
        return null;
      }
      if (!me.roles.includes(role)) {
        if (me.roles.includes(elsewhere.role)) {
          window.location.replace(elsewhere.page);
          return null;
        }
        return { kind: 'not-allowed', me };
      }
      const page = await apiGet<ListPage>(query);
      return { kind: 'loaded', me, items: page.items, nextCursor: page.nextCursor };
    })().then(
      (next) => {
        if (next) setState(next);
      },
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, [attempt]);

  const loadMore = async () => {
    if (state.kind !== 'loaded' || !state.nextCursor || more.busy) return;
    setMore({ busy: true, failed: false });
    try {
      const page = await apiGet<ListPage>(`${query}&cursor=${encodeURIComponent(state.nextCursor)}`);
      setState({ ...state, items: [...state.items, ...page.items], nextCursor: page.nextCursor });
      setMore({ busy: false, failed: false });
    } catch {
      setMore({ busy: false, failed: true });
    }
  };

  return { state, retry: () => setAttempt((n) => n + 1), more, loadMore };
}
