import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TfjsMethodologyError } from '../../src/core/errors';
import { PlotDependencyError, renderSvg } from '../../src/plot/renderSvg';
import { parseSvg, schemaErrors } from './helpers';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  description: 'Three points & a "line" <test>.',
  width: 100,
  height: 50,
  data: { values: [{ a: 0, b: 0 }, { a: 1, b: 2 }, { a: 2, b: 1 }] },
  mark: 'point',
  encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } },
};

describe('renderSvg', () => {
  const out = join(ROOT, '.tmp', `plot-cjs-${process.pid}`);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('renders a Vega-Lite spec to well-formed SVG with the description as aria-label and title', async () => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    const doc = parseSvg(svg);
    const root = doc.find((n) => 'svg' in n)!;
    const attrs = root[':@'] as Record<string, string>;
    expect(attrs['aria-label']).toBe('Three points & a "line" <test>.');
    expect(attrs.role).toBe('img');
    expect(svg).toContain('<title>Three points &amp; a &quot;line&quot; &lt;test&gt;.</title>');
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(3);
  });

  it('scales the SVG by scaleFactor', async () => {
    const a = parseSvg(await renderSvg(spec));
    const b = parseSvg(await renderSvg(spec, { scaleFactor: 2 }));
    const w = (d: ReturnType<typeof parseSvg>) => Number((d.find((n) => 'svg' in n)![':@'] as Record<string, string>).width);
    expect(w(b)).toBe(2 * w(a));
  });

  it('throws PlotDependencyError naming the packages to install when they cannot be loaded', async () => {
    const missing = () => Promise.reject(new Error("Cannot find package 'vega'"));
    const error = await renderSvg(spec, { loader: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlotDependencyError);
    expect(error).toBeInstanceOf(TfjsMethodologyError);
    expect((error as PlotDependencyError).missing).toEqual(['vega', 'vega-lite']);
    expect((error as Error).message).toBe(
      "renderSvg: could not load vega and vega-lite (optional peer dependencies of tfjs-methodology/plot): install them with `npm install vega vega-lite` (Cannot find package 'vega')",
    );
  });

  it('names only the package that is missing', async () => {
    const loader = (name: 'vega' | 'vega-lite') => (name === 'vega' ? import('vega') : Promise.reject(new Error('no vega-lite')));
    const error = (await renderSvg(spec, { loader }).catch((e: unknown) => e)) as PlotDependencyError;
    expect(error.missing).toEqual(['vega-lite']);
    expect(error.message).toContain('could not load vega-lite (');
  });

  it('uses the modules a custom loader returns', async () => {
    const loaded: string[] = [];
    const loader = (name: 'vega' | 'vega-lite') => {
      loaded.push(name);
      return name === 'vega' ? import('vega') : import('vega-lite');
    };
    expect((await renderSvg(spec, { loader })).startsWith('<svg')).toBe(true);
    expect(loaded.sort()).toEqual(['vega', 'vega-lite']);
  });

  it("hands vega-lite's warnings to onWarning and never to the console", async () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    const warnings: string[] = [];
    // a shape encoding on bars is dropped with a warning
    const bars = { ...spec, mark: 'bar', encoding: { ...spec.encoding, shape: { field: 'a', type: 'nominal' } } };
    await renderSvg(bars, { onWarning: (m) => warnings.push(m) });
    await renderSvg(bars);
    expect(warnings.some((m) => m.includes('shape'))).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    warn.mockRestore();
    log.mockRestore();
  });

  it("passes vega-lite's error through for an invalid spec", async () => {
    await expect(renderSvg({ ...spec, mark: 'nonsense' })).rejects.toThrow();
    expect(schemaErrors({ ...spec, mark: 'nonsense' }).length).toBeGreaterThan(0);
    expect(schemaErrors(spec)).toEqual([]);
  });

  it('keeps import() in a CommonJS build, so require() of the module still loads the ESM-only vega', async () => {
    // Built as tsup builds the package (esbuild, format cjs, vega external).
    mkdirSync(out, { recursive: true });
    const file = join(out, 'renderSvg.cjs');
    await build({
      entryPoints: [join(ROOT, 'src/plot/renderSvg.ts')],
      outfile: file,
      bundle: true,
      format: 'cjs',
      platform: 'neutral',
      target: 'es2022',
      external: ['vega', 'vega-lite'],
      logLevel: 'silent',
    });
    const script = `require(${JSON.stringify(file)}).renderSvg(${JSON.stringify(spec)}).then((s) => process.stdout.write(s.slice(0, 4)), (e) => { console.error(e); process.exit(1); })`;
    expect(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })).toBe('<svg');
  }, 60_000);
});
