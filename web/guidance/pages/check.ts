/**
 * /check/ and /check/answer/: the guidance function renders both steps on the server
 * (shared/views/checker/), so the checker works without JavaScript. With it, step 1 takes over
 * the server's markup and choosing happens in place; step 2 needs nothing but the account line and
 * moving focus to an immediate-danger interruption.
 */
import { html } from 'htm/preact';
import { hydrate } from 'preact';
import type { GuidanceVersion } from '../../../shared/guidance/schema.ts';
import { readAddress } from '../../../shared/guidance/views/checker/address.ts';
import { Choose } from '../../../shared/guidance/views/checker/choose.ts';
import { boot } from '../../platform/chrome.ts';
import { govukBehaviours } from '../../platform/ui-basics.ts';

boot();
const root = document.getElementById('app');
// The guidance the server rendered step 1 from, so the page searches it without asking again.
const data = document.getElementById('app-data')?.textContent;
if (window.location.pathname.startsWith('/check/answer')) {
  document.getElementById('immediate-danger')?.focus();
} else if (root && data) {
  const guidance = JSON.parse(data) as GuidanceVersion;
  const initial = readAddress(new URLSearchParams(window.location.search));
  hydrate(html`<${Choose} guidance=${guidance} initial=${initial} behaviours=${govukBehaviours} />`, root);
}
