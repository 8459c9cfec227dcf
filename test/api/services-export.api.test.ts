import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/platform/problem.ts';
import type { ServiceFields, ServiceView } from '../../shared/services/schema.ts';
import { clockedTestApi } from '../support/api.ts';

/**
 * The directory for other systems: Open Referral UK JSON (validated against the standard's own
 * schema, test/fixtures/open-referral-uk) and CSV. Both public, both published entries only.
 */
const { api } = clockedTestApi('2026-05-11T09:00:00Z');

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validService = ajv.compile(
  JSON.parse(readFileSync(new URL('../fixtures/open-referral-uk/service.json', import.meta.url), 'utf8')),
);

interface OpenReferralPage {
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Record<string, unknown>[];
  next_cursor: string | null;
}

const word = `zq${Math.random().toString(36).slice(2, 8)}`;
const fields = (name: string, overrides: Partial<ServiceFields> = {}): ServiceFields => ({
  name: `${name} ${word}`,
  provider: { name: 'Harbour Family Support', agencyId: 'harbour-family-support' },
  summary: 'Groups and one-to-one help for parents of children who find school hard.',
  needs: ['family-functioning'],
  levels: [1, 2],
  ages: { from: 5, to: 11 },
  area: { wholeCounty: false, districts: ['NS6', 'NS2'] },
  baseDistrict: 'NS6',
  cost: { free: true },
  access: ['self-referral'],
  contact: { howToRefer: 'Ring and ask for the parenting team.', phone: '01632 960 321' },
  openingTimes: 'Tuesdays and Thursdays, 10am to 2pm',
  languages: ['English', 'Polish'],
  ...overrides,
});

async function made(body: ServiceFields, publish: boolean): Promise<ServiceView> {
  const res = await api.request('POST', '/api/services', { as: 'ruth', body });
  expect(res.status, await res.clone().text()).toBe(201);
  const draft = (await res.json()) as ServiceView;
  if (!publish) return draft;
  return change(draft, 'publish');
}
async function change(service: ServiceView, step: 'publish' | 'unpublish'): Promise<ServiceView> {
  const res = await api.request('POST', `/api/services/${service.id}/${step}`, {
    as: 'ruth',
    headers: { 'if-match': `"${service.version}"` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ServiceView;
}

/** Every page of the export, a few at a time, as a consumer would page through it. */
async function wholeExport(perPage: number): Promise<OpenReferralPage[]> {
  const pages: OpenReferralPage[] = [];
  let cursor: string | null = null;
  do {
    const query = `per_page=${perPage}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await api.request('GET', `/api/services/export/open-referral?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    const page = (await res.json()) as OpenReferralPage;
    pages.push(page);
    cursor = page.next_cursor;
  } while (cursor && pages.length < 100);
  return pages;
}
const ours = (pages: OpenReferralPage[]) =>
  pages.flatMap((p) => p.contents).filter((s) => String(s.name).endsWith(word));

async function csvRows(): Promise<string[]> {
  const res = await api.request('GET', '/api/services/export/services.csv');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(res.headers.get('content-disposition')).toContain('services-directory-2026-05-11.csv');
  return (await res.text()).split('\r\n');
}

describe('the Open Referral UK export', () => {
  it('pages through every published service, each valid against the standard, and no draft', async () => {
    const parenting = await made(
      fields('Parenting together', {
        cost: { free: false, details: '£2 a session, free with a referral' },
        contact: {
          howToRefer: 'Ring and ask for the parenting team.',
          phone: '01632 960 321',
          email: 'parenting@example.org',
          website: 'https://example.org/northshire/parenting',
        },
        accessibility: 'Step-free access and a hearing loop.',
      }),
      true,
    );
    await made(fields('Saltmarsh youth club', { area: { wholeCounty: true, districts: [] } }), true);
    await made(fields('Not yet ready'), false);

    const pages = await wholeExport(2);
    expect(pages[0]?.first_page).toBe(true);
    expect(pages.at(-1)?.last_page).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.size === 2 && !p.last_page)).toBe(true);
    for (const service of pages.flatMap((p) => p.contents)) {
      expect(validService(service), JSON.stringify(validService.errors)).toBe(true);
    }

    const exported = ours(pages);
    expect(exported.map((s) => s.name).sort()).toEqual([
      `Parenting together ${word}`,
      `Saltmarsh youth club ${word}`,
    ]);
    const first = exported.find((s) => String(s.name).startsWith('Parenting')) as Record<string, unknown>;
    expect(first).toMatchObject({
      status: 'active',
      description: parenting.fields.summary,
      email: 'parenting@example.org',
      url: 'https://example.org/northshire/parenting',
      minimum_age: 5,
      maximum_age: 11,
      assured_date: '2026-05-11',
      organization: { name: 'Harbour Family Support' },
      cost_options: [{ option: 'Charge', amount_description: '£2 a session, free with a referral' }],
      service_areas: [{ service_area: 'NS6' }, { service_area: 'NS2' }],
      languages: [{ name: 'English' }, { name: 'Polish' }],
      schedules: [{ description: 'Tuesdays and Thursdays, 10am to 2pm' }],
    });
    const terms = (first.attributes as { taxonomy_term: { name: string; term: string } }[]).map(
      (a) => a.taxonomy_term.term,
    );
    expect(terms).toEqual(['family-functioning', '1', '2', 'self-referral']);
  });

  it('gives an entry the same id every time, and takes it out when it is unpublished', async () => {
    const club = await made(fields('Homework club'), true);
    const idOf = async () =>
      ours(await wholeExport(50)).find((s) => String(s.name).startsWith('Homework'))?.id;
    const id = await idOf();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await idOf()).toBe(id);
    await change(club, 'unpublish');
    expect(await idOf()).toBeUndefined();
  });

  it('refuses a page size over 200, naming per_page', async () => {
    const res = await api.request('GET', '/api/services/export/open-referral?per_page=500');
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.errors?.map((e) => e.field)).toEqual(['per_page']);
  });
});

describe('the CSV export', () => {
  it('has a row for each published service, in words, and none for a draft or an unpublished one', async () => {
    await made(
      fields('Dads and bumps', { levels: [1], access: ['self-referral', 'professional-referral'] }),
      true,
    );
    await made(fields('Draft dads group'), false);
    const gone = await made(fields('Closed toddler group'), true);
    await change(gone, 'unpublish');

    const rows = await csvRows();
    expect(rows[0]?.replace('\uFEFF', '')).toMatch(
      /^Name,Provider,What it offers,Needs it meets,Levels,Ages,Area/,
    );
    const mine = rows.filter((r) => r.includes(word));
    const dads = mine.find((r) => r.startsWith(`Dads and bumps ${word}`));
    expect(dads).toContain('Level 1');
    expect(dads).toContain('5 to 11');
    expect(dads).toContain('NS6; NS2');
    expect(dads).toContain('Families can contact it themselves; A professional refers the family');
    expect(dads).toContain('01632 960 321');
    expect(mine.some((r) => r.startsWith(`Draft dads group ${word}`))).toBe(false);
    expect(mine.some((r) => r.startsWith(`Closed toddler group ${word}`))).toBe(false);
  });
});
