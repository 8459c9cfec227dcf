/**
 * Saving the draft: every save is a PUT of the whole framework with If-Match: the draft's revision, and
 * a refused save is shown for what it is (someone else's change, a field's reason, or the service).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Framework, GuidanceVersion } from '../../../../shared/guidance/schema.ts';
import { ApiError, apiRequest } from '../../../platform/api.ts';
import type { ErrorSummaryItem } from '../../../platform/ui.ts';

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
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return html`
    <div class="govuk-notification-banner" role="region" aria-labelledby="conflict-title" tabindex="-1" ref=${ref}>
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="conflict-title">Important</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">Someone else changed this draft</p>
        <p class="govuk-body">
          ${props.what ?? 'Your change was not saved'}, because the draft changed after you opened it (or it has been
          published). Reload the draft to see it as it is now, then make your change again if it is still needed.
        </p>
        <p class="govuk-body">
          <a class="govuk-notification-banner__link" href=${window.location.href}>Reload the draft</a>
        </p>
      </div>
    </div>
  `;
}

/** Turns a refused save into error-summary items, with each field's reason by form field id. */
export function describeRefusal(
  error: unknown,
  fieldFor: (apiField: string) => string | null,
  fallbackId: string,
): { items: ErrorSummaryItem[]; fields: Record<string, string> } {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    const fields: Record<string, string> = {};
    const items = error.fieldErrors.map((e) => {
      const id = fieldFor(e.field);
      if (id && !fields[id]) fields[id] = e.reason;
      return { href: `#${id ?? fallbackId}`, text: id ? e.reason : `${e.field}: ${e.reason}` };
    });
    return { items, fields };
  }
  if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
    return { items: [{ href: `#${fallbackId}`, text: error.detail ?? error.title }], fields: {} };
  }
  const text =
    error instanceof ApiError && error.status === 0
      ? 'The portal could not be reached. Check your internet connection and try again.'
      : 'Sorry, there is a problem with the service. Nothing was saved. Try again in a few minutes.';
  return { items: [{ href: `#${fallbackId}`, text }], fields: {} };
}
