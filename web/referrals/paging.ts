/**
 * Loading a list of referrals page by page for the one role a list is for: the signed-in person, then
 * the first page, then each next page on "show more". Someone with the other referral role is sent to
 * their own list; anyone else is told the list is not for them.
 */
import { useState } from 'preact/hooks';
import type { Role } from '../../shared/platform/roles.ts';
import type { ReferralSummary } from '../../shared/referrals/schema.ts';
import { apiGet } from '../platform/api.ts';
import { type RedirectingState, useSignedInLoad } from '../platform/signed-in.ts';

interface ListPage {
  items: ReferralSummary[];
  nextCursor: string | null;
}

export type ReferralListState = RedirectingState<ListPage>;

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
  /** For `ShowMore`, with its words. */
  showMore: {
    announce: true;
    hasMore: boolean;
    busy: boolean;
    failed: boolean;
    onClick: () => Promise<void>;
  };
} {
  const { query, role, elsewhere } = options;
  const { state, retry, replace } = useSignedInLoad(
    (me) => me.roles.includes(role),
    () => apiGet<ListPage>(query),
    {
      redirect: true,
      elsewhere: (me) => (me.roles.includes(elsewhere.role) ? elsewhere.page : null),
    },
  );
  const [more, setMore] = useState<{ busy: boolean; failed: boolean }>({ busy: false, failed: false });

  const loadMore = async () => {
    if (state.kind !== 'loaded' || !state.nextCursor || more.busy) return;
    setMore({ busy: true, failed: false });
    try {
      const page = await apiGet<ListPage>(`${query}&cursor=${encodeURIComponent(state.nextCursor)}`);
      replace({ items: [...state.items, ...page.items], nextCursor: page.nextCursor });
      setMore({ busy: false, failed: false });
    } catch {
      setMore({ busy: false, failed: true });
    }
  };

  return {
    state,
    retry,
    showMore: {
      announce: true,
      hasMore: state.kind === 'loaded' && Boolean(state.nextCursor),
      ...more,
      onClick: loadMore,
    },
  };
}
