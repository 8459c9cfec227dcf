import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import { pageFile } from '../../web/page-table.ts';
import { NOT_FOUND_PAGE, PAGE_PATHS, PAGES, SERVER_RENDERED } from '../../web/routes.ts';

const webDir = join(import.meta.dirname, '../../web');

describe('the page table', () => {
  it('lists exactly the addresses the guidance function renders, so "/check" is sent on to "/check/"', () => {
    expect(SERVER_RENDERED.map((p) => p.path)).toEqual(SERVER_RENDERED_PAGES.map((p) => p.path));
    for (const page of SERVER_RENDERED) expect(PAGE_PATHS).toContain(page.path);
  });

  it('gives every page one folder address, a file the build writes there, and a module that exists', () => {
    expect(new Set(PAGE_PATHS).size).toBe(PAGE_PATHS.length);
    for (const page of [...PAGES, ...SERVER_RENDERED, NOT_FOUND_PAGE]) {
      // Each page's module sits in its area's pages/ folder.
      expect(page.entry).toMatch(/^[a-z]+(?:-[a-z]+)*\/pages\/[a-z-]+$/);
      expect(existsSync(join(webDir, `${page.entry}.ts`)), page.entry).toBe(true);
    }
    for (const { path } of PAGES) expect(path).toMatch(/^\/([a-z0-9-]+\/)*$/);
    expect(PAGES.map((p) => pageFile(p.path))).toContain('referrals/draft/check/index.html');
    expect(pageFile('/')).toBe('index.html');
    expect(PAGE_PATHS).not.toContain(NOT_FOUND_PAGE.file);
  });
});

describe('the page modules', () => {
  it('bring no zod into the browser: they import plain labels and rules, and schemas only as types', async () => {
    const entries = [...new Set([...PAGES, ...SERVER_RENDERED, NOT_FOUND_PAGE].map((p) => p.entry))];
    const result = await build({
      entryPoints: entries.map((entry) => join(webDir, `${entry}.ts`)),
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: join(webDir, 'dist-check'),
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['govuk-frontend'],
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(50);
    expect(inputs.filter((path) => path.includes('node_modules/zod/'))).toEqual([]);
  });
});
