/**
 * Writes an example's figures: each as its Vega-Lite spec
 * (`examples/out/<prefix>-<name>.vl.json`, to open in the Vega editor or
 * render with vega-embed / tfjs-vis) and as SVG (`.svg`, rendered with
 * `renderSvg` from tfjs-methodology/plot); and, for the walkthrough, one
 * self-contained HTML report with every SVG inline.
 */
import { renderSvg, type VegaLiteSpec } from 'tfjs-methodology/plot';
import { transcript, writeOutput } from './run';

interface Figure {
  readonly name: string;
  readonly caption: string;
  readonly svg: string;
}

export class Figures {
  private readonly figures: Figure[] = [];

  constructor(private readonly prefix: string) {}

  /** Number of figures written so far. */
  get count(): number {
    return this.figures.length;
  }

  /** Renders `spec` and writes its `.vl.json` and `.svg`; returns the SVG path. */
  async add(name: string, caption: string, spec: VegaLiteSpec | Record<string, unknown>): Promise<string> {
    const base = `${this.prefix}-${name}`;
    writeOutput(`${base}.vl.json`, `${JSON.stringify(spec, null, 1)}\n`);
    const svg = await renderSvg(spec);
    this.figures.push({ name, caption, svg });
    return writeOutput(`${base}.svg`, svg);
  }

  /**
   * Writes `examples/out/report.html`: the title, the summary, every figure
   * inline, and the full printed transcript. No script, no external resource:
   * it opens offline.
   */
  writeReport(options: { title: string; summary: readonly string[]; file?: string }): string {
    const figures = this.figures
      .map((f) => `<figure id="${escapeHtml(f.name)}">\n${stripXmlDeclaration(f.svg)}\n<figcaption>${escapeHtml(f.caption)}</figcaption>\n</figure>`)
      .join('\n');
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; }
figure { display: inline-block; margin: 1rem 1rem 1rem 0; vertical-align: top; }
figcaption { font-size: 0.9rem; color: #555; }
pre { background: #f6f6f6; padding: 1rem; overflow-x: auto; font-size: 12px; }
</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
<ul>
${options.summary.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n')}
</ul>
<h2>Figures</h2>
${figures}
<h2>The full report</h2>
<pre>${escapeHtml(transcript.join('\n'))}</pre>
<p>Written by tfjs-methodology's <code>examples/walkthrough.ts</code> (<code>npm run demo</code>).</p>
</body>
</html>
`;
    return writeOutput(options.file ?? 'report.html', html);
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function stripXmlDeclaration(svg: string): string {
  return svg.replace(/^<\?xml[^>]*>\s*/, '');
}
