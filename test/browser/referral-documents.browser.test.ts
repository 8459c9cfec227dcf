/**
 * Documents on a referral, by keyboard: before sending, Amira adds the family's Early Help
 * Assessment from check your answers. Pressing Upload with nothing chosen says what is missing; a
 * file named .pdf that is really a web page is refused by its content; the real PDF is attached and
 * listed, on check your answers too. Grace at the Front Door downloads it from the referral and gets
 * the same bytes. Another agency's referrer finds no such referral. axe finds nothing on any page.
 * The child is made up, and not the one other tests use.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { focused, readable, tabTo } from '../support/browser.ts';
import { completeReferral } from '../support/referral-fixtures.ts';
import {
  arrive,
  byId,
  earlyHelpHarness,
  expectAxeClean,
  LONG,
  press,
  soon,
  ukToday,
} from './early-help-harness.ts';

const { url, api, signedInPage } = earlyHelpHarness();
const CHILD = { firstName: 'Tamsin', lastName: 'Orrellby', dateOfBirth: '2014-10-02' };
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PAGE_AS_PDF = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

/** Presses Space on the file input (as a keyboard user opens the picker) and picks the file. */
async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await tabTo(page, byId('file'), LONG);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles({ name, mimeType: 'application/pdf', buffer });
}

describe('documents on a referral', () => {
  let referralId = '';

  it('Amira attaches the Early Help Assessment before sending, by keyboard; a disguised file is refused', async () => {
    const draft = await api<{ id: string }>(
      'amira',
      'POST',
      '/referrals',
      completeReferral({
        child: { ...completeReferral().child, ...CHILD },
        earlyHelpAssessmentInPlace: true,
        consent: { status: 'given', byWhom: 'Dawn Orrellby (mother)', date: ukToday() },
      }),
      { 'idempotency-key': `documents-browser-${Date.now()}` },
    );
    referralId = draft.id;
    const page = await signedInPage('amira');
    await page.goto(url(`/referrals/draft/check/?id=${referralId}`));
    await arrive(page, '/referrals/draft/check/?id=*', 'Check your answers before sending your referral');
    expect(await readable(page.locator('main'))).toContain('No documents have been attached.');
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Add a document', LONG);
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/documents/?id=${referralId}&return=check`, 'Add a document');
    await expectAxeClean(page);

    // Nothing chosen: the summary names both answers, each linked to its field.
    await press(page, 'Upload file');
    const summary = page.locator('.govuk-error-summary');
    await soon(() => readable(summary)).toContain('There is a problem');
    expect(
      await summary.getByRole('link', { name: 'Select what kind of document it is' }).getAttribute('href'),
    ).toBe('#kind');
    expect(await summary.getByRole('link', { name: 'Select a file' }).getAttribute('href')).toBe('#file');
    await soon(() => page.title()).toMatch(/^Error: Add a document/);
    await expectAxeClean(page);

    // A web page saved with a .pdf name: refused for what it is, not what it is called.
    await tabTo(page, byId('kind'), LONG);
    await page.keyboard.press('Space');
    expect(await page.locator('input[name="kind"]:checked').getAttribute('value')).toBe(
      'early-help-assessment',
    );
    await chooseFile(page, 'Early Help Assessment - Orrellby.pdf', PAGE_AS_PDF);
    await press(page, 'Upload file');
    await soon(() => readable(page.locator('#file-error'))).toContain(
      'The selected file must be a PDF, a Word, Excel or PowerPoint document, or a JPEG, PNG or HEIC image',
    );
    expect(await readable(page.locator('main'))).toContain('No documents have been attached.');
    await expectAxeClean(page);

    // The real assessment.
    await chooseFile(page, 'Early Help Assessment - Orrellby.pdf', PDF);
    await press(page, 'Upload file');
    const banner = page.locator('.govuk-notification-banner--success');
    await soon(() => readable(banner)).toContain('Early Help Assessment - Orrellby.pdf has been attached');
    const listed = await readable(page.locator('#documents'));
    expect(listed).toContain('Early Help Assessment - Orrellby.pdf');
    expect(listed).toContain('Early Help Assessment');
    expect(listed).toMatch(/PDF, \d+ bytes\. Added .* by Amira Haddad/);
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    await expectAxeClean(page);

    await press(page, 'Continue');
    await arrive(page, '/referrals/draft/check/?id=*', 'Check your answers before sending your referral');
    await soon(() => readable(page.locator('#documents'))).toContain('Early Help Assessment - Orrellby.pdf');
    await press(page, 'Send referral');
    await arrive(page, `/referrals/submitted/?id=${referralId}`, 'Referral sent');
  });

  it('Grace downloads it from the referral and gets the same file', async () => {
    const page = await signedInPage('grace');
    await page.goto(url(`/referrals/view/?id=${referralId}`));
    await arrive(page, `/referrals/view/?id=${referralId}`, /Tamsin Orrellby/);
    await soon(() => readable(page.locator('#documents'))).toContain('Early Help Assessment - Orrellby.pdf');
    await expectAxeClean(page);
    await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith('Download'), LONG);
    expect((await focused(page)).text).toBe('Download Early Help Assessment - Orrellby.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('Early Help Assessment - Orrellby.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
  });

  it('another agency’s referrer finds no such referral, and no documents', async () => {
    const page = await signedInPage('dan');
    await page.goto(url(`/referrals/documents/?id=${referralId}`));
    await arrive(page, `/referrals/documents/?id=${referralId}`, 'Referral not found');
    const main = await readable(page.locator('main'));
    expect(main).not.toContain('Orrellby');
    expect(main).not.toContain('Early Help Assessment');
  });
});
