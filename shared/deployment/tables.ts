/**
 * The one definition of every table: keys, indexes and TTL. The CDK stack (infra/stacks/data-stack.ts)
 * and the local runtime (infra/local/tables.ts) both build from this, so AWS and a laptop cannot drift.
 *
 * Access patterns come first; keys follow from them:
 * - guidance:  the current published version (one GetItem on GUIDANCE/CURRENT); versions by number.
 * - referrals: one referral and its timeline (pk REFERRAL#id); an agency's list (gsi1, newest first);
 *   the front door's views (gsi2: open ones by priority then decision due time, overdue a filter on it;
 *   decided, closed and withdrawn by when); earlier referrals of the same child (pk CHILD#key);
 *   idempotency records expire by TTL; dashboard counters (pk STATS).
 * - outbox:    notifications for an audience, newest first (pk OUTBOX#audience); expire by TTL.
 * - board:     one action and its updates (pk ACTION#id); the plan by status and due date (gsi1).
 * - early-help: one episode with its reviews, its referral snapshot and one list item per agency
 *   working it (pk EPISODE#id); at most one episode per referral (pk REFERRAL#id); the front door's
 *   open episodes by the running timer's due date, so overdue is a key condition, and closed ones by
 *   date (gsi1 FRONTDOOR#open|closed); an agency's episodes by due date (gsi2 AGENCY#id#open|closed,
 *   on the agency's list item); the standards item; drift alarms already sent (pk ALARM#id).
 * - services: one service (pk SERVICE#id); an owner's entries and the partnership's (gsi1, gsi2);
 *   published ones listed for search by need and district, nearest first (functions/services/keys.ts).
 * - directory: agencies (pk AGENCY); users by sub (pk USER#sub).
 * - audit:     one entity's trail (pk ENTITY#type#id, sk time#ulid); one actor's trail (gsi1); every
 *   entry about one child (gsi2 SUBJECT#<hashed key>, functions/platform/subject-keys.ts).
 * Every list is a Query on a key or an index designed for it: a Scan in a request path is a bug.
 */
export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  /** Short area name; also the suffix of the local table name. */
  readonly id:
    | 'guidance'
    | 'referrals'
    | 'outbox'
    | 'board'
    | 'early-help'
    | 'services'
    | 'directory'
    | 'audit';
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly indexes: readonly IndexDefinition[];
  readonly timeToLiveAttribute?: string;
  /** Stream new items (the outbox is emailed from its stream in AWS). */
  readonly stream?: 'NEW_IMAGE';
}

const base = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const TABLES = {
  guidance: { id: 'guidance', ...base, indexes: [] },
  referrals: {
    id: 'referrals',
    ...base,
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
    timeToLiveAttribute: 'expiresAt',
  },
  /**
   * Notifications, apart from the referrals: its stream feeds the e-mail notifier, and a stream
   * cannot be narrowed by IAM, so a stream on the referrals table would let the notifier read every
   * referral. Written in the same transactions as the referral changes they announce.
   */
  outbox: { id: 'outbox', ...base, indexes: [], timeToLiveAttribute: 'expiresAt', stream: 'NEW_IMAGE' },
  board: { id: 'board', ...base, indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }] },
  'early-help': {
    id: 'early-help',
    ...base,
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  services: {
    id: 'services',
    ...base,
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  directory: { id: 'directory', ...base, indexes: [] },
  audit: {
    id: 'audit',
    ...base,
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
    // Each entry's expiry, set as it is written (functions/platform/audit.ts: seven years by default).
    timeToLiveAttribute: 'expiresAt',
  },
} as const satisfies Record<string, TableDefinition>;

export type TableId = keyof typeof TABLES;
export const TABLE_IDS = Object.keys(TABLES) as TableId[];

/** The Lambda areas and the table each owns (besides appending to audit). */
export const AREAS = ['guidance', 'referrals', 'board', 'early-help', 'services', 'directory'] as const;
export type Area = (typeof AREAS)[number];
