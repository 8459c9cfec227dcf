import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** Where the security suites leave their figures (test/support/security-harness.ts). */
const SECURITY_FIGURES = join(process.cwd(), '.test-out', 'security');
const SECURITY_SUITES = ['matrix', 'tokens', 'hostile', 'faults', 'concurrency', 'privacy'];

/**
 * Prints, after vitest's own report, how many tests of each kind ran, the figures the security
 * suites reached (SECURITY.md), and a plain closing line ("N passed, N failed"), so a reader sees at
 * once that unit, api, infra, security and browser tests all ran.
 */
export default class SummaryReporter implements Reporter {
  private started = Date.now();

  onTestRunStart(): void {
    this.started = Date.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byKind = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const module of modules) {
      const kind = module.project.name || 'default';
      const counts = byKind.get(kind) ?? { passed: 0, failed: 0, skipped: 0 };
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failedHere++;
        else counts.skipped++;
      }
      // A file that failed outside its tests (a failing beforeAll, an import error) counts as a failure too.
      if (failedHere === 0 && !module.ok()) failedHere = 1;
      counts.failed += failedHere;
      byKind.set(kind, counts);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    const lines = ['', 'Tests by kind:'];
    const kinds = ['unit', 'api', 'infra', 'security', 'browser'];
    for (const kind of [...kinds, ...[...byKind.keys()].filter((k) => !kinds.includes(k))]) {
      const c = byKind.get(kind) ?? { passed: 0, failed: 0, skipped: 0 };
      lines.push(
        `  ${kind.padEnd(8)} ${String(c.passed).padStart(4)} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`,
      );
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    if (byKind.has('security')) lines.push(...securityFigures(this.started));
    lines.push(
      '',
      `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

/**
 * One line per security suite that ran in this run: its own summary of what it proved, with the
 * figures. Files from earlier runs are left alone (another run may be going on) and not shown.
 */
function securityFigures(since: number): string[] {
  if (!existsSync(SECURITY_FIGURES)) return [];
  const files = readdirSync(SECURITY_FIGURES).filter(
    (f) => f.endsWith('.json') && statSync(join(SECURITY_FIGURES, f)).mtimeMs >= since,
  );
  if (!files.length) return [];
  const lines = ['', 'Security figures (SECURITY.md):'];
  const order = (f: string) => {
    const i = SECURITY_SUITES.indexOf(f.replace(/\.json$/, ''));
    return i < 0 ? SECURITY_SUITES.length : i;
  };
  for (const file of files.sort((a, b) => order(a) - order(b))) {
    try {
      const figures = JSON.parse(readFileSync(join(SECURITY_FIGURES, file), 'utf8')) as {
        suite: string;
        summary?: string;
      };
      lines.push(`  ${figures.suite.padEnd(12)} ${figures.summary ?? ''}`);
    } catch {
      lines.push(`  ${file}: unreadable`);
    }
  }
  return lines;
}
