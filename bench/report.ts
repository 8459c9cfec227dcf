import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BudgetCheck, BudgetStatus } from './budgets.ts';
import { describeMachine } from './lib/machine.ts';
import { coldStartSection } from './report/cold-start.ts';
import { table } from './report/markdown.ts';
import { pagesSection } from './report/pages.ts';
import { scaleSection } from './report/scale.ts';
import { warmSection } from './report/warm.ts';
import type { BenchResults } from './results.ts';

/**
 * bench-results/report.md: the summary and budgets, then one section per benchmark that ran (each in
 * bench/report/), then the settings; with the sections' SVG charts and results.json beside it.
 */

/** Every budget check, one row each: the report's first table. */
export function budgetTable(budgets: BudgetCheck[]): string {
  return table(
    ['', 'section', 'what', 'measured', 'budget'],
    budgets.map((b) => [
      b.status === 'PASS' ? '✅ PASS' : b.status === 'MISS' ? '❌ MISS' : '⏭ SKIP',
      b.section,
      b.subject,
      b.measured,
      b.limit,
    ]),
  );
}

export async function writeReport(dir: string, results: BenchResults): Promise<void> {
  const charts = new Map<string, string>();
  const count = (s: BudgetStatus) => results.budgets.filter((b) => b.status === s).length;
  const parts = [
    '# Benchmarks',
    '',
    `Run ${results.date} on ${describeMachine(results.machine)}, in ${Math.round(results.durationSeconds)} s. Load average at start ${results.loadAverage.start.map((n) => n.toFixed(2)).join(' / ')}, at end ${results.loadAverage.end.map((n) => n.toFixed(2)).join(' / ')} (1 / 5 / 15 min): other work on the machine moves absolute figures; the budgets are ratios measured side by side in one run.`,
    '',
    `Budgets: **${count('PASS')} pass, ${count('MISS')} miss, ${count('SKIP')} skipped.** Reproduce with \`npm run bench\`; \`results.json\` beside this file has every figure.`,
    '',
    budgetTable(results.budgets),
    '',
  ];
  if (results.problems.length) {
    parts.push(
      '**Problems during the run:**',
      '',
      ...results.problems.map((p) => `- ${p.section}: ${p.message}`),
      '',
    );
  }
  const busy = (section: string, text: string) => {
    const load = results.sectionLoad[section];
    if (load === undefined) return text;
    const note = `_Load average when this section started: ${load.toFixed(2)} on ${results.machine.cores} cores${load > results.machine.cores ? ' — the machine was busy with other work, so these figures are noisier than usual' : ''}._`;
    return text.replace(/\n\n/, `\n\n${note}\n\n`);
  };
  const overloaded = Object.values(results.sectionLoad).some((l) => l > 2 * results.machine.cores);
  if (overloaded) {
    parts.push(
      `> **The machine was overloaded during this run** (load average above ${2 * results.machine.cores} on ${results.machine.cores} cores in at least one section): other processes competed for the CPU, so latency ratios near a budget and Lighthouse's performance scores (which scale the CPU time they observe) are unreliable. Run again on a quiet machine before acting on a near miss.`,
      '',
    );
  }
  if (results.coldStart) parts.push(busy('cold', coldStartSection(results.coldStart, charts)));
  if (results.warm) parts.push(busy('warm', warmSection(results.warm, charts)));
  if (results.scale) parts.push(busy('scale', scaleSection(results.scale, charts)));
  if (results.pages) parts.push(busy('pages', pagesSection(results.pages, charts)));
  parts.push(
    '## Settings',
    '',
    table(
      ['setting', 'value'],
      Object.entries(results.settings).map(([k, v]) => [k, String(v)]),
    ),
    '',
  );
  for (const [name, svg] of charts) await writeFile(join(dir, name), svg);
  await writeFile(join(dir, 'report.md'), parts.join('\n'));
  await writeFile(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}
