/**
 * The standards as the page reads and changes them: the four, and their version from the ETag,
 * which a change is sent with (If-Match). Types only from the schemas, so no zod reaches the page.
 */
import type { Standards } from '../../../../shared/early-help/schema.ts';
import type { EarlyHelpStandards } from '../../../../shared/early-help/standards.ts';
import { apiRequest } from '../../../platform/api.ts';

export interface StandardsRead {
  standards: Standards;
  /** 0 while the defaults apply. */
  version: number;
}

const PATH = '/episodes/standards';
const versionOf = (etag: string | null) => Number(/\d+/.exec(etag ?? '')?.[0] ?? 0);

export async function loadStandards(): Promise<StandardsRead> {
  const { data, etag } = await apiRequest<Standards>(PATH);
  return { standards: data, version: versionOf(etag) };
}

/** Sends the four standards with the version read; a 409 means someone else changed them first. */
export async function saveStandards(standards: EarlyHelpStandards, version: number): Promise<StandardsRead> {
  const { data, etag } = await apiRequest<Standards>(PATH, {
    method: 'PUT',
    body: standards,
    ifMatch: version,
  });
  return { standards: data, version: versionOf(etag) };
}
