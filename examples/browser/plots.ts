// The walkthrough's figures as Vega-Lite specs, rendered by vega-embed in main.ts.
import type { WalkthroughResults } from './walkthrough';

/** A figure: its title and a Vega-Lite spec. */
export interface Figure {
  readonly title: string;
  readonly spec: object;
}

function lineSpec(title: string, x: number[], y: number[], xTitle: string, yTitle: string): object {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: title,
    title,
    width: 300,
    height: 220,
    data: { values: x.map((xi, i) => ({ x: xi, y: y[i] })) },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xTitle },
      y: { field: 'y', type: 'quantitative', title: yTitle },
    },
  };
}

/** The figures of one walkthrough run. */
export function walkthroughPlots(r: WalkthroughResults): Figure[] {
  const m = r.metrics;
  return [
    { title: 'Precision-recall curve', spec: lineSpec('Precision-recall curve', m.precisionRecall.x, m.precisionRecall.y, 'Recall', 'Precision') },
    { title: 'ROC curve', spec: lineSpec('ROC curve', m.roc.x, m.roc.y, 'False positive rate', 'True positive rate') },
    { title: 'Training loss', spec: lineSpec('Training loss', r.training.loss.map((_, i) => i + 1), r.training.loss, 'Epoch', 'Loss') },
  ];
}
