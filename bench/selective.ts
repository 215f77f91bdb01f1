/**
 * Benchmark of the risk–coverage family: `riskCoverageCurve` and `aurc` at
 * 10^6 and 10^7 examples, as a ratio to `Float64Array.prototype.sort` of the
 * same confidences measured in the same run (target: at most 1.2×).
 *
 * Run alone with `npx tsx bench/selective.ts` (writes its section of
 * bench/RESULTS.md), or through `npm run bench`.
 */
import { pathToFileURL } from 'node:url';
import { createRng } from '../src/core/random';
import { aurc } from '../src/selective/aurc';
import { riskCoverageCurve } from '../src/selective/riskCoverageCurve';
import { machineLine, writeResultsSection } from './writeResultsSection';

/** One measured row: median milliseconds, the sort's median, and the median per-repeat ratio. */
export interface SelectiveBenchRow {
  n: number;
  input: 'correctness' | 'loss';
  fn: string;
  ms: number;
  sortMs: number;
  ratio: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f: () => unknown, repeats: number): number {
  const t: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/**
 * Times the functions on 80 % correct predictions whose confidence is
 * informative (wrong answers skew low), and on real-valued losses.
 */
export async function benchSelective(
  sizes: number[] = [1e6, 1e7],
): Promise<{ rows: SelectiveBenchRow[]; markdown: string }> {
  const rows: SelectiveBenchRow[] = [];
  for (const n of sizes) {
    const rng = createRng(n);
    const conf = new Float64Array(n);
    const correct = new Uint8Array(n);
    const loss = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const right = rng() < 0.8;
      correct[i] = right ? 1 : 0;
      conf[i] = right ? Math.sqrt(rng()) : rng();
      loss[i] = right ? 0 : rng() * 3;
    }
    const repeats = n >= 1e7 ? 5 : 9;
    // Warm-up, so that every function is optimised before it is timed.
    const small = 1000;
    for (let w = 0; w < 5; w++) {
      riskCoverageCurve(correct.subarray(0, small), conf.subarray(0, small));
      aurc(correct.subarray(0, small), conf.subarray(0, small));
      aurc(loss.subarray(0, small), conf.subarray(0, small), { input: 'loss' });
      Float64Array.from(conf.subarray(0, small)).sort();
    }
    // Interleaved: each repeat times the sort and then every function, and
    // the ratio is taken within the repeat, so that load from other
    // processes on a shared machine hits reference and function alike.
    const fns: [string, 'correctness' | 'loss', () => unknown][] = [
      ['riskCoverageCurve', 'correctness', () => riskCoverageCurve(correct, conf)],
      ['aurc', 'correctness', () => aurc(correct, conf)],
      ['riskCoverageCurve', 'loss', () => riskCoverageCurve(loss, conf, { input: 'loss' })],
      ['aurc', 'loss', () => aurc(loss, conf, { input: 'loss' })],
    ];
    const sortTimes: number[] = [];
    const times = fns.map(() => [] as number[]);
    const ratios = fns.map(() => [] as number[]);
    for (let r = 0; r < repeats; r++) {
      const ts = time(() => Float64Array.from(conf).sort(), 1);
      sortTimes.push(ts);
      fns.forEach(([, , f], k) => {
        const t = time(f, 1);
        times[k].push(t);
        ratios[k].push(t / ts);
      });
    }
    fns.forEach(([fn, input], k) => {
      rows.push({ n, input, fn, ms: median(times[k]), sortMs: median(sortTimes), ratio: median(ratios[k]) });
    });
  }
  const lines = [
    '## Selective: risk–coverage family',
    '',
    `Machine: ${machineLine()}.`,
    '',
    'Medians of 5 (10^7) or 9 (10^6) interleaved repeats; the ratio is the median of per-repeat ratios to',
    '`Float64Array.prototype.sort` of a copy of the same confidences, timed in the same repeat. Data: 80 %',
    'correct, confidence informative; the `loss` rows use real-valued losses (radix argsort path). Target:',
    'at most 1.2× the sort.',
    '',
    '| n | input | function | ms | sort ms | ratio |',
    '|---:|---|---|---:|---:|---:|',
    ...rows.map(
      (r) => `| ${r.n.toExponential(0)} | ${r.input} | ${r.fn} | ${r.ms.toFixed(1)} | ${r.sortMs.toFixed(1)} | ${r.ratio.toFixed(2)}× |`,
    ),
  ];
  return { rows, markdown: lines.join('\n') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { markdown } = await benchSelective();
  writeResultsSection('selective', markdown);
  process.stdout.write(markdown + '\n');
}
