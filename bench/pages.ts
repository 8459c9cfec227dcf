import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { chromium, type Response } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import type { LocalPortal } from '../infra/local/portal.ts';
import { CHROMIUM_ARGS as BROWSER_TEST_ARGS } from '../test/support/browser.ts';
import { fmtKb } from './lib/format.ts';
import { say } from './lib/progress.ts';
import { demoUser } from './warm.ts';

/**
 * Pages: what each page costs a first visit (every response the browser asked for, gzip-sized), and
 * Lighthouse's performance and accessibility scores, in Debian's Chromium. Signed-in pages get a
 * demo user's token in sessionStorage (`portal.session`) before any script of the page runs.
 */
export const CHROMIUM = '/usr/bin/chromium';
// The browser tests' flags, without --headless: the page runs set the browser's mode themselves.
const CHROMIUM_ARGS = BROWSER_TEST_ARGS.filter((flag) => flag !== '--headless');
const SESSION_KEY = 'portal.session';

export interface PageTarget {
  id: string;
  label: string;
  path: string;
  /** Signed in as this demo user; public when absent. */
  username?: string;
}

export const PAGE_TARGETS: PageTarget[] = [
  { id: 'guidance', label: 'Threshold guidance', path: '/guidance/' },
  { id: 'referral-form', label: 'Referral form', path: '/referrals/new/', username: 'amira' },
  { id: 'queue', label: "Front door's queue", path: '/referrals/queue/', username: 'grace' },
  { id: 'dashboard', label: 'Dashboard', path: '/dashboard/', username: 'helen' },
  { id: 'services', label: 'Find a service', path: '/services/?need=basic-care&district=NS5' },
];

export type ResourceKind = 'html' | 'css' | 'js' | 'font' | 'image' | 'api' | 'other';

export interface PageResource {
  url: string;
  kind: ResourceKind;
  status: number;
  rawBytes: number;
  gzipBytes: number;
  /** What crossed the wire from the local runtime (it compresses static files itself). */
  transferBytes: number;
}

export interface PageWeight {
  heading: string | null;
  consoleErrors: string[];
  resources: PageResource[];
  /** gzip bytes by kind. */
  byKind: Record<ResourceKind, number>;
  /** Everything but API data: HTML, CSS, JS, fonts, images. */
  staticGzipBytes: number;
  apiGzipBytes: number;
}

export interface LighthouseScores {
  /** The median run's performance score. */
  performance: number;
  /** Every run's, in run order. */
  performanceRuns: number[];
  accessibility: number;
  metrics: Record<string, number>;
  /** Each metric's own score (0–1): what costs the performance score. */
  metricScores: Record<string, number>;
  /** Scripts by main-thread time (Lighthouse's bootup-time audit): what drives total blocking time. */
  scripts: { url: string; scriptingMs: number; totalMs: number }[];
  /** Elements that moved (Lighthouse's layout-shifts audit): what drives cumulative layout shift. */
  layoutShifts: { element: string; score: number }[];
  /** Accessibility audits that did not pass. */
  failedAccessibilityAudits: { id: string; title: string }[];
  report: string;
}

export interface PageResult {
  target: PageTarget;
  status: number;
  /** Why a page was not measured (e.g. not built yet). */
  skipped?: string;
  weight?: PageWeight;
  lighthouse?: LighthouseScores;
  lighthouseError?: string;
}

function kindOf(resourceType: string, url: string): ResourceKind {
  switch (resourceType) {
    case 'document':
      return 'html';
    case 'stylesheet':
      return 'css';
    case 'script':
      return 'js';
    case 'font':
      return 'font';
    case 'image':
      return 'image';
    case 'fetch':
    case 'xhr':
      return new URL(url).pathname.startsWith('/api/') || new URL(url).pathname.startsWith('/auth/')
        ? 'api'
        : 'other';
    default:
      return /\.(svg|png|ico)$/.test(url) ? 'image' : 'other';
  }
}

async function sessionFor(portal: LocalPortal, username: string): Promise<string> {
  const token = await portal.issuer.sign(demoUser(username));
  return JSON.stringify({ token, expiresAt: Date.now() + 60 * 60 * 1000 });
}

async function collect(response: Response): Promise<PageResource> {
  const request = response.request();
  let body: Buffer | null = null;
  try {
    body = await response.body();
  } catch {
    // Redirects and aborted responses have no body.
  }
  const sizes = await request.sizes().catch(() => null);
  return {
    url: response.url(),
    kind: kindOf(request.resourceType(), response.url()),
    status: response.status(),
    rawBytes: body?.length ?? 0,
    gzipBytes: body ? Math.min(body.length, gzipSync(body, { level: 9 }).length) : 0,
    transferBytes: sizes?.responseBodySize ?? 0,
  };
}

async function measureWeights(portal: LocalPortal, targets: PageTarget[]): Promise<Map<string, PageWeight>> {
  const weights = new Map<string, PageWeight>();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', ...CHROMIUM_ARGS] });
  try {
    for (const target of targets) {
      // A fresh context is a first visit: empty cache, empty storage.
      const context = await browser.newContext();
      if (target.username) {
        await context.addInitScript(
          ({ key, value }) => {
            try {
              sessionStorage.setItem(key, value);
            } catch {
              // about:blank has no storage.
            }
          },
          { key: SESSION_KEY, value: await sessionFor(portal, target.username) },
        );
      }
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text().slice(0, 200)));
      page.on('pageerror', (e) => consoleErrors.push(e.message.slice(0, 200)));
      const pending: Promise<PageResource>[] = [];
      page.on('response', (r) => pending.push(collect(r)));
      await page.goto(`${portal.url}${target.path}`, { waitUntil: 'networkidle', timeout: 30_000 });
      await page.waitForTimeout(300);
      const heading = await page
        .locator('h1')
        .first()
        .textContent({ timeout: 2000 })
        .catch(() => null);
      const resources = await Promise.all(pending);
      await context.close();
      const byKind: PageWeight['byKind'] = { html: 0, css: 0, js: 0, font: 0, image: 0, api: 0, other: 0 };
      for (const r of resources) byKind[r.kind] += r.gzipBytes;
      const apiGzipBytes = byKind.api;
      const staticGzipBytes = Object.values(byKind).reduce((a, b) => a + b, 0) - apiGzipBytes;
      weights.set(target.id, {
        heading: heading?.trim() ?? null,
        consoleErrors,
        resources,
        byKind,
        staticGzipBytes,
        apiGzipBytes,
      });
      say(
        `  ${target.label.padEnd(20)} ${fmtKb(staticGzipBytes).padStart(9)} gzip static (+${fmtKb(apiGzipBytes)} API data), ${resources.length} responses; h1: ${heading?.trim() ?? '—'}`,
      );
    }
  } finally {
    await browser.close();
  }
  return weights;
}

type Browser = Awaited<ReturnType<typeof puppeteer.launch>>;

async function lighthouseOnce(
  browser: Browser,
  portal: LocalPortal,
  target: PageTarget,
  reportFile: string,
): Promise<LighthouseScores> {
  const tab = await browser.newPage();
  try {
    if (target.username) {
      // Runs before the page's own scripts on every document this tab loads.
      await tab.evaluateOnNewDocument(
        (key: string, value: string, portalOrigin: string) => {
          if (location.origin === portalOrigin) sessionStorage.setItem(key, value);
        },
        SESSION_KEY,
        await sessionFor(portal, target.username),
        new URL(portal.url).origin,
      );
    }
    const result = await lighthouse(
      `${portal.url}${target.path}`,
      {
        logLevel: 'error',
        output: 'html',
        onlyCategories: ['performance', 'accessibility'],
        // Keep the session set above; a first visit's cache is still empty in a new tab.
        disableStorageReset: true,
      },
      undefined,
      tab,
    );
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const accessibility = lhr.categories.accessibility;
    const failed = (accessibility?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a): a is NonNullable<typeof a> => Boolean(a && a.score !== null && a.score < 1))
      .map((a) => ({ id: a.id, title: a.title }));
    await writeFile(reportFile, Array.isArray(result.report) ? result.report.join('\n') : result.report);
    const performance = Math.round((lhr.categories.performance?.score ?? 0) * 100);
    const itemsOf = (id: string) =>
      ((lhr.audits[id]?.details as { items?: unknown[] } | undefined)?.items ?? []) as Record<
        string,
        unknown
      >[];
    const scripts = itemsOf('bootup-time')
      .map((i) => ({
        url: String(i.url ?? ''),
        scriptingMs: Number(i.scripting ?? 0),
        totalMs: Number(i.total ?? 0),
      }))
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, 4);
    const layoutShifts = itemsOf('layout-shifts')
      .map((i) => {
        const node = (i.node ?? {}) as { selector?: string; nodeLabel?: string };
        return {
          element: `${node.selector ?? '?'}${node.nodeLabel ? ` (“${node.nodeLabel.replace(/\s+/g, ' ').slice(0, 40)}”)` : ''}`,
          score: Number(i.score ?? 0),
        };
      })
      .slice(0, 3);
    return {
      performance,
      performanceRuns: [performance],
      accessibility: Math.round((accessibility?.score ?? 0) * 100),
      metrics: {
        firstContentfulPaintMs: metric('first-contentful-paint'),
        largestContentfulPaintMs: metric('largest-contentful-paint'),
        totalBlockingTimeMs: metric('total-blocking-time'),
        cumulativeLayoutShift: metric('cumulative-layout-shift'),
        speedIndexMs: metric('speed-index'),
      },
      metricScores: Object.fromEntries(
        [
          'first-contentful-paint',
          'largest-contentful-paint',
          'total-blocking-time',
          'cumulative-layout-shift',
          'speed-index',
        ].map((id) => [id, lhr.audits[id]?.score ?? Number.NaN]),
      ),
      scripts,
      layoutShifts,
      failedAccessibilityAudits: failed,
      report: reportFile,
    };
  } finally {
    await tab.close().catch(() => {});
  }
}

/**
 * Lighthouse `runs` times a page (round-robin over the pages, so a burst of other work on the
 * machine does not land on one page), keeping the median run by performance score, as Lighthouse's
 * own guidance on variability advises.
 */
async function measureLighthouse(
  portal: LocalPortal,
  targets: PageTarget[],
  reportDir: string,
  runs: number,
): Promise<Map<string, LighthouseScores | Error>> {
  await rm(reportDir, { recursive: true, force: true });
  await mkdir(reportDir, { recursive: true });
  const all = new Map<string, LighthouseScores[]>(targets.map((t) => [t.id, []]));
  const errors = new Map<string, Error>();
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    for (let run = 1; run <= runs; run++) {
      for (const target of targets) {
        try {
          const file = join(reportDir, `${target.id}-${run}.html`);
          // Lighthouse now and then fails to record a trace (NO_NAVSTART): one more try.
          const s = await lighthouseOnce(browser, portal, target, file).catch(() =>
            lighthouseOnce(browser, portal, target, file),
          );
          all.get(target.id)?.push(s);
          say(
            `  ${target.label.padEnd(20)} run ${run}/${runs}: performance ${s.performance}, accessibility ${s.accessibility}` +
              (s.failedAccessibilityAudits.length
                ? ` (fails: ${s.failedAccessibilityAudits.map((f) => f.id).join(', ')})`
                : ''),
          );
        } catch (error) {
          const e = error instanceof Error ? error : new Error(String(error));
          errors.set(target.id, e);
          say(
            `  ${target.label.padEnd(20)} run ${run}/${runs}: Lighthouse failed: ${e.message.split('\n')[0]}`,
          );
        }
      }
    }
  } finally {
    await browser.close();
  }
  const scores = new Map<string, LighthouseScores | Error>();
  for (const target of targets) {
    const list = [...(all.get(target.id) ?? [])].sort((a, b) => a.performance - b.performance);
    const middle = list[Math.floor((list.length - 1) / 2)];
    if (!middle) {
      scores.set(target.id, errors.get(target.id) ?? new Error('Lighthouse did not run'));
      continue;
    }
    scores.set(target.id, {
      ...middle,
      performanceRuns: (all.get(target.id) ?? []).map((s) => s.performance),
      // The worst accessibility score of any run: a failing audit is a failing audit.
      accessibility: Math.min(...list.map((s) => s.accessibility)),
    });
  }
  return scores;
}

export async function measurePages(options: {
  portal: LocalPortal;
  reportDir: string;
  lighthouse: boolean;
  lighthouseRuns: number;
}): Promise<PageResult[]> {
  const { portal } = options;
  const results: PageResult[] = [];
  for (const target of PAGE_TARGETS) {
    const res = await fetch(`${portal.url}${target.path}`, { redirect: 'follow' });
    await res.arrayBuffer();
    results.push(
      res.status === 200
        ? { target, status: res.status }
        : {
            target,
            status: res.status,
            skipped: res.status === 404 ? 'not built yet (404)' : `answered ${res.status}`,
          },
    );
  }
  for (const r of results.filter((x) => x.skipped))
    say(`  ${r.target.label.padEnd(20)} ${r.skipped}: skipped`);
  const present = results.filter((r) => !r.skipped).map((r) => r.target);
  if (present.length === 0) return results;

  say('Pages: first-visit weight in Chromium (playwright-core)…');
  const weights = await measureWeights(portal, present);
  let scores = new Map<string, LighthouseScores | Error>();
  if (options.lighthouse) {
    say(
      `Pages: Lighthouse 12 (mobile preset, simulated throttling) in Chromium, ${options.lighthouseRuns}× each page (median kept), ~15–20 s a run…`,
    );
    scores = await measureLighthouse(portal, present, options.reportDir, options.lighthouseRuns);
  }
  for (const r of results) {
    const weight = weights.get(r.target.id);
    if (weight) r.weight = weight;
    const score = scores.get(r.target.id);
    if (score instanceof Error) r.lighthouseError = score.message;
    else if (score) r.lighthouse = score;
  }
  return results;
}
