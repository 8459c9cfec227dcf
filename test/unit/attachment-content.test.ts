import { describe, expect, it } from 'vitest';
import { detectAttachmentTypeOf } from '../../functions/referrals/attachment-content.ts';
import {
  ATTACHMENT_KINDS,
  attachmentInputProblems,
  canAttach,
  cleanFileName,
  MAX_ATTACHMENT_BYTES,
} from '../../shared/referrals/attachments.ts';
import { compoundFile, exe, heic, html, jpeg, ooxml, pdf, png, svg, zip } from '../support/document-bytes.ts';

/** A document's type comes from its bytes, never its name: what is accepted, and what is refused. */
describe('detecting an attached document’s type from its bytes', () => {
  it.each([
    ['a PDF', pdf(), 'application/pdf'],
    ['a PNG', png(), 'image/png'],
    ['a JPEG', jpeg(), 'image/jpeg'],
    ['a HEIC photo', heic(), 'image/heic'],
    [
      'a Word document',
      ooxml('word'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'an Excel spreadsheet',
      ooxml('xl'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'a PowerPoint presentation',
      ooxml('ppt'),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['a Word 97–2003 document', compoundFile(['1Table', 'WordDocument']), 'application/msword'],
    ['an Excel 97–2003 workbook', compoundFile(['Workbook']), 'application/vnd.ms-excel'],
    [
      'a PowerPoint 97–2003 presentation',
      compoundFile(['Current User', 'PowerPoint Document']),
      'application/vnd.ms-powerpoint',
    ],
    // The stream named in the directory's second sector, reached through the FAT chain.
    [
      'a .doc whose main stream is deep in its directory',
      compoundFile(['A', 'B', 'C', 'D', 'E', 'WordDocument']),
      'application/msword',
    ],
  ])('accepts %s', async (_, bytes, type) => {
    expect(await detectAttachmentTypeOf(bytes)).toBe(type);
  });

  it.each([
    ['HTML', html()],
    ['SVG', svg()],
    ['a Windows program (MZ)', exe()],
    ['a zip that is not an Office document', zip({ 'notes.txt': 'hello' })],
    ['a zip claiming to be Office without its main part', zip({ '[Content_Types].xml': '<Types/>' })],
    ['a macro-enabled Word document', ooxml('docm')],
    [
      'a compound file that is no Office document (an installer, a message)',
      compoundFile(['SummaryInformation']),
    ],
    ['a Word 97–2003 document with macros', compoundFile(['WordDocument', 'Macros'])],
    ['an empty file', new Uint8Array()],
    ['plain text', new Uint8Array(Buffer.from('Maisie said she was hungry.\n'))],
    ['a compound file cut short', compoundFile(['WordDocument']).subarray(0, 600)],
  ])('refuses %s', async (_, bytes) => {
    expect(await detectAttachmentTypeOf(bytes)).toBeNull();
  });
});

describe('a declared upload’s rules', () => {
  it('keeps only the last segment of a path, trimmed', () => {
    expect(cleanFileName('C:\\fakepath\\ body map.pdf ')).toBe('body map.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('names each field that breaks a rule', () => {
    const fields = (input: { fileName: string; size: number; kind: string }) =>
      attachmentInputProblems(input).map((p) => p.field);
    expect(fields({ fileName: 'a.pdf', size: 1, kind: ATTACHMENT_KINDS[0] })).toEqual([]);
    expect(fields({ fileName: 'a.pdf', size: MAX_ATTACHMENT_BYTES, kind: 'other' })).toEqual([]);
    expect(
      attachmentInputProblems({ fileName: 'a.pdf', size: MAX_ATTACHMENT_BYTES + 1, kind: 'other' }),
    ).toEqual([{ field: 'size', reason: 'must be 10 MB or smaller' }]);
    expect(fields({ fileName: '', size: 0, kind: 'photo' })).toEqual(['fileName', 'size', 'kind']);
    expect(fields({ fileName: 'x'.repeat(121), size: 1.5, kind: 'other' })).toEqual(['fileName', 'size']);
    expect(fields({ fileName: 'report\u202Efdp.exe', size: 10, kind: 'other' })).toEqual(['fileName']);
  });

  it('lets the referral’s agency attach until it is decided, and the front door while it waits', () => {
    const amira = { roles: ['referrer'], agencyId: 'brookfield-primary' };
    const grace = { roles: ['triage', 'front-door-manager'], agencyId: 'front-door' };
    const tom = { roles: ['board'], agencyId: 'partnership' };
    const referral = (status: 'draft' | 'submitted' | 'in_review' | 'decided' | 'closed' | 'withdrawn') => ({
      status,
      agencyId: 'brookfield-primary',
    });
    const answer = (actor: typeof amira, status: Parameters<typeof referral>[0]) => {
      const check = canAttach(actor, referral(status));
      return check.ok ? 'ok' : check.reason;
    };
    expect(
      ['draft', 'submitted', 'in_review', 'decided', 'closed', 'withdrawn'].map((s) =>
        answer(amira, s as never),
      ),
    ).toEqual(['ok', 'ok', 'ok', 'conflict', 'conflict', 'conflict']);
    expect(['draft', 'submitted', 'in_review', 'decided'].map((s) => answer(grace, s as never))).toEqual([
      'not-found',
      'ok',
      'ok',
      'conflict',
    ]);
    expect(answer({ roles: ['referrer'], agencyId: 'northshire-police' }, 'submitted')).toBe('not-found');
    expect(answer(tom, 'submitted')).toBe('forbidden');
  });
});
