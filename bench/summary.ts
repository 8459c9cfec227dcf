import type { BudgetCheck } from './budgets.ts';
import { unicodeBar } from './lib/svg.ts';
import type { BenchResults } from './results.ts';

/** The budgets printed at the end of a run, section by section, then what could not be measured. */
export function printSummary(budgets: BudgetCheck[], problems: BenchResults['problems']): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out();
  out('Budgets');
  let section = '';
  for (const b of budgets) {
    if (b.section !== section) {
      section = b.section;
      out(`  ${section}`);
    }
    out(
      `    ${b.status.padEnd(4)}  ${b.subject.padEnd(44)} ${b.measured}${b.limit ? `  (budget ${b.limit})` : ''}`,
    );
  }
  const pass = budgets.filter((b) => b.status === 'PASS').length;
  const miss = budgets.filter((b) => b.status === 'MISS').length;
  const skip = budgets.filter((b) => b.status === 'SKIP').length;
  out();
  out(`  ${pass} pass ${unicodeBar(pass, budgets.length, 30)}`);
  out(`  ${miss} miss ${unicodeBar(miss, budgets.length, 30)}`);
  out(`  ${skip} skipped`);
  if (problems.length) {
    out();
    out('Could not measure:');
    for (const p of problems) out(`  ${p.section}: ${p.message}`);
  }
  out();
}
