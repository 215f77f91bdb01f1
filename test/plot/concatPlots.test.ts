import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { concatPlots } from '../../src/plot/concatPlots';
import { activationHistogramsPlot } from '../../src/plot/activationHistogramsPlot';
import { reliabilityPlot } from '../../src/plot/reliabilityPlot';
import { reliabilityDiagram } from '../../src/selective/reliabilityDiagram';
import { activationStatsFixture } from './fixtures';
import { markItems, position, rectOf, render, schemaErrors } from './helpers';

describe('concatPlots', () => {
  const before = reliabilityPlot(reliabilityDiagram([1, 0, 1, 1], [0.9, 0.8, 0.3, 0.2], { bins: 2 }), { title: 'Before', width: 200, height: 200 });
  const after = reliabilityPlot(reliabilityDiagram([1, 0, 1, 1], [0.7, 0.6, 0.4, 0.45], { bins: 2 }), { title: 'After', width: 200, height: 200 });

  it('returns one Vega-Lite v6 spec that the schema accepts, the figures without their own $schema', () => {
    const spec = concatPlots([before, after], { title: 'Temperature scaling' });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.concat).toHaveLength(2);
    expect(spec.concat.every((c) => !('$schema' in c))).toBe(true);
    expect(spec.description).toBe(`${before.description} ${after.description}`);
    expect(schemaErrors(concatPlots([before, activationHistogramsPlot(activationStatsFixture())], { columns: 1 }))).toEqual([]);
  });

  it('renders both figures side by side, each with its own scales', async () => {
    const { doc, svg } = await render(concatPlots([before, after]));
    const bars = markItems(doc, 'bars').filter((i) => i.tag === 'path');
    expect(bars).toHaveLength(4);
    // the second figure's bars start to the right of the first's
    const boxes = bars.map(rectOf);
    expect(boxes[2][0]).toBeGreaterThan(boxes[1][2]);
    // each bar still spans its bin within its own 200-px plot: widths equal
    for (const b of boxes) expect(b[2] - b[0]).toBeCloseTo(100, 0);
    const dots = markItems(doc, 'dots').filter((i) => i.tag === 'path');
    expect(position(dots[2])[0] - position(dots[0])[0]).toBeGreaterThan(200);
    expect(svg).toContain('>Before</text>');
    expect(svg).toContain('>After</text>');
  });

  it('throws InvalidOptionError for no figure, a non-object or a figure with a config', () => {
    expect(() => concatPlots([])).toThrow(InvalidOptionError);
    expect(() => concatPlots([null as never])).toThrow('concatPlots: specs[0] is not a Vega-Lite spec object');
    expect(() => concatPlots([{ ...before, config: {} }])).toThrow(InvalidOptionError);
    expect(() => concatPlots([before], { columns: 0 })).toThrow(InvalidOptionError);
  });
});
