/** Small, dependency-free SVG bar charts for the report. */

export interface Bar {
  label: string;
  value: number;
  /** A second bar drawn under the first (e.g. the direct baseline). */
  compare?: number;
  highlight?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function barChart(options: {
  title: string;
  bars: Bar[];
  unit: string;
  /** A vertical line, e.g. a budget. */
  limit?: { value: number; label: string };
  legend?: [string, string];
}): string {
  const { bars, unit, limit } = options;
  const labelWidth = 260;
  const chartWidth = 420;
  const rowHeight = bars.some((b) => b.compare !== undefined) ? 34 : 22;
  const top = options.legend ? 44 : 30;
  const height = top + bars.length * rowHeight + 24;
  const max = Math.max(1e-9, limit?.value ?? 0, ...bars.flatMap((b) => [b.value, b.compare ?? 0])) * 1.12;
  const x = (v: number) => labelWidth + (Math.max(0, v) / max) * chartWidth;
  const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + chartWidth + 90}" height="${height}" font-family="Arial, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="18" font-size="14" font-weight="bold">${esc(options.title)}</text>`,
  ];
  if (options.legend) {
    parts.push(
      `<rect x="8" y="26" width="12" height="10" fill="#1d70b8"/><text x="24" y="35">${esc(options.legend[0])}</text>`,
      `<rect x="200" y="26" width="12" height="10" fill="#b1b4b6"/><text x="216" y="35">${esc(options.legend[1])}</text>`,
    );
  }
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const barHeight = bar.compare !== undefined ? 13 : 16;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${esc(bar.label)}</text>`);
    const colour = bar.highlight ? '#d4351c' : '#1d70b8';
    parts.push(
      `<rect x="${labelWidth}" y="${y + 2}" width="${x(bar.value) - labelWidth}" height="${barHeight}" fill="${colour}"/>`,
      `<text x="${x(bar.value) + 4}" y="${y + 14}">${fmt(bar.value)} ${esc(unit)}</text>`,
    );
    if (bar.compare !== undefined) {
      parts.push(
        `<rect x="${labelWidth}" y="${y + 17}" width="${x(bar.compare) - labelWidth}" height="${barHeight}" fill="#b1b4b6"/>`,
        `<text x="${x(bar.compare) + 4}" y="${y + 28}" fill="#505a5f">${fmt(bar.compare)} ${esc(unit)}</text>`,
      );
    }
  });
  if (limit) {
    const lx = x(limit.value);
    parts.push(
      `<line x1="${lx}" y1="${top - 4}" x2="${lx}" y2="${height - 18}" stroke="#d4351c" stroke-dasharray="4 3"/>`,
      `<text x="${lx}" y="${height - 6}" text-anchor="middle" fill="#d4351c">${esc(limit.label)}</text>`,
    );
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** A Unicode bar for terminals and plain Markdown: `████████▍` scaled to `width` cells at `max`. */
export function unicodeBar(value: number, max: number, width = 24): string {
  if (!Number.isFinite(value) || max <= 0) return '';
  const cells = Math.max(0, Math.min(width * 1.5, (value / max) * width));
  const full = Math.floor(cells);
  const partial = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][Math.round((cells - full) * 7)] ?? '';
  return '█'.repeat(full) + partial;
}
