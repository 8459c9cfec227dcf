import { BUDGETS } from '../budgets.ts';
import { fmtMs, fmtRatio } from '../lib/format.ts';
import { barChart } from '../lib/svg.ts';
import { SCENARIO_LABELS, type WarmResult } from '../warm.ts';
import { table } from './markdown.ts';

/** Section 2 of the report; adds its chart to `charts`. */
export function warmSection(w: WarmResult, charts: Map<string, string>): string {
  charts.set(
    'warm-p50.svg',
    barChart({
      title: 'Warm p50 latency: through the app vs the same DynamoDB calls direct',
      unit: 'ms',
      legend: ['app (local runtime)', 'direct store calls'],
      bars: w.rows.map((r) => ({
        label: `${r.scenario} ×${r.connections}`,
        value: r.app.latency.p50,
        compare: r.direct.latency.p50,
        highlight: r.app.latency.p50 > r.direct.latency.p50 * BUDGETS.warmP50Ratio,
      })),
    }),
  );
  const out = [
    '## 2. Warm overhead',
    '',
    `Against a store holding the demo data. Each run ${w.seconds} s after a ${w.warmupSeconds} s warm-up, in two rounds alternating app and direct, closed loop, from a separate load-generator process (autocannon for HTTP; the app's own store code for the direct baseline, through the same document-client settings). The app path is HTTP → the local runtime → the area's Hono app (token check, validation, JSON) → DynamoDB Local; the direct path is only the DynamoDB calls. With one client the same app is also called in-process (\`app.request()\` in the bench's own process, no HTTP hop), which splits the overhead into the app's own code and the HTTP hop. Latency counts successful responses only.`,
    '',
    'DynamoDB calls per operation, recorded on the clients:',
    '',
    table(
      ['operation', 'the app sends', 'the direct baseline sends'],
      (Object.keys(w.commands) as (keyof typeof w.commands)[]).map((k) => [
        SCENARIO_LABELS[k],
        w.commands[k].app.join(' + '),
        `${w.commands[k].direct.join(' + ')}${w.commands[k].app.join() === w.commands[k].direct.join() ? '' : ' ⚠ differs: the baseline is not the same calls'}`,
      ]),
    ),
    '',
    table(
      [
        'operation',
        'clients',
        'app req/s',
        'app p50',
        'app p99',
        'direct ops/s',
        'direct p50',
        'direct p99',
        'p50 ratio',
        'budget',
        'in-process app p50 (no HTTP)',
      ],
      w.rows.map((r) => {
        const ratio = r.app.latency.p50 / r.direct.latency.p50;
        const errors = r.app.errors + r.app.non2xx + r.direct.errors;
        return [
          r.scenario,
          r.connections,
          r.app.perSecond.toFixed(0),
          fmtMs(r.app.latency.p50),
          fmtMs(r.app.latency.p99),
          r.direct.perSecond.toFixed(0),
          fmtMs(r.direct.latency.p50),
          fmtMs(r.direct.latency.p99),
          fmtRatio(ratio),
          `${ratio <= BUDGETS.warmP50Ratio ? 'PASS' : 'MISS'}${errors ? ` (${errors} errors)` : ''}`,
          r.inProcess
            ? `${fmtMs(r.inProcess.latency.p50)} (${fmtRatio(r.inProcess.latency.p50 / r.direct.latency.p50)})`
            : '',
        ];
      }),
    ),
    '',
    '![Warm p50](warm-p50.svg)',
    '',
  ];
  return out.join('\n');
}
