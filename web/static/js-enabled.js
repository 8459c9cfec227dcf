// GOV.UK Frontend's body classes, from a file rather than an inline script so a strict CSP holds.
document.body.className += ` js-enabled${'noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : ''}`;
