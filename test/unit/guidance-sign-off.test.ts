import { describe, expect, it } from 'vitest';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import {
  approvalRefusal,
  canApprove,
  hasEdited,
  isApproved,
  OWN_DRAFT,
  withEditor,
} from '../../shared/guidance/sign-off.ts';

/** The sign-off rule: a second editor, who changed nothing, approves; the approval is what is published. */
const TOM = { id: 'u-tom', name: 'Tom Ashworth' };
const FEMI = { id: 'u-femi', name: 'Femi Adeyemi' };
type Fields = Pick<GuidanceVersion, 'status' | 'editedBy' | 'approvedBy' | 'approvedAt'>;
const draft = (over: Partial<Fields> = {}): Fields => ({ status: 'draft', editedBy: [TOM], ...over });

describe('who may approve a draft', () => {
  it('lets an editor who neither started nor changed it approve it', () => {
    expect(canApprove(draft(), FEMI.id)).toBe(true);
    expect(approvalRefusal(draft(), FEMI.id)).toBeNull();
  });

  it('refuses whoever started or changed it', () => {
    expect(approvalRefusal(draft(), TOM.id)).toEqual({ kind: 'own-draft', reason: OWN_DRAFT });
    expect(canApprove(draft({ editedBy: [TOM, FEMI] }), FEMI.id)).toBe(false);
  });

  it('refuses a second approval, and any version that is not a draft', () => {
    const approved = draft({ approvedBy: FEMI, approvedAt: '2026-03-02T10:00:00.000Z' });
    expect(approvalRefusal(approved, 'u-helen')?.kind).toBe('already-approved');
    expect(approvalRefusal(draft({ status: 'published' }), FEMI.id)?.kind).toBe('not-a-draft');
    expect(approvalRefusal(draft({ status: 'superseded' }), FEMI.id)?.reason).toMatch(/superseded/);
  });

  it('lets anyone approve a draft made before editors were recorded', () => {
    expect(canApprove({ status: 'draft' }, TOM.id)).toBe(true);
  });
});

describe('recording editors and approvals', () => {
  it('adds each editor once, in the order they first changed the draft', () => {
    expect(withEditor({}, TOM)).toEqual([TOM]);
    expect(withEditor({ editedBy: [TOM] }, TOM)).toEqual([TOM]);
    expect(withEditor({ editedBy: [TOM] }, FEMI)).toEqual([TOM, FEMI]);
    expect(hasEdited({ editedBy: [TOM] }, FEMI.id)).toBe(false);
  });

  it('counts a draft as approved only with who and when', () => {
    expect(isApproved({})).toBe(false);
    expect(isApproved({ approvedBy: FEMI })).toBe(false);
    expect(isApproved({ approvedBy: FEMI, approvedAt: '2026-03-02T10:00:00.000Z' })).toBe(true);
  });
});
