import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import { hasEdited } from '../../shared/guidance/sign-off.ts';
import type { TestApi } from './api.ts';

/**
 * Guidance sign-off for the security suites: a draft is published only once a guidance editor who
 * neither started nor changed it approves it. The suites' editor caller is Tom, so a draft he is to
 * approve is started by Femi, and a draft both have changed is approved by a third editor (Helen,
 * given the role for these suites only, as the harness gives its callers theirs).
 */
export function guidanceSignOff(api: TestApi) {
  const ok = async <T>(res: Response, status = 200): Promise<T> => {
    if (res.status !== status) throw new Error(`sign-off fixture: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    /** Approves the draft as an editor who has not changed it; it answers the approved draft. */
    async approve(draft: GuidanceVersion): Promise<GuidanceVersion> {
      if (draft.approvedBy) return draft;
      const free = ['femi', 'tom'].find((who) => !hasEdited(draft, api.user(who).sub));
      const token = free
        ? await api.tokenFor(free)
        : await api.tokenFor('helen', { 'cognito:groups': ['guidance-editor'] });
      return ok(
        await api.request('POST', `/api/guidance/versions/${draft.version}/approve`, {
          token,
          headers: { 'if-match': `"${draft.revision}"` },
        }),
      );
    },

    /** A new draft started by Femi (call with no draft open), so Tom may approve it. */
    startAsFemi: async (): Promise<GuidanceVersion> =>
      ok(await api.request('POST', '/api/guidance/versions', { as: 'femi', body: {} }), 201),
  };
}
