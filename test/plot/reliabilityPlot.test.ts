import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { createRng } from '../../src/core/random';
import { expectedCalibrationError } from '../../src/selective/expectedCalibrationError';
import { reliabilityDiagram } from '../../src/selective/reliabilityDiagram';
import { reliabilityPlot } from '../../src/plot/reliabilityPlot';
import { ariaFields, lineVertices, linear, markItems, position, rectOf, render, schemaErrors } from './helpers';

const x = linear([0, 1], [0, 400]);
const y = linear([0, 1], [400, 0]);

describe('reliabilityPlot', () => {
  const diagram = reliabilityDiagram([1, 0, 1, 1], [0.9, 0.8, 0.3, 0.2], { bins: 2 });

  it('returns a Vega-Lite v6 spec that the schema accepts', () => {
    const spec = reliabilityPlot(diagram, { ece: 0.1 });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe(
      'Reliability diagram of 2 non-empty bins (4 examples) with expected calibration error 0.1 against the diagonal of perfect calibration.',
    );
  });

  it('draws one bar per bin spanning its edges up to its accuracy, and dots at mean confidence sized by count', async () => {
    const { doc } = await render(reliabilityPlot(diagram));
    const bars = markItems(doc, 'bars').filter((i) => i.tag === 'path');
    expect(bars).toHaveLength(2);
    bars.forEach((b, i) => {
      const [x0, y0, x1, y1] = rectOf(b);
      expect(Math.abs(x0 - x(diagram.lower[i]))).toBeLessThan(1);
      expect(Math.abs(x1 - x(diagram.upper[i]))).toBeLessThan(1);
      expect(Math.abs(y0 - y(diagram.accuracy[i]))).toBeLessThan(1);
      expect(Math.abs(y1 - y(0))).toBeLessThan(1);
    });
    const dots = markItems(doc, 'dots').filter((i) => i.tag === 'path');
    dots.forEach((d, i) => {
      const [px, py] = position(d);
      expect(Math.abs(px - x(diagram.confidence[i]))).toBeLessThan(1);
      expect(Math.abs(py - y(diagram.accuracy[i]))).toBeLessThan(1);
      expect(ariaFields(d).examples).toBe('2');
    });
    expect(lineVertices(doc, 'diagonal')).toEqual([[x(0), y(0)], [x(1), y(1)]]);
  });

  it('leaves empty bins out and sizes the dots by count on a seeded over-confident model', async () => {
    const rng = createRng(5);
    const n = 3000;
    const correct = new Uint8Array(n);
    const conf = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      conf[i] = 0.55 + 0.45 * rng() ** 0.5;
      correct[i] = rng() < conf[i] - 0.15 ? 1 : 0; // over-confident by 0.15
    }
    const d = reliabilityDiagram(correct, conf, { bins: 10 });
    const nonEmpty = [...d.count].filter((c) => c > 0).length;
    expect(nonEmpty).toBeLessThan(10);
    const spec = reliabilityPlot(d, { ece: expectedCalibrationError(correct, conf, { bins: 10 }) });
    const { doc } = await render(spec);
    const bars = markItems(doc, 'bars').filter((i) => i.tag === 'path');
    expect(bars).toHaveLength(nonEmpty);
    // every bar top lies below the diagonal at the bin's mean confidence (over-confidence)
    const dots = markItems(doc, 'dots').filter((i) => i.tag === 'path');
    for (const dot of dots) {
      const [px, py] = position(dot);
      expect(py).toBeGreaterThan(400 - px); // below y = x in pixels (y axis points down)
    }
    // the dot of the fullest bin is the biggest: symbol radius grows with count
    const radius = (p: (typeof dots)[number]) => Number(/^M([\d.]+),0A/.exec(p.attrs.d)![1]);
    const counts = dots.map((p) => Number(ariaFields(p).examples));
    const biggest = counts.indexOf(Math.max(...counts));
    expect(radius(dots[biggest])).toBe(Math.max(...dots.map(radius)));
  });

  it('throws InvalidOptionError for a negative count or arrays of different lengths', () => {
    expect(() => reliabilityPlot({ ...diagram, count: Float64Array.from([2, -1]) })).toThrow(
      new InvalidOptionError('reliabilityPlot: count[1] is -1, expected a finite number >= 0'),
    );
    expect(() => reliabilityPlot({ ...diagram, accuracy: diagram.accuracy.subarray(1) })).toThrow(InvalidOptionError);
  });
});
