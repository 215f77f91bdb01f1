import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { deadUnitsPlot } from '../../src/plot/deadUnitsPlot';
import { activationStatsFixture } from './fixtures';
import { ariaFields, markItems, rectOf, render, schemaErrors } from './helpers';

describe('deadUnitsPlot', () => {
  const stats = activationStatsFixture();

  it('returns a Vega-Lite v6 spec that the schema accepts', () => {
    const spec = deadUnitsPlot(stats);
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe('Dead units in 3 layers over 64 examples: dense_1 8 of 32 (25%).');
  });

  it('draws one bar per layer in forward order, as high as its dead fraction on a 0–1 axis, labelled dead/units', async () => {
    const { doc, svg } = await render(deadUnitsPlot(stats, { height: 200 }));
    const bars = markItems(doc, 'bars').filter((i) => i.tag === 'path');
    expect(bars.map((b) => ariaFields(b).layer)).toEqual(['dense_1', 'dense_2', 'output']);
    const boxes = bars.map(rectOf);
    expect(boxes[0][3] - boxes[0][1]).toBeCloseTo(0.25 * 200, 0);
    expect(boxes[1][3] - boxes[1][1]).toBeCloseTo(0, 0);
    expect(boxes[0][0]).toBeLessThan(boxes[1][0]);
    expect(boxes[1][0]).toBeLessThan(boxes[2][0]);
    expect(svg).toContain('>8/32</text>');
  });

  it('throws InvalidOptionError without layers or with a dead fraction outside [0, 1]', () => {
    expect(() => deadUnitsPlot({ examples: 1, layers: [] })).toThrow(InvalidOptionError);
    expect(() => deadUnitsPlot({ ...stats, layers: [{ ...stats.layers[0], deadFraction: NaN }] })).toThrow(
      new InvalidOptionError('deadUnitsPlot: layers[0].deadFraction is NaN, expected a number in [0, 1]'),
    );
  });
});
