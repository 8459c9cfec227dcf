/**
 * Moving between the list and one agency without leaving the page, kept in the address (?edit=<id>)
 * so Back works.
 */

export function editIdFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('edit');
}

export function go(editId: string | null): void {
  const url = editId ? `/agencies/?edit=${encodeURIComponent(editId)}` : '/agencies/';
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function onLinkClick(editId: string | null) {
  return (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(editId);
  };
}
