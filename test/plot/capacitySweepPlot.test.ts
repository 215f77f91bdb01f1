import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { capacitySweepFromErrors } from '../../src/diagnostics/capacitySweep';
import { capacitySweepPlot } from '../../src/plot/capacitySweepPlot';
import { capacitySweepFixture } from './fixtures';
import { ariaFields, markItems, position, render, schemaErrors } from './helpers';

describe('capacitySweepPlot', () => {
  const sweep = capacitySweepFixture();

  it('returns a Vega-Lite v6 spec that the schema accepts, naming the best capacity, the threshold and the peak', () => {
    const spec = capacitySweepPlot(sweep, { capacityName: 'Hidden units' });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe(
      'Capacity sweep over 6 capacities (double-descent): best capacity 1024 with validation error 0.15; interpolation threshold at 64; double-descent peak at 64.',
    );
    expect(JSON.stringify(spec)).toContain('Hidden units (log scale)');
  });

  it('draws the errors at their capacities, the peak on the validation curve and the rules at the best capacity and the threshold', async () => {
    const { doc } = await render(capacitySweepPlot(sweep));
    const points = markItems(doc, 'errorPoints').filter((i) => i.tag === 'path');
    expect(points).toHaveLength(12);
    const byKey = new Map(points.map((p) => [`${ariaFields(p).series}@${ariaFields(p)['Capacity (log scale)']}`, position(p)]));
    // log x: 4 → 1024 is 8 octaves; equal ratios give equal steps
    const [x4] = byKey.get('validation error@4')!;
    const [x16] = byKey.get('validation error@16')!;
    const [x64, y64] = byKey.get('validation error@64')!;
    const [x256] = byKey.get('validation error@256')!;
    expect(Math.abs(x16 - x4 - (x64 - x16))).toBeLessThan(1);
    expect(Math.abs(x256 - x64 - (x64 - x16))).toBeLessThan(1);
    const peak = markItems(doc, 'peak').find((i) => i.tag === 'path')!;
    expect(Math.abs(position(peak)[0] - x64)).toBeLessThan(1);
    expect(Math.abs(position(peak)[1] - y64)).toBeLessThan(1);
    // y = 0 for the training error at the interpolation threshold, 0.4 at the peak: y is linear from 0
    const [, yTrain64] = byKey.get('training error@64')!;
    const [, y16] = byKey.get('validation error@16')!; // 0.22
    expect(Math.abs(yTrain64 - y64 - (0.4 / 0.22) * (yTrain64 - y16))).toBeLessThan(1);
    const best = markItems(doc, 'best').find((i) => i.tag === 'line')!;
    expect(Math.abs(position(best)[0] - byKey.get('validation error@1024')![0])).toBeLessThan(1);
    const threshold = markItems(doc, 'interpolation').find((i) => i.tag === 'line')!;
    expect(Math.abs(position(threshold)[0] - x64)).toBeLessThan(1);
  });

  it('plots a real capacitySweepFromErrors result with its peak and best capacity', async () => {
    const real = capacitySweepFromErrors([10, 20, 40, 80, 160, 320], [0.3, 0.15, 0, 0, 0, 0], [0.35, 0.3, 0.6, 0.28, 0.22, 0.2]);
    expect(real.shape).toBe('double-descent');
    const spec = capacitySweepPlot(real);
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toContain('double-descent peak at 40');
    const { doc } = await render(spec);
    const points = markItems(doc, 'errorPoints').filter((i) => i.tag === 'path');
    const val40 = points.find((p) => ariaFields(p).series === 'validation error' && ariaFields(p)['Capacity (log scale)'] === '40')!;
    const peak = markItems(doc, 'peak').find((i) => i.tag === 'path')!;
    expect(position(peak)[0]).toBeCloseTo(position(val40)[0], 0);
    expect(position(peak)[1]).toBeCloseTo(position(val40)[1], 0);
    const best = markItems(doc, 'best').find((i) => i.tag === 'line')!;
    const val320 = points.find((p) => ariaFields(p).series === 'validation error' && ariaFields(p)['Capacity (log scale)'] === '320')!;
    expect(position(best)[0]).toBeCloseTo(position(val320)[0], 0);
  });

  it('uses a linear axis for a narrow range and leaves out what the sweep did not find', () => {
    const flat = { ...sweep, capacities: Float64Array.from([1, 2, 3, 4, 5, 6]), peak: undefined, interpolationThreshold: undefined, shape: 'u-shape' as const };
    const spec = capacitySweepPlot(flat);
    expect(spec.layer.map((l) => (l as { name: string }).name)).toEqual(['best', 'errors', 'errorPoints']);
    expect(JSON.stringify(spec)).not.toContain('"log"');
  });

  it('throws InvalidOptionError for a non-finite capacity or a log axis over 0', () => {
    expect(() => capacitySweepPlot({ ...sweep, capacities: Float64Array.from([NaN, 1, 2, 3, 4, 5]) })).toThrow(InvalidOptionError);
    expect(() => capacitySweepPlot({ ...sweep, capacities: Float64Array.from([0, 1, 2, 3, 4, 5]) }, { logX: true })).toThrow(InvalidOptionError);
  });
});
