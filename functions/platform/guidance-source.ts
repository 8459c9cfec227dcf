import type { Framework, GuidanceVersion } from '../../shared/guidance/schema.ts';
import { Unavailable } from './errors.ts';

/**
 * The current published guidance, as another area sees it (referrals, the services directory):
 * through the public guidance API, not the guidance table, so each function keeps to its own table.
 * Cached for a minute and revalidated by ETag, so a request rarely waits on it.
 */
export interface GuidanceSource {
  current(): Promise<{ version: number; framework: Framework }>;
}

export function createGuidanceSource(
  fetchGuidance: (headers: Record<string, string>) => Response | Promise<Response>,
  clock: () => Date,
  maxAgeMs = 60_000,
): GuidanceSource {
  let cached: { version: GuidanceVersion; etag: string | null; fetchedAt: number } | undefined;
  return {
    async current() {
      const now = clock().getTime();
      if (cached && now - cached.fetchedAt < maxAgeMs) return cached.version;
      const res = await fetchGuidance(cached?.etag ? { 'if-none-match': cached.etag } : {});
      if (res.status === 304 && cached) {
        cached.fetchedAt = now;
        return cached.version;
      }
      if (!res.ok) throw new Unavailable('The threshold guidance could not be read');
      cached = {
        version: (await res.json()) as GuidanceVersion,
        etag: res.headers.get('etag'),
        fetchedAt: now,
      };
      return cached.version;
    },
  };
}
