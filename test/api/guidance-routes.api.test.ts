/**
 * The guidance's specific routes through the API and the server-rendered pages: the published
 * version carries them, the checker brings them up, a draft naming a missing indicator is refused by
 * field, a saved draft keeps them, and the changes report them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import type { GuidanceVersion, SpecificRoute } from '../../shared/guidance/schema.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import { createTestApi, type TestApi } from '../support/api.ts';

const ALLEGATION = 'safety-allegation-against-adult-working-with-children';
const FIVE = [
  'allegations-lado',
  'fgm-mandatory-reporting',
  'prevent',
  'private-fostering',
  'operation-encompass',
];

const apiPath = (path: string) => {
  const page = SERVER_RENDERED_PAGES.find((p) => p.path === path);
  if (!page) throw new Error(`${path} is not a server-rendered page`);
  return page.apiPath;
};
/** The text a person reads: tags dropped, the entities these pages use decoded, spaces collapsed. */
const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ');

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

describe('the published guidance', () => {
  it('carries the five specific routes, each with its contact', async () => {
    const current = (await (await api.request('GET', '/api/guidance')).json()) as GuidanceVersion;
    const routes = current.framework.routes ?? [];
    expect(routes.map((r) => r.id)).toEqual(FIVE);
    expect(routes.find((r) => r.id === 'allegations-lado')?.contact).toMatchObject({
      phone: '01632 960410',
      email: 'lado@northshire.example',
    });
  });

  it('the checker answers with the routes the chosen indicators bring up, and none for others', async () => {
    const check = async (indicatorIds: string[]) =>
      (await (await api.request('POST', '/api/guidance/check', { body: { indicatorIds } })).json()) as {
        level: number;
        routes: SpecificRoute[];
      };
    const allegation = await check([ALLEGATION, 'basic-care-often-hungry']);
    expect(allegation.level).toBe(4);
    expect(allegation.routes.map((r) => r.id)).toEqual(['allegations-lado']);
    expect((await check(['basic-care-often-hungry'])).routes).toEqual([]);
  });
});

describe('the pages rendered on the server', () => {
  it('/guidance/?view=routes lists the five, each under its own anchor, with the contact and timescale', async () => {
    const res = await api.request('GET', `${apiPath('/guidance/')}?view=routes`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>Specific routes – Threshold guidance');
    for (const id of FIVE) expect(html).toContain(`id="route-${id}"`);
    const text = visibleText(html);
    expect(text).toContain('Allegations against people who work with children (LADO)');
    expect(text).toContain('Within one working day of the worry coming to light');
    expect(html).toContain('href="tel:01632960410"');
    expect(html).toContain('href="mailto:lado@northshire.example"');
    expect(html).toContain('href="tel:101"');
  });

  it('the guidance’s contents link to the routes, and search finds them', async () => {
    const contents = await (await api.request('GET', apiPath('/guidance/'))).text();
    expect(contents).toContain('href="/guidance/?view=routes"');
    expect(contents).toContain('href="/guidance/?view=routes#route-operation-encompass"');
    for (const [q, id] of [
      ['LADO', 'allegations-lado'],
      ['FGM', 'fgm-mandatory-reporting'],
      ['Prevent', 'prevent'],
      ['private fostering', 'private-fostering'],
      ['Operation Encompass', 'operation-encompass'],
    ] as const) {
      const html = await (
        await api.request('GET', `${apiPath('/guidance/')}?q=${encodeURIComponent(q)}`)
      ).text();
      expect(html, q).toContain(`href="/guidance/?view=routes#route-${id}"`);
    }
  });

  it('the checker’s answer shows the route the allegation brings up, linked to its section', async () => {
    const html = await (
      await api.request('GET', `${apiPath('/check/answer/')}?indicators=${ALLEGATION}`)
    ).text();
    const text = visibleText(html);
    expect(text).toContain('This also needs a specific route');
    expect(text).toContain('Tell the LADO within one working day');
    expect(html).toContain('href="/guidance/?view=routes#route-allegations-lado"');
  });
});

describe('a draft’s routes', () => {
  let draft: GuidanceVersion;

  it('are copied into a new draft and kept when it is saved', async () => {
    draft = (await (
      await api.request('POST', '/api/guidance/versions', { as: 'tom', body: {} })
    ).json()) as GuidanceVersion;
    expect(draft.framework.routes?.map((r) => r.id)).toEqual(FIVE);
    const framework = structuredClone(draft.framework);
    const lado = framework.routes?.[0];
    if (!lado) throw new Error('the draft has routes');
    lado.contact.phone = '01632 960411';
    const saved = await api.request('PUT', `/api/guidance/versions/${draft.version}`, {
      as: 'tom',
      headers: { 'if-match': '"1"' },
      body: { framework },
    });
    expect(saved.status).toBe(200);
    draft = (await saved.json()) as GuidanceVersion;
    expect(draft.framework.routes?.[0]?.contact.phone).toBe('01632 960411');
  });

  it('refuses a route naming an indicator the draft lacks, with 422 naming the field', async () => {
    const framework = structuredClone(draft.framework);
    framework.routes?.[2]?.indicatorIds.push('not-an-indicator');
    const res = await api.request('PUT', `/api/guidance/versions/${draft.version}`, {
      as: 'tom',
      headers: { 'if-match': `"${draft.revision}"` },
      body: { framework },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as Problem).errors).toEqual([
      {
        field: 'framework.routes.2.indicatorIds.2',
        reason: 'Route "prevent" names indicator "not-an-indicator", which is not in this version',
      },
    ]);
    // Nothing was saved.
    const now = (await (
      await api.request('GET', `/api/guidance/versions/${draft.version}`, { as: 'tom' })
    ).json()) as GuidanceVersion;
    expect(now.revision).toBe(draft.revision);
  });

  it('the changes name the route that changed, and what in it', async () => {
    const res = await api.request('GET', `/api/guidance/versions/${draft.version}/changes`, { as: 'tom' });
    expect(res.status).toBe(200);
    const changes = (await res.json()) as {
      routesChanged: { route: { id: string }; parts: string[] }[];
      routesAdded: unknown[];
      routesRemoved: unknown[];
    };
    expect(changes.routesChanged).toEqual([
      { route: expect.objectContaining({ id: 'allegations-lado' }), parts: ['who to contact'] },
    ]);
    expect(changes.routesAdded).toEqual([]);
    expect(changes.routesRemoved).toEqual([]);
  });
});
