import { describe, expect, it } from 'vitest';
import type { CheckerServices } from '../../shared/guidance/checker-services.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import type { ServiceFields, ServiceView } from '../../shared/services/schema.ts';
import { clockedTestApi } from '../support/api.ts';
import { serviceFields } from '../support/security-services.ts';

/**
 * The checker's answer at levels 1 and 2 names the published services that meet the chosen
 * indicators' needs at that level, nearest first when the family's district is given; levels 3
 * and 4 name none. The API and the server-rendered answer page agree.
 */
const { api } = clockedTestApi('2026-03-02T10:00:00Z');

// ruth edits the directory for the partnership.
const EDITOR = 'ruth';
const HUNGRY = 'basic-care-often-hungry'; // level 2, basic care
const NEGLECT = 'basic-care-persistent-neglect'; // level 3, basic care

async function service(overrides: Partial<ServiceFields>, publish = true): Promise<ServiceView> {
  const body = { ...serviceFields('partnership'), ...overrides };
  const made = await api.request('POST', '/api/services', { as: EDITOR, body });
  expect(made.status, await made.clone().text()).toBe(201);
  const view = (await made.json()) as ServiceView;
  if (!publish) return view;
  const res = await api.request('POST', `/api/services/${view.id}/publish`, {
    as: EDITOR,
    headers: { 'if-match': `"${view.version}"` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ServiceView;
}

async function check(
  body: Record<string, unknown>,
): Promise<{ level: number | null; services: CheckerServices | null }> {
  const res = await api.request('POST', '/api/guidance/check', { body });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { level: number | null; services: CheckerServices | null };
}

const listed = (services: CheckerServices | null) => {
  expect(services?.state).toBe('listed');
  return services?.state === 'listed' ? services.items : [];
};

describe("the checker's answer names services", () => {
  it('lists, at level 2, the published services meeting the need at that level, saying why each matches', async () => {
    const pantry = await service({
      name: 'Northshire Community Pantry',
      needs: ['basic-care'],
      levels: [1, 2],
    });
    await service({ name: 'Pantry draft not yet published', needs: ['basic-care'], levels: [2] }, false);
    await service({ name: 'Intensive family support', needs: ['basic-care'], levels: [3] });
    await service({ name: 'Debt advice line', needs: ['housing-income'], levels: [2] });

    const answer = await check({ indicatorIds: [HUNGRY] });
    expect(answer.level).toBe(2);
    const items = listed(answer.services);
    expect(items.map((s) => s.name)).toEqual(['Northshire Community Pantry']);
    expect(items[0]).toMatchObject({
      id: pantry.id,
      provider: 'Northshire Libraries',
      access: ['Families can contact it themselves'],
      illustrative: false,
    });
    expect(items[0]?.reasons.join(' ')).toMatch(/Basic care/i);
    expect(items[0]?.reasons.join(' ')).toMatch(/level 2/i);
    expect(answer.services?.findMoreHref).toBe('/services/?need=basic-care&level=2');
  });

  it('puts the nearest first when the family’s district is given, with how far each is', async () => {
    await service({
      name: 'Saltmarsh Food Club',
      needs: ['emotional-warmth'],
      levels: [2],
      area: { wholeCounty: true, districts: [] },
      baseDistrict: 'NS11',
    });
    await service({
      name: 'Harbourside Food Club',
      needs: ['emotional-warmth'],
      levels: [2],
      area: { wholeCounty: true, districts: [] },
      baseDistrict: 'NS6',
    });
    const indicator = await indicatorAt('emotional-warmth', 2);

    const anywhere = listed((await check({ indicatorIds: [indicator] })).services);
    expect(anywhere.map((s) => s.name)).toEqual(['Harbourside Food Club', 'Saltmarsh Food Club']);
    expect(anywhere[0]?.distance).toBeUndefined();

    const near = await check({ indicatorIds: [indicator], district: 'NS11' });
    const items = listed(near.services);
    expect(items.map((s) => s.name)).toEqual(['Saltmarsh Food Club', 'Harbourside Food Club']);
    expect(items[0]?.distance).toEqual({ km: 0, from: 'NS11 Saltmarsh' });
    expect(items[1]?.distance?.km).toBeGreaterThan(0);
    expect(near.services?.district).toBe('NS11');
    expect(near.services?.findMoreHref).toContain('district=NS11');
  });

  it('says so when no service meets the need, and names none at level 3', async () => {
    const none = await check({ indicatorIds: [await indicatorAt('pre-birth', 2)] });
    expect(none.services).toMatchObject({ state: 'listed', items: [] });

    const higher = await check({ indicatorIds: [NEGLECT] });
    expect(higher.level).toBe(3);
    expect(higher.services).toBeNull();
  });

  it('refuses a district that is not the county’s, naming the field', async () => {
    const res = await api.request('POST', '/api/guidance/check', {
      body: { indicatorIds: [HUNGRY], district: 'SW1' },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.errors?.map((e) => e.field)).toContain('district');
  });

  it('shows the same services on the answer page, which works without JavaScript', async () => {
    await service({
      name: 'Oldcastle Breakfast Club',
      needs: ['basic-care'],
      levels: [2],
      baseDistrict: 'NS10',
    });
    await service({ name: 'Highfold Food Bank', needs: ['basic-care'], levels: [2], baseDistrict: 'NS12' });
    const res = await api.request(
      'GET',
      `/api/guidance/pages/check-answer?indicators=${HUNGRY}&district=NS10`,
    );
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Local services that can help');
    expect(page).toContain('Oldcastle Breakfast Club');
    expect(page).toContain('Highfold Food Bank');
    // Nearest first: the club is in the family's district.
    expect(page.indexOf('Oldcastle Breakfast Club')).toBeLessThan(page.indexOf('Highfold Food Bank'));
    // The form to choose a district keeps the chosen indicators.
    expect(page).toMatch(new RegExp(`name="indicators" value="${HUNGRY}"`));
    expect(page).toMatch(/<option value="NS10" selected/);
  });
});

/** An indicator of the current guidance at a level under a sub-domain. */
async function indicatorAt(subDomainId: string, level: number): Promise<string> {
  const res = await api.request('GET', '/api/guidance');
  const guidance = (await res.json()) as {
    framework: { indicators: { id: string; subDomainId: string; level: number }[] };
  };
  const found = guidance.framework.indicators.find((i) => i.subDomainId === subDomainId && i.level === level);
  if (!found) throw new Error(`No level ${level} indicator under ${subDomainId}`);
  return found.id;
}
