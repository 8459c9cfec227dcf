/**
 * The public pages the guidance function renders on the server (/guidance/, /check/, /check/answer/),
 * read through the guidance app from the real store: what a person without JavaScript gets.
 */
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuidanceApp } from '../../functions/guidance/app.ts';
import { createDynamoGuidanceStore } from '../../functions/guidance/store.ts';
import { createDirectoryAccessCheck } from '../../functions/platform/access.ts';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import { createDocumentClient } from '../../functions/platform/dynamo.ts';
import { Unauthorized } from '../../functions/platform/errors.ts';
import { createLogger } from '../../functions/platform/logger.ts';
import { createCursorCodec } from '../../functions/platform/pagination.ts';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import { checkIndicators, searchIndicators } from '../../shared/guidance/check.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { STUB_ASSETS } from '../support/stub-site.ts';

const HIT = 'safety-disclosed-hit-with-injury';
const apiPath = (path: string) => {
  const page = SERVER_RENDERED_PAGES.find((p) => p.path === path);
  if (!page) throw new Error(`${path} is not a server-rendered page`);
  return page.apiPath;
};

/** The text a person reads: tags dropped, entities decoded, spaces collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replace(/\s+/g, ' ');
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

describe('GET /guidance/ rendered on the server', () => {
  it('is a whole GOV.UK page with every level and its response, linking the built assets', async () => {
    const res = await api.request('GET', apiPath('/guidance/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    for (const href of STUB_ASSETS.stylesheets) expect(html).toContain(`href="${href}"`);
    expect(html).toContain(`src="${STUB_ASSETS.modules['guidance/pages/guidance']}"`);
    const text = visibleText(html);
    expect(text).toContain(illustrativeFramework.title);
    for (const level of illustrativeFramework.levels) {
      expect(text).toContain(level.name);
      expect(text).toContain(level.response.doNow.replace(/\s+/g, ' '));
    }
    // The editor's link is there for the script to reveal, hidden from everyone else.
    expect(html).toMatch(/<li data-app-roles="guidance-editor"[^>]*hidden/);
  });

  it('is read with one GetItem, cached publicly, and revalidated by its ETag', async () => {
    api.storeCalls.length = 0;
    const first = await api.request('GET', apiPath('/guidance/'));
    expect(api.storeCalls).toEqual([
      { command: 'GetItemCommand', table: api.store.tables.guidance, index: undefined },
    ]);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    const again = await api.request('GET', apiPath('/guidance/'), {
      headers: { 'if-none-match': tag ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('searches with the words marked, and shows one level alone to print', async () => {
    const found = searchIndicators(illustrativeFramework, 'attendance');
    const search = await (await api.request('GET', `${apiPath('/guidance/')}?q=attendance`)).text();
    expect(visibleText(search)).toContain(`${found.length} indicators match “attendance”`);
    expect(search).toMatch(/<mark[^>]*>attendance<\/mark>/i);
    expect(search).toContain('<title>Search: attendance – Threshold guidance');

    const level = await (await api.request('GET', `${apiPath('/guidance/')}?level=3&print=1`)).text();
    const three = illustrativeFramework.levels.find((l) => l.level === 3);
    expect(visibleText(level)).toContain(three?.name);
    expect(visibleText(level)).not.toContain(illustrativeFramework.levels.find((l) => l.level === 1)?.name);
    // Printing needs a script: the button is marked to show only where one runs.
    expect(level).toMatch(/class="[^"]*app-js-only[^"]*" data-module="govuk-button" data-app-print/);
  });

  it('escapes what it is asked to search for', async () => {
    const html = await (
      await api.request(
        'GET',
        `${apiPath('/guidance/')}?q=${encodeURIComponent('<script>alert(1)</script>')}`,
      )
    ).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the checker rendered on the server', () => {
  it('step 1 lists the search results as checkboxes in a form that works without a script', async () => {
    const found = searchIndicators(illustrativeFramework, 'attendance');
    const html = await (await api.request('GET', `${apiPath('/check/')}?q=attendance`)).text();
    expect(html).toContain(`src="${STUB_ASSETS.modules['guidance/pages/check']}"`);
    for (const indicator of found) {
      expect(html).toMatch(new RegExp(`name="indicators" type="checkbox" value="${indicator.id}"`));
    }
    // Without a script the ticks go to the answer directly, or back to step 1 to search again.
    expect(html).toMatch(/<button[^>]*formaction="\/check\/answer\/"[^>]*>\s*See the suggested level/);
    expect(html).toContain('Keep these choices and search again');
    // The guidance the page's script searches in place, embedded as data that cannot close its element.
    const data = /<script type="application\/json" id="app-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(data ?? 'null')).toMatchObject({ version: 1 });
  });

  it('step 1 keeps the indicators already chosen, from a comma list or repeated fields', async () => {
    const [a, b] = searchIndicators(illustrativeFramework, 'attendance');
    const html = await (
      await api.request('GET', `${apiPath('/check/')}?indicators=${a?.id}&indicators=${b?.id}`)
    ).text();
    expect(visibleText(html)).toContain('Your chosen indicators (2)');
    expect(visibleText(html)).toContain(a?.text);
    expect(visibleText(html)).toContain(b?.text);
  });

  it('step 2 gives the level, why, and what to do now, by the same rule as the API', async () => {
    const [a, b] = searchIndicators(illustrativeFramework, 'attendance');
    const ids = [a?.id ?? '', b?.id ?? ''];
    const expected = checkIndicators(illustrativeFramework, ids);
    if (expected.level === null) throw new Error('the seed should give a level');
    const res = await api.request('GET', `${apiPath('/check/answer/')}?indicators=${ids.join(',')}`);
    expect(res.status).toBe(200);
    const text = visibleText(await res.text());
    expect(text).toContain(`Suggested level: Level ${expected.level}`);
    expect(text).toContain(expected.record.response.doNow.replace(/\s+/g, ' '));
    expect(text).toContain('This answer uses version 1 of the threshold guidance');
  });

  it('step 2 puts the 999 interruption first when an indicator means immediate danger', async () => {
    const html = await (await api.request('GET', `${apiPath('/check/answer/')}?indicators=${HIT}`)).text();
    const main = html.slice(html.indexOf('<main'));
    expect(main.indexOf('id="immediate-danger"')).toBeGreaterThan(-1);
    expect(main.indexOf('id="immediate-danger"')).toBeLessThan(main.indexOf('id="answer-level"'));
    expect(html).toContain('<title>Call 999 if a child is in immediate danger – Check a level of need');
  });

  it('step 2 says which indicators an old link names that the guidance no longer has', async () => {
    const html = await (
      await api.request('GET', `${apiPath('/check/answer/')}?indicators=${HIT},no-longer-here`)
    ).text();
    const text = visibleText(html);
    expect(text).toContain('Some indicators are not in the current guidance');
    expect(text).toContain('no-longer-here');
    expect(html).toContain(`href="/check/?indicators=${HIT}"`);
  });

  it('step 2 with nothing chosen asks for an indicator', async () => {
    const text = visibleText(await (await api.request('GET', apiPath('/check/answer/'))).text());
    expect(text).toContain('You have not chosen any indicators');
  });
});

describe('the pages when the guidance cannot be read', () => {
  /** The guidance app over the test store's client, with every read of the current guidance failing as asked. */
  function guidanceAppFailingWith(fault: Error) {
    const db = createDocumentClient({ endpoint: api.store.endpoint, region: 'eu-west-2' });
    mockClient(db).on(GetCommand).rejects(fault);
    const logs: string[] = [];
    const clock = () => new Date();
    const app = createGuidanceApp({
      verifyToken: () => Promise.reject(new Unauthorized('No one signs in to read the guidance')),
      access: createDirectoryAccessCheck(db, api.store.tables.directory, { clock }),
      audit: createAuditWriter(db, api.store.tables.audit, clock),
      clock,
      logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
      cursors: createCursorCodec('test-cursor-secret-of-at-least-32-characters', clock),
      store: createDynamoGuidanceStore(db, api.store.tables.guidance),
      pageAssets: STUB_ASSETS,
    });
    return { app, logs, close: () => db.destroy() };
  }

  it('answers a person with GOV.UK’s “problem with the service” page, not JSON, and what to do meanwhile', async () => {
    const { app, logs, close } = guidanceAppFailingWith(
      new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }),
    );
    for (const path of ['/guidance/', '/check/', '/check/answer/']) {
      const res = await app.request(apiPath(path));
      expect(res.status, path).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('<title>Sorry, there is a problem with the service – ');
      const text = visibleText(html);
      expect(text).toContain('Try again in a few minutes.');
      expect(text).toContain('If a child is in immediate danger, call 999.');
      expect(html).not.toContain('Rate exceeded');
    }
    expect(logs.filter((l) => l.includes('store unavailable'))).toHaveLength(3);
    close();
  });

  it('answers an unexpected failure with the same page and 500, logging only the error’s name and frames', async () => {
    const { app, logs, close } = guidanceAppFailingWith(new Error('unexpected words from the store'));
    const res = await app.request(apiPath('/guidance/'));
    expect(res.status).toBe(500);
    expect(visibleText(await res.text())).toContain('Sorry, there is a problem with the service');
    expect(logs.join('\n')).toContain('unhandled error');
    expect(logs.join('\n')).not.toContain('unexpected words');
    close();
  });
});

describe('the pages before any guidance is published', () => {
  it('say so, with 404 and no-store, so no cache keeps "nothing yet" after the first publication', async () => {
    const empty = await createTestApi({ seed: false });
    try {
      for (const [path, words] of [
        ['/guidance/', 'No threshold guidance has been published yet.'],
        ['/check/', 'No threshold guidance has been published yet, so the checker cannot suggest a level.'],
      ] as const) {
        const res = await empty.request('GET', apiPath(path));
        expect(res.status, path).toBe(404);
        expect(res.headers.get('cache-control'), path).toBe('no-store');
        expect(visibleText(await res.text())).toContain(words);
      }
    } finally {
      await empty.close();
    }
  });
});
