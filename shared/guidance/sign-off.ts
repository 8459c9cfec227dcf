/**
 * Sign-off by a second editor: a draft of the threshold guidance is published only once a guidance
 * editor who neither started it nor changed it has approved it, and any change after that withdraws
 * the approval, so the text published is the text approved. Pure and free of zod (types only), so the
 * editor's pages use the same rules as the API.
 */
import type { EditorRef, GuidanceVersion } from './schema.ts';

type SignOffFields = Pick<GuidanceVersion, 'status' | 'editedBy' | 'approvedBy'>;

/** What the API says when a draft without a current approval is sent to be published. */
export const APPROVAL_NEEDED = 'A second guidance editor must approve this version before it is published';

/** What the API says when someone who started or changed a draft tries to approve it. */
export const OWN_DRAFT =
  'You started or changed this draft, so you cannot approve it: a second guidance editor must';

/** Whether this person started or changed the draft. */
export function hasEdited(version: Pick<GuidanceVersion, 'editedBy'>, userId: string): boolean {
  return (version.editedBy ?? []).some((e) => e.id === userId);
}

/** The draft's editors with `editor` added (once), as a save records them. */
export function withEditor(version: Pick<GuidanceVersion, 'editedBy'>, editor: EditorRef): EditorRef[] {
  const editors = version.editedBy ?? [];
  return hasEdited(version, editor.id) ? editors : [...editors, editor];
}

/**
 * Why this guidance editor may not approve the version now, or null if they may: only a draft not
 * yet approved, and only by someone who has not edited it.
 */
export function approvalRefusal(
  version: SignOffFields,
  userId: string,
): { kind: 'not-a-draft' | 'already-approved' | 'own-draft'; reason: string } | null {
  if (version.status !== 'draft')
    return { kind: 'not-a-draft', reason: `This version is ${version.status}: only a draft is approved` };
  if (hasEdited(version, userId)) return { kind: 'own-draft', reason: OWN_DRAFT };
  if (version.approvedBy)
    return { kind: 'already-approved', reason: `${version.approvedBy.name} has already approved this draft` };
  return null;
}

export function canApprove(version: SignOffFields, userId: string): boolean {
  return approvalRefusal(version, userId) === null;
}

/** Whether the draft carries a current approval, so it may be published. */
export function isApproved(version: Pick<GuidanceVersion, 'approvedBy' | 'approvedAt'>): boolean {
  return version.approvedBy !== undefined && version.approvedAt !== undefined;
}
