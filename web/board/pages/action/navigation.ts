/**
 * The action page's views, one address each (`&do=`), so Back works: links between them change the
 * address without reloading.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { ActionView } from '../../../../shared/board/schema.ts';
import { type RecordRoute, recordAddresses } from '../../../platform/record-forms.ts';
import { actionUrl } from '../../views.ts';

export type Step = 'progress' | 'details' | 'due' | 'rag' | 'close';
const STEPS: Step[] = ['progress', 'details', 'due', 'rag', 'close'];

export type Route = RecordRoute<Step>;

export const ADDRESSES = recordAddresses(actionUrl, STEPS);
export const { readRoute, go, StepLink } = ADDRESSES;

export function BackToAction(props: { action: ActionView }): VNode {
  return html`<${ADDRESSES.BackLink} id=${props.action.id} reference=${props.action.reference} />`;
}
