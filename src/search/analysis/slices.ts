import type { Distribution, ParamValue, StudyView } from '../types';

/** The data of one parameter's slice plot: objective value against the parameter. */
export interface ParameterSlice {
  readonly name: string;
  /** The distribution of the parameter in the latest trial that used it. */
  readonly distribution: Distribution;
  /** Draw the x axis in log scale (a log distribution). */
  readonly log: boolean;
  /** Numbers of the complete trials that have the parameter. */
  readonly numbers: Float64Array;
  /** The parameter's value in each of them; for a categorical parameter, the index of the value in `categories`. */
  readonly x: Float64Array;
  /** For a categorical parameter, the values `x` indexes (the latest choices, then values only earlier trials had); `undefined` otherwise. */
  readonly categories: readonly ParamValue[] | undefined;
  /** The objective value of each of them. */
  readonly objective: Float64Array;
}

/** Options of {@link slices}. */
export interface SlicesOptions {
  /** The parameters to slice, in this order. Defaults to every parameter, in order of first appearance. */
  readonly params?: readonly string[];
}

/**
 * For each parameter, its value and the objective value in every complete
 * trial that used it — the data of Optuna's `plot_slice`: a cloud whose
 * shape shows where the good values of one hyperparameter lie (and a flat
 * cloud, one that does not matter).
 *
 * @param study - A study (or any {@link StudyView}).
 * @param options - `params`.
 * @returns One {@link ParameterSlice} per parameter.
 * @example
 * slices(study, { params: ['lr'] })[0].log;
 * // => true (lr was suggested with log: true)
 */
export function slices(study: StudyView, options: SlicesOptions = {}): ParameterSlice[] {
  const complete = study.getTrials({ states: ['complete'] });
  const names: string[] = [];
  const latest = new Map<string, Distribution>();
  for (const t of complete) {
    for (const [k, d] of Object.entries(t.distributions)) {
      if (!latest.has(k)) names.push(k);
      latest.set(k, d);
    }
  }
  const wanted = options.params ?? names;
  return wanted.filter((k) => latest.has(k)).map((name) => {
    const d = latest.get(name)!;
    const rows = complete.filter((t) => name in t.params);
    let categories: ParamValue[] | undefined;
    if (d.type === 'categorical') {
      categories = [...d.choices];
      for (const t of rows) if (!categories.includes(t.params[name]!)) categories.push(t.params[name]!);
    }
    const x = Float64Array.from(rows, (t) => (categories ? categories.indexOf(t.params[name]!) : (t.params[name] as number)));
    return {
      name,
      distribution: d,
      log: d.type !== 'categorical' && d.log,
      numbers: Float64Array.from(rows, (t) => t.number),
      x,
      categories,
      objective: Float64Array.from(rows, (t) => t.value!),
    };
  });
}
