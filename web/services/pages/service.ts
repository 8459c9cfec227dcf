/**
 * /services/service/?id=: the services function renders the service on the server
 * (shared/views/services/service.ts). This script adds the account line and, for the service's
 * directory editors, the way to change it.
 */
import { boot, loadMe } from '../../platform/chrome.ts';
import { editUrl } from '../api.ts';

boot();
const id = new URLSearchParams(window.location.search).get('id');
const heading = document.querySelector('#app h1');
loadMe().then(
  (me) => {
    if (!id || !heading || !me?.roles.includes('directory-editor')) return;
    // The API refuses an editor of another agency; the link is a convenience, shown to editors only.
    const p = document.createElement('p');
    p.className = 'govuk-body';
    const link = document.createElement('a');
    link.className = 'govuk-link';
    link.href = editUrl(id);
    link.textContent = 'Change this service';
    p.append(link);
    heading.after(p);
  },
  () => {},
);
