// GOV.UK Frontend's body classes, from a file rather than an inline script so a strict CSP holds.
document.body.className += ` js-enabled${'noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : ''}`;

// Someone is signed in (web/platform/auth.ts keeps the session under this key): app.css keeps room for the
// account line the page's script draws once it knows who, so the page does not jump down then.
try {
  if (sessionStorage.getItem('portal.session')) document.body.classList.add('app-signed-in');
} catch {
  // Storage can be refused; the line then just appears.
}
