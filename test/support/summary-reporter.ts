import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints, after vitest's own report, how many tests of each kind ran and a plain closing line
 * ("N passed, N failed"), so a reader sees at once that unit, api, infra and browser tests all ran.
 */
export default class SummaryReporter implements Reporter {
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
    for (const kind of [
      'unit',
      'api',
      'infra',
      'browser',
      ...[...byKind.keys()].filter((k) => !['unit', 'api', 'infra', 'browser'].includes(k)),
    ]) {
      const c = byKind.get(kind) ?? { passed: 0, failed: 0, skipped: 0 };
      lines.push(
        `  ${kind.padEnd(8)} ${String(c.passed).padStart(4)} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`,
      );
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    lines.push(
      '',
      `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
