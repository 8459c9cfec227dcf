/**
 * Saving the draft: every save is a PUT of the whole framework with If-Match: the draft's revision, and
 * a refused save is shown for what it is (someone else's change, a field's reason, or the service).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Framework, GuidanceVersion } from '../../../../shared/guidance/schema.ts';
import { ApiError, apiRequest } from '../../../platform/api.ts';
import { describeRefusal as describe, type Refusal } from '../../../platform/refusal.ts';
import { ChangedBanner } from '../../../platform/ui.ts';

export async function saveFramework(draft: GuidanceVersion, framework: Framework): Promise<GuidanceVersion> {
  const { data } = await apiRequest<GuidanceVersion>(`/guidance/versions/${draft.version}`, {
    method: 'PUT',
    body: { framework },
    ifMatch: draft.revision,
  });
  return data;
}

export const isConflict = (error: unknown) =>
  error instanceof ApiError && (error.status === 409 || error.status === 412);

/** "Someone else changed this draft", focused when it appears so it is read out. */
export function ConflictBanner(props: { what?: string }): VNode {
  return html`
    <${ChangedBanner} heading="Someone else changed this draft" reload="Reload the draft">
      ${props.what ?? 'Your change was not saved'}, because the draft changed after you opened it (or it has been
      published). Reload the draft to see it as it is now, then make your change again if it is still needed.
    </${ChangedBanner}>
  `;
}

/** A refused save as error-summary items, with each field's reason by form field id. */
export function describeRefusal(
  error: unknown,
  fieldFor: (apiField: string) => string | null,
  fallbackId: string,
): Refusal {
  return describe(error, fieldFor, fallbackId, { unshown: (e) => `${e.field}: ${e.reason}` });
}
