import type { GradientCheckReport, GradientComparison } from './gradientCheckReport';

function where(c: { index: number[] | null; direction: number | null; output: number[] | null }): string {
  const at = c.index ? `[${c.index.join(', ')}]` : `direction ${c.direction}`;
  return c.output ? `${at} of output[${c.output.join(', ')}]` : at;
}

function num(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(6) : String(x);
}

/**
 * A gradient check report as readable text: one line of verdict and settings,
 * then a table of the worst comparisons (variable or input, index, analytic,
 * numeric, absolute and relative error, tolerance), then the points skipped as
 * non-differentiable. The message of {@link assertGradients}' error.
 *
 * @param report - A report from {@link checkGradients} or {@link checkModelGradients}.
 * @param rows - At most this many table rows. Defaults to the report's `worst.length`.
 * @returns The text (lines separated by `\n`).
 * @example
 * formatGradientReport(checkGradients((x) => tf.sum(tf.square(x)), [tf.scalar(3)])).split('\n')[0];
 * // => 'gradients OK: 1 comparison(s) within tolerance (mode full, stencil 4, backend cpu, rtol 0.001, gtol 0.0001)'
 */
export function formatGradientReport(report: GradientCheckReport, rows = report.worst.length): string {
  const settings = `mode ${report.mode}, stencil ${report.stencil}, backend ${report.backend}, rtol ${report.rtol}, gtol ${report.gtol}${report.atol ? `, atol ${report.atol}` : ''}${report.eps !== null ? `, eps ${report.eps}` : ''}`;
  const lines = [
    report.ok
      ? `gradients OK: ${report.comparisons} comparison(s) within tolerance (${settings})`
      : `gradients WRONG: ${report.failures} comparison(s) out of ${report.comparisons} out of tolerance (${settings})`,
  ];
  const shown: GradientComparison[] = report.worst.slice(0, rows);
  if (shown.length > 0) {
    const header = ['input', 'index', 'analytic', 'numeric', 'abs error', 'rel error', 'tolerance', ''];
    const body = shown.map((c) => [c.name, where(c), num(c.analytic), num(c.numeric), num(c.absError), num(c.relError), num(c.tolerance), c.ok ? 'ok' : 'FAIL']);
    const widths = header.map((h, k) => Math.max(h.length, ...body.map((r) => r[k].length)));
    const line = (r: string[]) => r.map((cell, k) => cell.padEnd(widths[k])).join('  ').trimEnd();
    lines.push(line(header), ...body.map(line));
  }
  if (report.nonDifferentiable.length > 0) {
    lines.push(
      `not differentiable nearby (skipped): ${report.nonDifferentiable
        .map((k) => `${k.name}${where(k)} (right ${num(k.forward)}, left ${num(k.backward)})`)
        .join('; ')}`,
    );
  }
  return lines.join('\n');
}
