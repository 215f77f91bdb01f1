// The walkthrough's figures as Vega-Lite specs, from the plot module
// (tfjs-methodology/plot), rendered by vega-embed in main.ts. The specs are
// plain JSON, so the test can compare the page's with Node's.
import { activationHistogramsPlot, deadUnitsPlot, gradientNormsPlot, precisionRecallPlot, rocPlot, type VegaLiteSpec } from 'tfjs-methodology/plot';
import { activationStatsFromJson } from './activations';
import type { WalkthroughResults } from './walkthrough';

/** A figure: its title and a Vega-Lite spec. */
export interface Figure {
  readonly title: string;
  readonly spec: VegaLiteSpec;
}

const f64 = (values: readonly number[]): Float64Array => Float64Array.from(values);

/**
 * The training loss per epoch. The plot module has no figure for a training
 * history (its learning curve is error against training-set size), so this
 * one small spec is written here.
 */
function lossSpec(loss: readonly number[]): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Training loss (binary cross-entropy) over ${loss.length} epochs, from ${loss[0].toFixed(3)} to ${loss[loss.length - 1].toFixed(3)}.`,
    title: 'Training loss',
    width: 300,
    height: 220,
    data: { values: loss.map((value, i) => ({ epoch: i + 1, loss: value })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'Epoch', axis: { tickMinStep: 1 } },
      y: { field: 'loss', type: 'quantitative', title: 'Loss (binary cross-entropy)' },
    },
  };
}

/** The figures of one walkthrough run. */
export function walkthroughPlots(r: WalkthroughResults): Figure[] {
  const m = r.metrics;
  const best = m.bestF1;
  const figures: Figure[] = [
    {
      title: 'Precision-recall curve',
      spec: precisionRecallPlot(
        { recall: f64(m.precisionRecall.x), precision: f64(m.precisionRecall.y), thresholds: f64(m.precisionRecall.thresholds) },
        {
          title: 'Precision-recall curve (rare event, 2% positives)',
          averagePrecision: m.averagePrecision,
          operatingPoint: { recall: best.recall, precision: best.precision, threshold: best.threshold, label: 'best F1' },
        },
      ),
    },
    {
      title: 'ROC curve',
      spec: rocPlot({ fpr: f64(m.roc.x), tpr: f64(m.roc.y), thresholds: f64(m.roc.thresholds) }, { title: 'ROC curve (rare event)', auc: m.rocAuc }),
    },
    { title: 'Training loss', spec: lossSpec(r.training.loss) },
  ];
  const stats = activationStatsFromJson(r.activations);
  figures.push(
    { title: 'Activation histograms', spec: activationHistogramsPlot(stats, { title: 'Activations at initialisation', columns: 3 }) },
    { title: 'Dead units', spec: deadUnitsPlot(stats, { title: 'Dead units at initialisation' }) },
    { title: 'Gradient norms', spec: gradientNormsPlot(r.gradients, { title: 'Gradient norms at initialisation' }) },
  );
  return figures;
}
