/**
 * Formats rows as a text table with borders, like Optuna's CLI (cliff's
 * table formatter): a header row, right-aligned numbers. Internal.
 *
 * @param header - The column names.
 * @param rows - The cells (strings; numbers already formatted).
 * @returns The table's lines joined by `\n`, with a final newline.
 * @example
 * formatTable(['a', 'b'], [['1', 'x']]);
 * // => '+---+---+\n| a | b |\n+---+---+\n| 1 | x |\n+---+---+\n'
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const isNumber = (c: string | undefined): boolean => c === undefined || c === '' || /^-?(\d+(\.\d+)?(e[-+]?\d+)?|Infinity)$|^NaN$/.test(c);
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((r) => isNumber(r[j])));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: readonly string[], align: boolean): string =>
    `|${widths.map((w, j) => {
      const c = cells[j] ?? '';
      return ` ${align && numeric[j] ? c.padStart(w) : c.padEnd(w)} `;
    }).join('|')}|`;
  return [rule, line(header, false), rule, ...rows.map((r) => line(r, true)), rule].join('\n') + '\n';
}
