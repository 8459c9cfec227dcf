import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_PATH_PREFIXES, areaForPath, PUBLIC_ROUTES } from '../../functions/platform/area-routes.ts';
import { AREAS, TABLES } from '../../functions/platform/tables.ts';

/** The architecture's import rules that a reviewer would otherwise have to remember. */
const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('boundaries', () => {
  it('reads process.env only in the config module', () => {
    const readers = ['functions', 'shared', 'web', 'infra/local', 'infra/seed']
      .flatMap(sources)
      .filter((path) => /process\.env/.test(read(path)));
    expect(readers).toEqual(['functions/platform/config.ts']);
  });

  it('makes AWS clients only in composition code, never in an app, route or domain module', () => {
    const makers = ['functions', 'shared']
      .flatMap(sources)
      .filter((path) => /new DynamoDB(Document)?Client\b|DynamoDBDocumentClient\.from/.test(read(path)));
    expect(makers).toEqual(['functions/platform/dynamo.ts']);
  });

  it('keeps shared/ pure: it imports neither the functions, the web, nor AWS', () => {
    for (const path of sources('shared')) {
      const imports = [...read(path).matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
      for (const spec of imports) {
        expect(spec, `${path} imports ${spec}`).toMatch(/^(zod|\.\/)/);
      }
    }
  });

  it('never builds innerHTML from data in the web front end', () => {
    const offenders = sources('web').filter((path) =>
      /\.innerHTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML/.test(read(path)),
    );
    expect(offenders.map((p) => relative(root, join(root, p)))).toEqual([]);
  });
});

describe('routing', () => {
  it('gives every area at least one path prefix and every table definition to an area, the outbox or the audit', () => {
    for (const area of AREAS) expect(AREA_PATH_PREFIXES[area].length).toBeGreaterThan(0);
    expect(Object.keys(TABLES).sort()).toEqual([...AREAS, 'outbox', 'audit'].sort());
  });

  it.each([
    ['/api/guidance', 'guidance'],
    ['/api/guidance/versions/3', 'guidance'],
    ['/api/referrals/01J/submit', 'referrals'],
    ['/api/stats/referrals', 'referrals'],
    ['/api/board/actions.csv', 'board'],
    ['/api/agencies', 'directory'],
    ['/api/openapi.json', 'directory'],
    ['/api/guidancex', undefined],
    ['/api/unknown', undefined],
  ])('routes %s to %s', (path, area) => {
    expect(areaForPath(path)).toBe(area);
  });

  it('keeps every public route inside an area', () => {
    for (const route of PUBLIC_ROUTES) expect(areaForPath(route.path.replace('{proxy+}', 'x'))).toBeDefined();
  });
});
