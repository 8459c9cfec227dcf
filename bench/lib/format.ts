/** How figures are written, alike in the progress lines, the budgets and the report. */

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-GB');
export const fmtMs = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)} ms` : 'n/a');
export const fmtKb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const fmtRatio = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');
