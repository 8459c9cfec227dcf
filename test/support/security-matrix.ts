import type { TestApi } from './api.ts';
import type { fixtures } from './security-fixtures.ts';
import { CALLERS, type Caller } from './security-harness.ts';

/**
 * The authorization matrix's vocabulary (test/security/authorization-matrix.test.ts): a row is a
 * route with the records it is tried on and the answer each caller must get on each.
 */

/** What the rows' requests are made with, once the suite has made them. */
export interface MatrixContext {
  readonly api: TestApi;
  readonly fx: ReturnType<typeof fixtures>;
}

export const MISSING_ULID = '01JAAAAAAAAAAAAAAAAAAAAAAA';
export const MISSING_AGENCY = 'no-such-agency';
export const MISSING_VERSION = 999;

export type Cell = number | readonly number[];
export type Expectation = Record<Caller, Cell>;

export interface Prepared {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Identifiers in the path, which a refusal may name: replaced before refusals are compared. */
  ids?: string[];
}

export interface Row {
  route: string;
  variant?: string;
  /** The records a cell is about; `missing` is always one that does not exist. */
  targets: readonly string[];
  expect: Expectation;
  prepare(target: string, caller: Caller, succeeds: boolean): Promise<Prepared>;
  /** What a successful answer must (not) contain. */
  check?(caller: Caller, body: unknown, target: string): void;
  /**
   * Where the caller reads back the record a write answered with (its body, or a 409's `current`):
   * the answer may carry no field that read does not.
   */
  readBack?(prepared: Prepared, shown: { id?: unknown }, status: number, caller: Caller): string | undefined;
}

/** Every caller gets `status`, except those named. */
export const each = (status: Cell, except: Partial<Expectation> = {}): Expectation =>
  ({
    ...Object.fromEntries(CALLERS.map((c) => [c, status])),
    // A front-door manager is answered as the front door is, unless a row says otherwise.
    ...(except.triage !== undefined ? { frontDoorManager: except.triage } : {}),
    ...except,
  }) as Expectation;
/** Signed in: the anonymous caller gets 401, everyone else as given. */
export const signedIn = (status: Cell, except: Partial<Expectation> = {}) =>
  each(status, { anonymous: 401, ...except });
/** Only the named callers get through; the rest 403, the anonymous caller 401. */
export const only = (allowed: Partial<Expectation>) => signedIn(403, allowed);

export const NONE = ['-'] as const;
export const AB = ['A', 'B', 'missing'] as const;

export const simple = (
  route: string,
  expect: Expectation,
  extra: Omit<Prepared, 'path'> & { query?: string } = {},
): Row => ({
  route,
  targets: NONE,
  expect,
  async prepare() {
    const { query, ...rest } = extra;
    return { path: `${route.split(' ')[1]}${query ?? ''}`, ...rest };
  },
});

export const expectedFor = (row: Row, caller: Caller, index: number): number => {
  const cell = row.expect[caller];
  return typeof cell === 'number' ? cell : (cell[index] as number);
};

/** A refusal with what may differ between two requests removed: its instance, request id and the id asked for. */
export function comparable(text: string, ids: readonly string[]): string {
  const body = JSON.parse(text) as Record<string, unknown>;
  delete body.instance;
  delete body.requestId;
  let detail = typeof body.detail === 'string' ? body.detail : '';
  for (const id of ids) detail = detail.split(id).join('<id>');
  return JSON.stringify({ ...body, detail });
}
