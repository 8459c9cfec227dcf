import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ENTITY_LABELS,
  AUDIT_ENTITY_TYPES,
  auditActionLabel,
} from '../../shared/directory/audit-actions.ts';

/**
 * The audit trail's words: each action an area audits reads as a sentence, and each kind of record
 * it files entries under is one the admin's search can filter by. Read from the sources, so a new
 * action or record kind without words fails here rather than reading as its code on the admin's page.
 */
const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}
const matches = (paths: string[], pattern: RegExp) =>
  [
    ...new Set(
      paths.flatMap((path) => [...readFileSync(join(root, path), 'utf8').matchAll(pattern)].map((m) => m[1])),
    ),
  ].sort();

describe('the audit trail’s words', () => {
  const earlyHelpActions = matches(sources('functions/early-help'), /'(episode\.[a-z.-]+)'/g);

  it('finds the early-help actions in its sources', () => {
    expect(earlyHelpActions).toEqual(
      expect.arrayContaining(['episode.create', 'episode.read', 'episode.list', 'episode.alarm']),
    );
  });

  // Notifications have kinds of their own (referral.submitted), which are not audit actions.
  const referralActions = matches(
    sources('functions/referrals').filter((path) => !path.endsWith('notifications.ts')),
    /'((?:referral|consultation)\.[a-z_.-]+)'/g,
  );

  // The board's plan audits as action.*: its challenge and verification too.
  const boardActions = matches(sources('functions/board'), /'(action\.[a-z_.-]+)'/g);

  it('finds the board’s actions in its sources', () => {
    expect(boardActions).toEqual(
      expect.arrayContaining([
        'action.progress',
        'action.verify',
        'action.challenge',
        'action.challenge_response',
      ]),
    );
  });

  it.each([...earlyHelpActions, ...referralActions, ...boardActions])('describes %s in words', (action) => {
    expect(auditActionLabel(action as string)).not.toBe(action);
  });

  it('lets the search filter by every kind of record an entry is filed under, each with its words', () => {
    const types = matches(sources('functions'), /\{ type: '([a-z-]+)', id\b/g);
    expect(types).toEqual(expect.arrayContaining(['episode', 'episode-list', 'referral']));
    expect([...AUDIT_ENTITY_TYPES].sort()).toEqual(expect.arrayContaining(types));
    for (const type of AUDIT_ENTITY_TYPES) expect(AUDIT_ENTITY_LABELS[type]).toMatch(/^[A-Z]/);
  });
});
