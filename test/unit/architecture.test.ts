import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_PATH_PREFIXES, areaForPath, PUBLIC_ROUTES } from '../../shared/deployment/routes.ts';
import { AREAS, TABLES } from '../../shared/deployment/tables.ts';

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

/** Each top-level folder, and the folders it may import from (any of them may import libraries). */
const MAY_IMPORT = {
  shared: ['shared'],
  functions: ['shared', 'functions'],
  web: ['shared', 'web'],
  infra: ['shared', 'functions', 'web', 'infra'],
  bench: ['shared', 'functions', 'web', 'infra', 'bench', 'test'],
  test: ['shared', 'functions', 'web', 'infra', 'bench', 'test'],
} satisfies Record<string, string[]>;
type Tier = keyof typeof MAY_IMPORT;
const TIERS = Object.keys(MAY_IMPORT) as Tier[];
const tierOf = (path: string) => path.split('/')[0] as Tier;

/** An area's store: functions/<area>/store.ts, or a part of it (store-*.ts, *-store.ts). */
const STORE_MODULE = /^functions\/([^/]+)\/(?:store|store-[^/]+|[^/]+-store)\.ts$/;

/**
 * What a module imports: every import and export declaration (type-only ones too), side-effect
 * imports and dynamic imports. Declarations start a line, so none in a comment is read.
 */
function importsOf(path: string): string[] {
  const text = read(path);
  const declared = /^(?:import|export)\s+[\w$*{},\s]*?\bfrom\s*'([^']+)'/gm;
  const bare = /^import\s*'([^']+)'/gm;
  const dynamic = /\bimport\(\s*'([^']+)'\s*\)/g;
  return [declared, bare, dynamic].flatMap((re) => [...text.matchAll(re)].map((m) => m[1] ?? ''));
}

/** The repository path a relative import points at; null for a library. */
function targetOf(path: string, spec: string): string | null {
  return spec.startsWith('.') ? posix.join(posix.dirname(path), spec) : null;
}

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

  it('imports across the top-level folders only in the allowed directions', () => {
    const refused = TIERS.flatMap(sources).flatMap((path) =>
      importsOf(path)
        .filter((spec) => {
          const target = targetOf(path, spec);
          return target !== null && !MAY_IMPORT[tierOf(path)].includes(target.split('/')[0] ?? '');
        })
        .map((spec) => `${path} imports ${spec}`),
    );
    expect(refused).toEqual([]);
  });

  it('keeps shared/ pure: libraries, but not AWS; its views only Preact and htm', () => {
    const refused = sources('shared').flatMap((path) =>
      importsOf(path)
        .filter((spec) => targetOf(path, spec) === null)
        .filter((spec) =>
          /^shared\/(?:[^/]+\/)?views\//.test(path)
            ? !/^(preact|htm)(\/|$)/.test(spec)
            : spec.startsWith('@aws-sdk/'),
        )
        .map((spec) => `${path} imports ${spec}`),
    );
    expect(refused).toEqual([]);
  });

  it("never imports another area's store from an area's functions", () => {
    const refused = sources('functions').flatMap((path) =>
      importsOf(path)
        .map((spec) => ({ spec, target: targetOf(path, spec) }))
        .filter(({ target }) => {
          const store = target?.match(STORE_MODULE);
          return store !== null && store !== undefined && store[1] !== path.split('/')[1];
        })
        .map(({ spec }) => `${path} imports ${spec}`),
    );
    expect(refused).toEqual([]);
  });

  it('reaches another web area only through its face (api.ts, views.ts), never into its pages', () => {
    const face = /^web\/[^/]+\/(?:api|views)\.ts$/;
    const refused = sources('web').flatMap((path) => {
      const area = path.split('/')[1];
      // web/platform serves every area and imports none; web/routes.ts is the table of them all.
      if (path === 'web/routes.ts') return [];
      return importsOf(path)
        .map((spec) => ({ spec, target: targetOf(path, spec) }))
        .filter(({ target }) => {
          if (target === null || !target.startsWith('web/')) return false;
          const other = target.split('/')[1];
          if (other === area || other === 'platform' || target.split('/').length < 3) return false;
          return area === 'platform' || !face.test(target);
        })
        .map(({ spec }) => `${path} imports ${spec}`);
    });
    expect(refused).toEqual([]);
  });

  it('never builds innerHTML from data in the web front end', () => {
    const offenders = sources('web').filter((path) =>
      /\.innerHTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML/.test(read(path)),
    );
    expect(offenders.map((p) => relative(root, join(root, p)))).toEqual([]);
  });
});

/** The areas, by the folders that hold them; `platform` is what every area uses. */
const AREA_NAMES = ['board', 'directory', 'early-help', 'guidance', 'referrals', 'services'];
const foldersIn = (dir: string) =>
  readdirSync(join(root, dir)).filter((name) => statSync(join(root, dir, name)).isDirectory());

describe('areas', () => {
  it('gives each area a folder in every tier, and no tier a folder that is not an area or a common part', () => {
    for (const area of AREA_NAMES) {
      for (const tier of ['shared', 'functions', 'web']) expect(foldersIn(tier), tier).toContain(area);
    }
    expect(foldersIn('shared').sort()).toEqual([...AREA_NAMES, 'deployment', 'platform', 'views'].sort());
    expect(foldersIn('functions').sort()).toEqual([...AREA_NAMES, 'auth', 'platform'].sort());
    // web/dist is the build's output, not source.
    const webFolders = foldersIn('web').filter((name) => name !== 'dist');
    expect(webFolders.sort()).toEqual([...AREA_NAMES, 'dashboard', 'platform', 'static'].sort());
  });

  it('names the same parts the same way in every area', () => {
    for (const area of AREA_NAMES) {
      const has = (path: string) => sources(path.split('/').slice(0, -1).join('/')).includes(path);
      expect(has(`shared/${area}/schema.ts`), `shared/${area}/schema.ts`).toBe(true);
      for (const part of ['app', 'handler', 'routes', 'store', 'keys']) {
        expect(has(`functions/${area}/${part}.ts`), `functions/${area}/${part}.ts`).toBe(true);
      }
      expect(has(`web/${area}/routes.ts`), `web/${area}/routes.ts`).toBe(true);
      expect(foldersIn(`web/${area}`), `web/${area}`).toContain('pages');
    }
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
