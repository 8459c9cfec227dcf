import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalFunction, REPO_ROOT } from '../../infra/constructs/portal-function.ts';
import { AREAS } from '../../shared/deployment/tables.ts';
import { STUB_ASSETS } from '../support/stub-site.ts';

/**
 * The one test that bundles for real, with the same construct and entries the stacks use: each
 * function's asset must be a minified ES module with the AWS SDK inside, small, and importable.
 */
const ENTRIES = [
  ...AREAS.map((area) => ({ name: area, entry: `functions/${area}/handler.ts`, area: true })),
  { name: 'pre-token-generation', entry: 'functions/auth/pre-token-generation.ts', area: false },
  { name: 'revocations', entry: 'functions/directory/revocations-handler.ts', area: false },
];
const present = ENTRIES.filter((e) => existsSync(join(REPO_ROOT, e.entry)));
const missing = ENTRIES.filter((e) => !present.includes(e));

let workDir: string;
const bundles = new Map<string, { dir: string; code: string }>();

beforeAll(() => {
  // prepare + act: synthesize a stack of PortalFunctions with bundling on (esbuild, no Docker).
  workDir = mkdtempSync(join(tmpdir(), 'portal-bundling-'));
  const app = new App({ outdir: join(workDir, 'cdk.out'), builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Bundling', { env: { account: '111111111111', region: 'eu-west-2' } });
  const functions = present.map((e) => ({
    name: e.name,
    fn: new PortalFunction(stack, `Fn-${e.name}`, { entry: e.entry, description: e.name }),
  }));
  const template = app.synth().getStackArtifact(stack.artifactId).template as {
    Resources: Record<string, { Properties: { Code: { S3Key: string } } }>;
  };
  for (const { name, fn } of functions) {
    const logicalId = stack.getLogicalId(fn.node.defaultChild as CfnElement);
    const hash = template.Resources[logicalId]?.Properties.Code.S3Key.replace(/\.zip$/, '');
    const dir = join(workDir, 'cdk.out', `asset.${hash}`);
    bundles.set(name, { dir, code: readFileSync(join(dir, 'index.mjs'), 'utf8') });
  }
}, 60_000);

/** Runs an ES module snippet in a fresh Node.js process; on failure, only the error's last lines. */
function runNode(source: string, env: Record<string, string | undefined>): string {
  try {
    return execFileSync(process.execPath, ['--input-type=module', '-e', source], {
      encoding: 'utf8',
      env,
      stdio: 'pipe',
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error);
    throw new Error(
      stderr
        .split('\n')
        .filter((line) => line.length < 300)
        .slice(-8)
        .join('\n'),
    );
  }
}

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('function bundles', () => {
  it('has a Lambda entry for every area and the token trigger', () => {
    expect(missing.map((e) => e.entry)).toEqual([]);
  });

  it.each(present)('$entry bundles to a small, minified ES module with the SDK inside', ({ name, area }) => {
    const bundle = bundles.get(name);
    if (!bundle) throw new Error(`no bundle for ${name}`);
    const { dir, code } = bundle;
    // assess: ESM, minified (few, long lines), a source map beside it, no SDK left outside the bundle.
    expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
    expect(code).not.toMatch(/\bmodule\.exports\b\s*=/);
    // Minified: long lines. Newlines remain only inside template strings (the guidance function's page
    // views are htm templates, which keep theirs); unminified code averages under 40 characters a line.
    const lines = code.split('\n');
    expect(code.length / lines.length).toBeGreaterThan(area ? 500 : 100);
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    // No import of the SDK left for the runtime to provide (its own error messages may still name it).
    expect(code).not.toMatch(/\bfrom\s*["']@aws-sdk\//);
    expect(code).not.toMatch(/\bimport\(\s*["']@aws-sdk\//);
    const size = statSync(join(dir, 'index.mjs')).size;
    // Every bundle holds the DynamoDB client: the token trigger reads agencies' and people's standing.
    expect(code).toContain('dynamodb');
    expect(size).toBeLessThan(area ? 1_000_000 : 600_000);
  });

  // The assets sit in a temp folder with no node_modules above them: they import only if self-contained.
  // One fresh Node.js process imports them all, one after another (one start-up instead of five).
  it('every bundle imports in a fresh Node.js process and exports a handler', () => {
    const urls = Object.fromEntries(
      [...bundles].map(([name, b]) => [name, `file://${join(b.dir, 'index.mjs')}`]),
    );
    const out = runNode(
      `const urls = ${JSON.stringify(urls)}; const result = {};
       for (const [name, url] of Object.entries(urls)) {
         try { result[name] = typeof (await import(url)).handler; } catch (e) { result[name] = String(e).slice(0, 300); }
       }
       console.log(JSON.stringify(result));`,
      {
        PATH: process.env.PATH,
        NODE_NO_WARNINGS: '1',
        AWS_REGION: 'eu-west-2',
        TABLE_NAME: 'test-table',
        AUDIT_TABLE_NAME: 'test-audit',
        AUTH_ISSUER: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_test',
        AUTH_CLIENT_ID: 'test-client',
        CURSOR_SECRET: 'a-test-cursor-secret-of-at-least-32-characters',
        MATCH_KEY_SECRET: 'a-test-match-key-secret-of-at-least-32-characters',
        AUDIT_SUBJECT_SECRET: 'a-test-audit-subject-secret-of-at-least-32-characters',
        OUTBOX_TABLE_NAME: 'test-outbox',
        ATTACHMENTS_BUCKET: 'test-attachments',
        GUIDANCE_URL: 'https://api.example.org/api/guidance',
        SERVICES_URL: 'https://api.example.org/api/services',
        REFERRALS_URL: 'https://api.example.org',
        PARTNERSHIP_AGENCY_ID: 'northshire-partnership',
        DIRECTORY_TABLE_NAME: 'test-directory',
        AUTH_DOMAIN: 'https://portal.auth.eu-west-2.amazoncognito.com',
        PORTAL_URL: 'https://d111111abcdef8.cloudfront.net',
        WEB_ASSETS: JSON.stringify(STUB_ASSETS),
        LOG_LEVEL: 'error',
      },
    );
    expect(JSON.parse(out)).toEqual(Object.fromEntries(present.map((e) => [e.name, 'function'])));
  });
});
