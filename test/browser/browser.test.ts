/**
 * The browser suite: builds the demo page (examples/browser) with vite, serves
 * it with vite's preview server, opens it in Debian's headless Chromium through
 * playwright-core, and checks on the WebGL (SwiftShader) and wasm backends that
 * the page computes what Node computes.
 *
 * Needs /usr/bin/chromium (Debian's `chromium` package; `.ci/run` installs it),
 * or CHROMIUM_PATH. Screenshots go to test/browser/artifacts/ (gitignored).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { averagePrecision, precisionRecallCurve, rocAuc } from '../../src/metrics';
import { rareEvents } from '../../src/datasets';
import { walkthroughPlots } from '../../examples/browser/plots';
import type { PageResults } from '../../examples/browser/main';
import { runWalkthrough, WALKTHROUGH_CONFIG, type WalkthroughResults } from '../../examples/browser/walkthrough';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PAGE_DIR = path.resolve(HERE, '../../examples/browser');
const ARTIFACTS = path.join(HERE, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags under which headless Chromium gives WebGL through SwiftShader (checked on Debian 12). */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const PAGE_TIMEOUT = 90_000;

let workDir: string;
let server: PreviewServer;
let context: BrowserContext;
let baseUrl: string;
let node: WalkthroughResults;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does, or set CHROMIUM_PATH`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  workDir = mkdtempSync(path.join(tmpdir(), 'tfjs-methodology-browser-'));
  const outDir = path.join(workDir, 'dist');
  const configFile = path.join(PAGE_DIR, 'vite.config.ts');
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (address == null || typeof address === 'string') throw new Error(`vite preview is not listening on a TCP port: ${String(address)}`);
  baseUrl = `http://127.0.0.1:${address.port}/`;
  context = await chromium.launchPersistentContext(path.join(workDir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 1400 },
  });
  // The same steps in Node, on the cpu backend: the reference the page must reproduce.
  await tf.setBackend('cpu');
  node = await runWalkthrough();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function openPage(backend: string, on: BrowserContext = context): Promise<{ page: Page; results: PageResults }> {
  const page = await on.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${backend}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${backend}: console.error: ${message.text()}`);
  });
  // 'commit': the page computes for seconds right after it loads; its own __done flag says when it is finished.
  await page.goto(`${baseUrl}?backend=${backend}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__done === true, undefined, { timeout: PAGE_TIMEOUT });
  const error = await page.evaluate(() => window.__error);
  if (error) throw new Error(`the page failed on ${backend}: ${error}`);
  const results = (await page.evaluate(() => window.__results)) as PageResults;
  return { page, results };
}

it('the Node reference run passes its own gradient checks and leaks nothing', () => {
  expect(node.backend).toBe('cpu');
  expect(node.gradcheck.correct.ok).toBe(true);
  expect(node.gradcheck.planted.ok).toBe(false);
  expect(node.leaks).toEqual({ initialisation: 0, gradcheck: 0, training: 0 });
});

it("the Node reference metrics are the library's own results on the seeded rare-event data", () => {
  const c = WALKTHROUGH_CONFIG.metrics;
  const data = rareEvents({ n: c.n, prevalence: c.prevalence, separation: c.separation, numFeatures: c.numFeatures, seed: c.seed });
  const score = Array.from({ length: c.n }, (_, i) => data.x[2 * i] + data.x[2 * i + 1]);
  expect(node.metrics.averagePrecision).toBe(averagePrecision(data.y, score));
  expect(node.metrics.rocAuc).toBe(rocAuc(data.y, score));
  expect(node.metrics.precisionRecall.y).toEqual(Array.from(precisionRecallCurve(data.y, score).precision));
  // 2% of 4000 are positive; the score separates them well but far from perfectly.
  expect(node.metrics.positives).toBe(80);
  expect(node.metrics.alwaysNegativeAccuracy).toBe(0.98);
  expect(node.metrics.averagePrecision).toBeGreaterThan(0.5);
  expect(node.metrics.averagePrecision).toBeLessThan(0.9);
});

for (const backend of ['webgl', 'wasm'] as const) {
  describe(`the demo page on the ${backend} backend`, () => {
    let page: Page;
    let results: PageResults;

    beforeAll(async () => {
      ({ page, results } = await openPage(backend));
    }, PAGE_TIMEOUT + 30_000);

    afterAll(async () => {
      await page?.close();
    });

    it('runs on the backend it was asked for, without falling back, and says so on the page', async () => {
      expect(results.requestedBackend).toBe(backend);
      expect(results.fallbacks).toEqual([]);
      expect(results.backend).toBe(backend);
      expect(results.walkthrough.backend).toBe(backend);
      expect(await page.locator('#backend').textContent()).toContain(`Running on the ${backend} backend`);
      // float32 arithmetic on the device: (1 + 2^-20) - 1 is 0 in float16.
      expect(results.backendInfo.precisionProbe).toBe(2 ** -20);
      if (backend === 'webgl') {
        // Real WebGL 2, rendered by SwiftShader (no GPU on the machine), to float32 textures.
        expect(results.backendInfo.webglVersion).toBe(2);
        expect(String(results.backendInfo.renderer)).toMatch(/SwiftShader/i);
        expect(results.backendInfo.float32Textures).toBe(true);
      } else {
        expect(results.backendInfo.floatPrecision).toBe(32);
      }
    });

    it('computes exactly the metrics Node computes on the same seeded data', () => {
      expect(results.walkthrough.metrics).toEqual(node.metrics);
    });

    it('passes the gradient check of a correct model and fails the one with a planted wrong gradient', () => {
      const g = results.walkthrough.gradcheck;
      expect(g.correct.ok).toBe(true);
      expect(g.correct.failures).toBe(0);
      expect(g.correct.comparisons).toBe(node.gradcheck.correct.comparisons);
      expect(g.planted.ok).toBe(false);
      expect(g.planted.failures).toBeGreaterThan(0);
      expect(g.planted.worst).toBe(g.planted.plantedVariable);
    });

    it('trains the model as Node does, within float32 tolerance', () => {
      const t = results.walkthrough.training;
      expect(t.loss).toHaveLength(node.training.loss.length);
      // Same seeded weights, same batches (no shuffling), Adam's epsilon and the loss independent of the
      // backend: the runs differ by float32 rounding only (~1e-7 seen), far below these bounds.
      t.loss.forEach((loss, i) => expect(Math.abs(loss - node.training.loss[i])).toBeLessThan(1e-4));
      t.testScores.forEach((s, i) => expect(Math.abs(s - node.training.testScores[i])).toBeLessThan(1e-4));
      expect(t.testLabels).toEqual(node.training.testLabels);
      expect(t.testAccuracy).toBeGreaterThan(0.9);
    });

    it("computes Node's activation statistics within float32 tolerance", () => {
      expect(results.walkthrough.activations!.examples).toBe(WALKTHROUGH_CONFIG.activations.batch);
      const web = results.walkthrough.activations!.layers;
      const ref = node.activations!.layers;
      expect(ref.map((l) => l.name)).toEqual(['hidden1', 'hidden2', 'output']);
      expect(web.map((l) => [l.name, l.activation, l.units])).toEqual(ref.map((l) => [l.name, l.activation, l.units]));
      web.forEach((l, k) => {
        const r = ref[k];
        // Values of order 1 reduced in float32 on the device: ~1e-7 apart in practice.
        for (const key of ['mean', 'std', 'min', 'max'] as const) expect(Math.abs(l[key] - r[key])).toBeLessThan(1e-5);
        l.histogram.edges.forEach((e, i) => expect(Math.abs(e - r.histogram.edges[i])).toBeLessThan(1e-5));
        // ReLU zeros are exact on every backend (a pre-activation within rounding of 0 would be a coincidence).
        expect(l.zeroFraction).toBe(r.zeroFraction);
        expect(l.deadUnits).toBe(r.deadUnits);
        expect(l.saturatedFraction).toBe(r.saturatedFraction);
        // A value within rounding of a bin edge may land in the neighbouring bin.
        const total = (c: number[]) => c.reduce((a, b) => a + b, 0);
        expect(total(l.histogram.counts)).toBe(total(r.histogram.counts));
        expect(l.histogram.counts.reduce((a, c, i) => a + Math.abs(c - r.histogram.counts[i]), 0)).toBeLessThanOrEqual(2);
      });
    });

    it("computes Node's gradient norms at initialisation within float32 tolerance", () => {
      const web = results.walkthrough.gradients;
      const ref = node.gradients;
      expect(web.variables.map((v) => [v.name, v.depth, v.status])).toEqual(ref.variables.map((v) => [v.name, v.depth, v.status]));
      expect(ref.variables).toHaveLength(6);
      expect(Math.abs(web.loss - ref.loss)).toBeLessThan(1e-5);
      web.variables.forEach((v, i) => {
        const r = ref.variables[i];
        expect(Math.abs(v.gradientNorm - r.gradientNorm)).toBeLessThanOrEqual(1e-4 * r.gradientNorm);
        expect(Math.abs(v.weightNorm - r.weightNorm)).toBeLessThanOrEqual(1e-5 * r.weightNorm);
      });
      expect(web.trend.direction).toBe(ref.trend.direction);
      expect(Math.abs(web.trend.slope - ref.trend.slope)).toBeLessThan(1e-4);
    });

    it('leaks no tensor in any step or over the whole run', () => {
      expect(results.walkthrough.leaks).toEqual({ initialisation: 0, gradcheck: 0, training: 0 });
      expect(results.tensors.after).toBe(results.tensors.before);
    });

    it("renders the plot module's figures of its results, the same specs as Node's, and is screenshotted as a PNG test artifact", async () => {
      const titles = results.plots.map((f) => f.title);
      expect(titles).toEqual(['Precision-recall curve', 'ROC curve', 'Training loss', 'Activation histograms', 'Dead units', 'Gradient norms']);
      // The curves' specs are built from exactly equal results: exactly equal (loss and activations differ by float32 rounding).
      const reference = walkthroughPlots(node);
      const exact = (f: { title: string }) => f.title.endsWith('curve');
      expect(results.plots.filter(exact)).toEqual(reference.filter(exact));
      // vega-embed drew one SVG per figure, in a container labelled with the spec's description.
      expect(await page.locator('#plots svg').count()).toBe(results.plots.length);
      const figures = page.locator('#plots > .vega-embed');
      expect(await figures.count()).toBe(results.plots.length);
      for (let i = 0; i < results.plots.length; i++) {
        expect(await figures.nth(i).getAttribute('aria-label')).toBe(results.plots[i].spec.description);
      }
      const file = path.join(ARTIFACTS, `demo-${backend}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const png = readFileSync(file);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.length).toBeGreaterThan(10_000);
    });

    it('throws no uncaught error and logs no console error in the page', () => {
      expect(pageErrors.filter((e) => e.startsWith(`${backend}:`))).toEqual([]);
    });
  });
}

describe('the demo page where WebGL is unavailable', () => {
  let noWebgl: BrowserContext;
  let page: Page;
  let results: PageResults;

  beforeAll(async () => {
    noWebgl = await chromium.launchPersistentContext(path.join(workDir, 'profile-no-webgl'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    // Every WebGL context request fails, as on a machine without WebGL; 2-D canvases still work.
    await noWebgl.addInitScript(() => {
      for (const proto of [HTMLCanvasElement.prototype, globalThis.OffscreenCanvas?.prototype]) {
        if (!proto) continue;
        const original = proto.getContext as (this: unknown, kind: string, ...rest: unknown[]) => unknown;
        (proto as { getContext: unknown }).getContext = function (this: unknown, kind: string, ...rest: unknown[]) {
          return /webgl/i.test(kind) ? null : original.call(this, kind, ...rest);
        };
      }
    });
    ({ page, results } = await openPage('webgl', noWebgl));
  }, PAGE_TIMEOUT + 30_000);

  afterAll(async () => {
    await noWebgl?.close();
  });

  it('falls back from WebGL to wasm, says so on the page, and still reproduces the Node metrics', async () => {
    expect(results.requestedBackend).toBe('webgl');
    expect(results.backend).toBe('wasm');
    expect(results.fallbacks.map((f) => f.backend)).toEqual(['webgl']);
    const banner = await page.locator('#backend').textContent();
    expect(banner).toContain('Asked for webgl, running on the wasm backend');
    expect(banner).toContain('Fell back because webgl:');
    expect(results.walkthrough.metrics).toEqual(node.metrics);
    expect(results.walkthrough.gradcheck.correct.ok).toBe(true);
    expect(results.walkthrough.gradcheck.planted.ok).toBe(false);
  });
});
