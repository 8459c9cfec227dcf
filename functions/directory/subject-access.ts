import { auditActionLabel } from '../../shared/directory/audit-actions.ts';
import { type CsvValue, csvField, toCsv } from '../../shared/platform/csv.ts';
import type { StoreKey } from '../platform/pagination.ts';
import type { AuditEntry } from './audit-routes.ts';
import type { DirectoryStore } from './store.ts';

/**
 * A subject access request (UK GDPR Article 15) answered from the audit trail: the records about a
 * child, found through the entries filed under her subject key, and every entry about each record,
 * read from the record's own trail so that list appearances and reads written without the key are
 * included. Bounded, and says so when a bound is reached: every read is a Query, never a Scan.
 */
export const SUBJECT_ACCESS_LIMITS = {
  /** Distinct records one search reports. */
  records: 200,
  /** Entries read under the child's key while finding them. */
  subjectEntries: 2000,
  /** Entries read from one record's own trail. */
  entriesPerRecord: 500,
  /** Items asked for per Query. */
  page: 200,
  /** Records' trails read at once. */
  concurrency: 8,
};
export type SubjectAccessLimits = typeof SUBJECT_ACCESS_LIMITS;

export interface SubjectRecord {
  entity: { type: string; id: string };
  firstSeen: string;
  lastSeen: string;
  entries: AuditEntry[];
  truncated: boolean;
}

export interface SubjectAccessReport {
  generatedAt: string;
  generatedBy: { userId: string; name: string; agencyName?: string };
  reason: string;
  matchedOn: string;
  records: SubjectRecord[];
  truncated: boolean;
}

export const MATCHED_ON =
  'The child’s first name, last name and date of birth, however the names were typed (capitals, accents, spaces, hyphens and apostrophes aside)';

/** Entries of these types are about the search, not a record about the child. */
const NOT_RECORDS = new Set(['subject-access']);

export async function findSubjectRecords(
  store: DirectoryStore,
  subjectKey: string | undefined,
  limits: SubjectAccessLimits = SUBJECT_ACCESS_LIMITS,
): Promise<{ records: SubjectRecord[]; truncated: boolean }> {
  if (!subjectKey) return { records: [], truncated: false };
  const found = new Map<string, { entity: { type: string; id: string }; times: string[] }>();
  let truncated = false;
  let read = 0;
  let startKey: StoreKey | undefined;
  do {
    const page = await store.subjectTrail(subjectKey, {
      limit: limits.page,
      ...(startKey ? { startKey } : {}),
    });
    read += page.items.length;
    for (const item of page.items as AuditEntry[]) {
      if (NOT_RECORDS.has(item.entity.type)) continue;
      const key = `${item.entity.type}#${item.entity.id}`;
      const record = found.get(key);
      if (record) record.times.push(item.at);
      else if (found.size < limits.records) found.set(key, { entity: item.entity, times: [item.at] });
      else truncated = true;
    }
    startKey = page.lastKey;
    if (startKey && read >= limits.subjectEntries) truncated = true;
  } while (startKey && !truncated);

  const records = await inBatches([...found.values()], limits.concurrency, async ({ entity, times }) => {
    const entries: AuditEntry[] = [];
    let next: StoreKey | undefined;
    let more = false;
    do {
      const page = await store.auditTrail(entity, {
        limit: Math.min(limits.page, limits.entriesPerRecord - entries.length),
        ...(next ? { startKey: next } : {}),
      });
      entries.push(...(page.items as AuditEntry[]));
      next = page.lastKey;
      more = Boolean(next) && entries.length >= limits.entriesPerRecord;
    } while (next && !more);
    const all = [...times, ...entries.map((e) => e.at)].sort();
    return {
      entity,
      firstSeen: all[0] as string,
      lastSeen: all[all.length - 1] as string,
      entries,
      truncated: more,
    };
  });
  records.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));
  return { records, truncated };
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

const ENTRY_HEADERS = [
  'Record type',
  'Record id',
  'When (UTC)',
  'What',
  'Action',
  'Outcome',
  'Who',
  'Role',
  'Agency',
  'From (IP address)',
  'Reason given',
  'Detail',
] as const;

/**
 * The report as a file the council can send: a block saying what it covers, the records found, then
 * one row per entry. Every field goes through shared/platform/csv.ts, which defuses spreadsheet formulas.
 */
export function subjectAccessCsv(
  report: SubjectAccessReport,
  child: { firstName: string; lastName: string; dateOfBirth: string },
): string {
  const by = report.generatedBy.agencyName
    ? `${report.generatedBy.name} (${report.generatedBy.agencyName})`
    : report.generatedBy.name;
  const block: CsvValue[][] = [
    ['Subject access report: who has recorded and seen what about a child in the partnership portal'],
    ['Child searched for', `${child.firstName} ${child.lastName}, born ${child.dateOfBirth}`],
    ['Generated (UTC)', report.generatedAt],
    ['Generated by', by],
    ['Reason for the search', report.reason],
    ['How records were matched', report.matchedOn],
    [
      'What this covers',
      'Every entry in the portal’s audit trail about each record found: who created, changed, opened or saw it in a list, when, from where, and any reason they gave.',
    ],
    [
      'What this does not cover',
      'The records’ own content. The service that owns each record supplies it separately.',
    ],
    [
      'Records found',
      report.records.length,
      report.truncated ? 'More records matched than one search reports: ask for the rest by record.' : '',
    ],
    ...report.records.map((r): CsvValue[] => [
      'Record',
      r.entity.type,
      r.entity.id,
      `first seen ${r.firstSeen}`,
      `last seen ${r.lastSeen}`,
      r.truncated ? 'More entries than one search reads: the rest are in the record’s own trail.' : '',
    ]),
  ];
  const head = block.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
  const rows = report.records.flatMap((r) =>
    r.entries.map((e): CsvValue[] => [
      r.entity.type,
      r.entity.id,
      e.at,
      auditActionLabel(e.action),
      e.action,
      e.outcome,
      e.actor ? (e.actor.name ?? e.actor.userId) : 'Not signed in',
      e.actor?.roles.join(' ') ?? '',
      e.actor ? (e.actor.agencyName ?? e.actor.agencyId ?? '') : '',
      e.sourceIp ?? '',
      e.reason ?? '',
      e.detail ?? '',
    ]),
  );
  return `\uFEFF${head}\r\n${toCsv(ENTRY_HEADERS, rows)}`;
}
