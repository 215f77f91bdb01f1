// Invariances every figure shares: a plain JSON Vega-Lite v6 spec with a
// description, the title and size options honoured, the input left as it was.
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { precisionRecallCurve } from '../../src/metrics/precisionRecallCurve';
import { rocCurve } from '../../src/metrics/rocCurve';
import * as plot from '../../src/plot/index';
import type { VegaLiteSpec } from '../../src/plot/types';
import { reliabilityDiagram } from '../../src/selective/reliabilityDiagram';
import { riskCoverageCurve } from '../../src/selective/riskCoverageCurve';
import { activationStatsFixture, capacitySweepFixture, gradientStatsFixture, learningCurveFixture } from './fixtures';

const lrResult = {
  learningRates: Float64Array.from([1e-4, 1e-3, 1e-2, 1e-1, 1]),
  losses: Float64Array.from([1, 0.9, 0.5, 0.8, 3]),
  smoothedLosses: Float64Array.from([1, 0.95, 0.8, 0.8, 1.2]),
  steepest: 1e-2,
  valley: 1e-3,
  minimum: 1e-3,
  diverged: true,
};

/** Every figure: its name, a fresh input, and the call. */
const figures: [string, () => unknown, (input: never, options: plot.PlotOptions) => VegaLiteSpec][] = [
  ['precisionRecallPlot', () => precisionRecallCurve([0, 0, 1, 1, 0], [0.1, 0.4, 0.35, 0.8, 0.5]), plot.precisionRecallPlot],
  ['rocPlot', () => rocCurve([0, 0, 1, 1, 0], [0.1, 0.4, 0.35, 0.8, 0.5]), plot.rocPlot],
  ['riskCoveragePlot', () => riskCoverageCurve([1, 0, 1, 1], [0.9, 0.8, 0.7, 0.6]), plot.riskCoveragePlot],
  ['reliabilityPlot', () => reliabilityDiagram([1, 0, 1, 1], [0.9, 0.8, 0.3, 0.2], { bins: 4 }), plot.reliabilityPlot],
  ['learningRatePlot', () => ({ ...lrResult, learningRates: lrResult.learningRates.slice(), losses: lrResult.losses.slice(), smoothedLosses: lrResult.smoothedLosses.slice() }), plot.learningRatePlot],
  ['learningCurvePlot', learningCurveFixture, plot.learningCurvePlot],
  ['capacitySweepPlot', capacitySweepFixture, plot.capacitySweepPlot],
  ['optimizationHistoryPlot', () => ({ direction: 'maximize', numbers: Float64Array.from([0, 1, 2]), values: Float64Array.from([1, 3, 2]), bestSoFar: Float64Array.from([1, 3, 3]) }), plot.optimizationHistoryPlot],
  ['parameterImportancePlot', () => ({ a: 0.6, b: 0.4 }), plot.parameterImportancePlot],
  ['activationHistogramsPlot', activationStatsFixture, plot.activationHistogramsPlot],
  ['deadUnitsPlot', activationStatsFixture, plot.deadUnitsPlot],
  ['gradientNormsPlot', gradientStatsFixture, plot.gradientNormsPlot],
];

/** A deep copy of the numbers of an input, to compare after the call. */
function snapshot(v: unknown): string {
  return JSON.stringify(v, (_, x) => (ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>) : x));
}

describe.each(figures)('%s', (name, make, fn) => {
  it('returns plain JSON with the Vega-Lite v6 $schema, a title and a description', () => {
    const spec = fn(make() as never, {});
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(typeof spec.title).toBe('string');
    expect(spec.description.length).toBeGreaterThan(20);
    expect(JSON.stringify(spec)).not.toMatch(/NaN|Infinity/);
  });

  it('takes the title, the size and the description from the options', () => {
    const spec = fn(make() as never, { title: 'T', width: 123, height: 45, description: 'D' });
    expect(spec.title).toBe('T');
    expect(spec.description).toBe('D');
    const sized = (spec.spec as { width?: number; height?: number } | undefined) ?? spec;
    expect([sized.width, sized.height]).toEqual([123, 45]);
  });

  it('leaves its input unchanged and gives the same spec twice', () => {
    const input = make();
    const before = snapshot(input);
    const a = fn(input as never, {});
    const b = fn(input as never, {});
    expect(snapshot(input)).toBe(before);
    expect(a).toEqual(b);
  });

  it('draws a result read back from JSON (typed arrays as arrays, NaN and Infinity as null) like the result itself', () => {
    const input = make();
    const fromJson = JSON.parse(snapshot(input));
    expect(fn(fromJson as never, {})).toEqual(fn(input as never, {}));
  });

  it(`throws InvalidOptionError naming ${name} for a width of 0`, () => {
    expect(() => fn(make() as never, { width: 0 })).toThrow(InvalidOptionError);
    expect(() => fn(make() as never, { width: 0 })).toThrow(`${name}: width is 0, expected a finite number > 0`);
  });
});

describe('the plot module', () => {
  it('exports a function for every figure of the issue', () => {
    for (const [name] of figures) expect(typeof (plot as Record<string, unknown>)[name]).toBe('function');
    expect(typeof plot.renderSvg).toBe('function');
    expect(typeof plot.downsampleCurve).toBe('function');
  });
});
