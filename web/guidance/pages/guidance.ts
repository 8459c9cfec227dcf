/**
 * /guidance/: the guidance function renders the page on the server (shared/guidance/views/reading.ts);
 * this script adds what needs JavaScript: the account line and the editor's link, the print button,
 * and printing every level's indicators, not just the open ones.
 */
import { boot } from '../../platform/chrome.ts';

/** Opens every closed details element while printing, so printed guidance is complete, then restores them. */
function expandDetailsForPrint(): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
    for (const d of opened) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

boot();
expandDetailsForPrint();
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-app-print]')) {
  button.addEventListener('click', () => window.print());
}
