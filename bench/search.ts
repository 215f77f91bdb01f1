/**
 * Benchmark of the search module's samplers (`npm run bench:search`): Branin
 * (2-D), Hartmann-6 (6-D) and a mixed space (log-float, log-int,
 * categorical), 100 trials per run, 100 seeds (GP: 20), through the real
 * `createStudy`/`optimize`. Prints and records the median best-so-far regret
 * after 10/25/50/100 trials and each sampler's own time per trial (time spent
 * inside the sampler's methods, averaged over trials 91–100), and compares
 * per-seed regrets with Optuna 3.1's samplers, run in the same session by
 * bench/search_optuna.py, with one-sided Mann–Whitney U tests.
 *
 * Environment: SEEDS (default 100), GP_SEEDS (default 20), TRIALS (default
 * 100), ONLY_SAMPLERS (comma-separated names, e.g. "gp"; for quick reruns — the
 * section written to RESULTS.md then holds only those rows), OPTUNA ("cache": use bench/search-optuna.json if present, the default;
 * "rerun": run bench/search_optuna.py again with $PYTHON, default "python3",
 * which needs Optuna 3.1 — e.g. Debian's python3-optuna under /usr/bin/python3; "skip").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalCdf } from '../src/core/normalQuantile';
import { createStudy } from '../src/search/Study';
import { gpSampler } from '../src/search/samplers/gp';
import { randomSampler } from '../src/search/samplers/randomSampler';
import { qmcSampler } from '../src/search/samplers/qmcSampler';
import { tpeSampler } from '../src/search/samplers/tpe';
import type { Trial } from '../src/search/Trial';
import type { Sampler } from '../src/search/types';
import { machineLine, writeResultsSection } from './writeResultsSection';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEEDS = Number(process.env.SEEDS ?? 100);
const GP_SEEDS = Number(process.env.GP_SEEDS ?? 20);
const TRIALS = Number(process.env.TRIALS ?? 100);
const CHECKPOINTS = [10, 25, 50, 100].filter((c) => c <= TRIALS);

const A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]];
const P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991], [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]];
const ALPHA = [1.0, 1.2, 3.0, 3.2];
const OFFSET: Record<string, number> = { relu: 0, gelu: 0.25, tanh: 0.6, sigmoid: 1.2 };

/** Objectives returning the regret (value minus the known minimum); the same as in search_optuna.py. */
const PROBLEMS: Record<string, (t: Trial) => number> = {
  branin: (t) => {
    const x = t.suggestFloat('x', -5, 10), y = t.suggestFloat('y', 0, 15);
    const b = 5.1 / (4 * Math.PI ** 2), c = 5 / Math.PI, s = 1 / (8 * Math.PI);
    return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - s) * Math.cos(x) + 10 - 0.397887357729738;
  },
  hartmann6: (t) => {
    const x = [0, 1, 2, 3, 4, 5].map((i) => t.suggestFloat(`x${i}`, 0, 1));
    let total = 0;
    for (let i = 0; i < 4; i++) {
      let inner = 0;
      for (let j = 0; j < 6; j++) inner += A[i]![j]! * (x[j]! - P[i]![j]! * 1e-4) ** 2;
      total -= ALPHA[i]! * Math.exp(-inner);
    }
    return total + 3.322368011415515;
  },
  mixed: (t) => {
    const lr = t.suggestFloat('lr', 1e-5, 1e-1, { log: true });
    const units = t.suggestInt('units', 1, 1024, { log: true });
    const act = t.suggestCategorical('activation', ['relu', 'gelu', 'tanh', 'sigmoid']) as string;
    return (Math.log10(lr) + 2.5) ** 2 + 0.25 * (Math.log2(units) - 6) ** 2 + OFFSET[act]!;
  },
};

/** Ours: `tpe` is the default; `tpe-independent` and `tpe-scott` are set up as Optuna's default and multivariate TPEs. */
const SAMPLERS: Record<string, { make: (seed: number) => Sampler; seeds: number }> = {
  random: { make: (seed) => randomSampler({ seed }), seeds: SEEDS },
  qmc: { make: (seed) => qmcSampler({ seed }), seeds: SEEDS },
  tpe: { make: (seed) => tpeSampler({ seed }), seeds: SEEDS },
  'tpe-independent': { make: (seed) => tpeSampler({ seed, multivariate: false }), seeds: SEEDS },
  'tpe-scott': { make: (seed) => tpeSampler({ seed, bandwidth: 'scott', jointCategoricals: true }), seeds: SEEDS },
  gp: { make: (seed) => gpSampler({ seed }), seeds: GP_SEEDS },
};

/** Wraps a sampler to add up the time spent in its methods, per trial number. */
function timed(sampler: Sampler, spent: Float64Array): Sampler {
  const wrap = <A extends unknown[], R>(f: ((...a: A) => R) | undefined, trialArg: number) =>
    f &&
    ((...a: A): R => {
      const t0 = performance.now();
      try {
        return f.apply(sampler, a);
      } finally {
        const n = (a[trialArg] as { number: number }).number;
        if (n < spent.length) spent[n]! += performance.now() - t0;
      }
    });
  return {
    inferRelativeSearchSpace: wrap(sampler.inferRelativeSearchSpace, 1)!,
    sampleRelative: wrap(sampler.sampleRelative, 1)!,
    sampleIndependent: wrap(sampler.sampleIndependent, 1)!,
    ...(sampler.beforeTrial ? { beforeTrial: wrap(sampler.beforeTrial, 1) } : {}),
    ...(sampler.afterTrial ? { afterTrial: wrap(sampler.afterTrial, 1) } : {}),
    ...(sampler.isExhausted ? { isExhausted: sampler.isExhausted.bind(sampler) } : {}),
  };
}

interface Runs {
  /** Per seed, best-so-far regret after each checkpoint. */
  at: Record<number, number[]>;
  msPerTrialAt100: number[];
}

async function run(problem: string, sampler: string): Promise<Runs> {
  const { make, seeds } = SAMPLERS[sampler]!;
  const at: Record<number, number[]> = Object.fromEntries(CHECKPOINTS.map((c) => [c, []]));
  const ms: number[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const spent = new Float64Array(TRIALS);
    const study = await createStudy({ sampler: timed(make(seed), spent), name: `${problem}-${sampler}-${seed}` });
    await study.optimize(PROBLEMS[problem]!, { trials: TRIALS });
    let best = Infinity;
    const curve = study.trials.map((t) => (best = Math.min(best, t.value ?? Infinity)));
    for (const c of CHECKPOINTS) at[c]!.push(Math.max(0, curve[c - 1]!));
    const tail = spent.subarray(Math.max(0, TRIALS - 10));
    ms.push(tail.reduce((a, b) => a + b, 0) / tail.length);
  }
  return { at, msPerTrialAt100: ms };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * One-sided Mann–Whitney U test that `a` tends to be larger than `b`
 * (normal approximation with tie correction and continuity correction).
 * Returns U for `a` and the p-value.
 */
export function mannWhitneyGreater(a: readonly number[], b: readonly number[]): { u: number; z: number; p: number } {
  const all = [...a.map((v) => ({ v, g: 0 })), ...b.map((v) => ({ v, g: 1 }))].sort((x, y) => x.v - y.v);
  const ranks = new Float64Array(all.length);
  let tie = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.v === all[i]!.v) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[k] = r;
    const t = j - i + 1;
    tie += t ** 3 - t;
    i = j + 1;
  }
  let ra = 0;
  all.forEach((e, i) => e.g === 0 && (ra += ranks[i]!));
  const n1 = a.length, n2 = b.length, N = n1 + n2;
  const u = ra - (n1 * (n1 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (N + 1 - tie / (N * (N - 1))));
  const z = (u - mu - 0.5) / sigma;
  return { u, z, p: normalCdf(-z) };
}

interface OptunaResults {
  version: string;
  results: Record<string, Runs>;
}

function optunaResults(): OptunaResults | undefined {
  const cache = join(HERE, 'search-optuna.json');
  const mode = process.env.OPTUNA ?? 'cache';
  if (mode === 'skip') return undefined;
  if (mode === 'cache' && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as OptunaResults;
  const raw = JSON.parse(
    execFileSync(process.env.PYTHON ?? 'python3', [join(HERE, 'search_optuna.py'), String(SEEDS), String(TRIALS)], { maxBuffer: 1 << 28, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  ) as { version: string; results: Record<string, { curves: number[][]; msPerTrialAt100: number[] }> };
  const out: OptunaResults = { version: raw.version, results: {} };
  for (const [k, v] of Object.entries(raw.results)) {
    out.results[k] = { at: Object.fromEntries(CHECKPOINTS.map((c) => [c, v.curves.map((curve) => curve[c - 1]!)])), msPerTrialAt100: v.msPerTrialAt100 };
  }
  writeFileSync(cache, JSON.stringify(out));
  return out;
}

const fmt = (x: number) => (x === 0 ? '0' : x < 1e-3 ? x.toExponential(1) : x < 1 ? x.toPrecision(2) : x.toFixed(2));
const fmtP = (p: number) => (p < 1e-12 ? '< 1e-12' : p < 1e-4 ? p.toExponential(0) : p.toFixed(4));

async function main(): Promise<void> {
  const optuna = optunaResults();
  const ours: Record<string, Runs> = {};
  const rows: string[] = [];
  const head = `| problem | sampler | seeds | ${CHECKPOINTS.map((c) => `regret @${c}`).join(' | ')} | sampler ms/trial @${TRIALS} |`;
  rows.push(head, `|${'---|'.repeat(4 + CHECKPOINTS.length)}`);
  for (const problem of Object.keys(PROBLEMS)) {
    for (const sampler of Object.keys(SAMPLERS)) {
      if (process.env.ONLY_SAMPLERS && !process.env.ONLY_SAMPLERS.split(',').includes(sampler)) continue;
      const t0 = performance.now();
      const r = await run(problem, sampler);
      ours[`${problem}/${sampler}`] = r;
      const line = `| ${problem} | ${sampler} | ${r.msPerTrialAt100.length} | ${CHECKPOINTS.map((c) => fmt(median(r.at[c]!))).join(' | ')} | ${median(r.msPerTrialAt100).toFixed(2)} |`;
      rows.push(line);
      process.stderr.write(`${line}  (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
    }
    if (optuna) {
      for (const s of ['random', 'tpe', 'tpe-multivariate']) {
        const r = optuna.results[`${problem}/${s}`];
        if (!r) continue;
        rows.push(`| ${problem} | Optuna ${optuna.version} ${s} | ${r.msPerTrialAt100.length} | ${CHECKPOINTS.map((c) => fmt(median(r.at[c]!))).join(' | ')} | ${median(r.msPerTrialAt100).toFixed(2)} (whole trial) |`);
      }
    }
  }
  const tests: string[] = [];
  if (optuna) {
    tests.push('| problem | ours | vs Optuna | trials | median ours / Optuna | U | p (ours worse) | p (ours better) |', '|---|---|---|---|---|---|---|---|');
    const pairs: [string, string][] = [
      ['random', 'random'],
      ['tpe', 'tpe'],
      ['tpe', 'tpe-multivariate'],
      ['tpe-independent', 'tpe'],
      ['tpe-scott', 'tpe-multivariate'],
      ['gp', 'tpe'],
      ['gp', 'tpe-multivariate'],
    ];
    for (const problem of Object.keys(PROBLEMS)) {
      for (const [mine, theirs] of pairs) {
        const a = ours[`${problem}/${mine}`], b = optuna.results[`${problem}/${theirs}`];
        if (!a || !b) continue;
        for (const c of [50, 100].filter((x) => x <= TRIALS)) {
          const worse = mannWhitneyGreater(a.at[c]!, b.at[c]!);
          const better = mannWhitneyGreater(b.at[c]!, a.at[c]!);
          tests.push(`| ${problem} | ${mine} | ${theirs} | ${c} | ${fmt(median(a.at[c]!))} / ${fmt(median(b.at[c]!))} | ${worse.u} | ${fmtP(worse.p)} | ${fmtP(better.p)} |`);
        }
      }
    }
  }
  // The issue's targets, checked on this run.
  const targets: string[] = [];
  const med = (key: string, c: number) => (ours[key] ? median(ours[key]!.at[c]!) : NaN);
  if (optuna && ours['branin/tpe']) {
    const worse: string[] = [], better: string[] = [];
    for (const problem of Object.keys(PROBLEMS)) {
      for (const c of [50, 100]) {
        const a = ours[`${problem}/tpe`]?.at[c], b = optuna.results[`${problem}/tpe`]?.at[c];
        if (!a || !b) continue;
        if (mannWhitneyGreater(a, b).p < 0.05) worse.push(`${problem}@${c}`);
        if (mannWhitneyGreater(b, a).p < 0.05) better.push(`${problem}@${c}`);
      }
    }
    targets.push(`- TPE not worse than Optuna ${optuna.version}'s TPE at 50 and 100 trials (p < 0.05): ${worse.length ? `NOT MET (worse on ${worse.join(', ')})` : 'met'}; better (p < 0.05) on ${better.join(', ') || 'none'}.`);
  }
  if (ours['branin/gp']) {
    targets.push(`- GP median regret on Branin after 50 trials ≤ 1e-3: ${fmt(med('branin/gp', 50))} (${med('branin/gp', 50) <= 1e-3 ? 'met' : 'NOT MET'}); on Hartmann-6 after 100 trials ≤ 0.01: ${fmt(med('hartmann6/gp', 100))} (${med('hartmann6/gp', 100) <= 0.01 ? 'met' : 'NOT MET'}).`);
    if (optuna) {
      const gpOk = Object.keys(PROBLEMS).map((p) => {
        const bestOptuna = Math.min(median(optuna.results[`${p}/tpe`]!.at[50]!), median(optuna.results[`${p}/tpe-multivariate`]!.at[50]!));
        return `${p} ${fmt(med(`${p}/gp`, 50))} vs ${fmt(bestOptuna)}${med(`${p}/gp`, 50) <= bestOptuna ? '' : ' (NOT MET)'}`;
      });
      targets.push(`- GP at 50 trials no worse than the better of Optuna's two TPEs (medians): ${gpOk.join('; ')}.`);
    }
  }
  const times = (name: string) => Object.keys(PROBLEMS).map((p) => (ours[`${p}/${name}`] ? median(ours[`${p}/${name}`]!.msPerTrialAt100) : NaN));
  if (ours['branin/tpe']) targets.push(`- Sampler time per trial at trial ${TRIALS} (≤ 1 ms TPE, ≤ 100 ms GP): TPE ${times('tpe').map((t) => t.toFixed(2)).join(' / ')} ms, GP ${times('gp').map((t) => t.toFixed(0)).join(' / ')} ms (Branin / Hartmann-6 / mixed); load average at the end ${loadavg().map((l) => l.toFixed(1)).join(', ')} on 2 shared cores.`);
  const md = [
    '## Search: samplers on Branin, Hartmann-6 and a mixed space',
    '',
    `Machine: ${machineLine()}. ${TRIALS} trials per run through \`createStudy\`/\`optimize\` (in-memory storage); ${SEEDS} seeds (GP: ${GP_SEEDS}). Regret = best value so far minus the known minimum (Branin 0.397887, Hartmann-6 −3.32237, mixed 0: \`(log10 lr + 2.5)² + ¼(log2 units − 6)² + offset(activation)\`, lr log-float in [1e-5, 0.1], units log-int in [1, 1024], activation one of relu/gelu/tanh/sigmoid with offsets 0/0.25/0.6/1.2). Sampler time = time spent in the sampler's methods, mean over trials 91–100, median over seeds. Optuna rows: Optuna ${optuna?.version ?? '(not run)'} (Debian python3-optuna) on the same functions, run by \`bench/search_optuna.py\` in the same session (its time is the whole trial, dominated by the sampler).`,
    '',
    ...rows,
    '',
    'Our samplers: `tpe` = `tpeSampler({ seed })` (default: numeric parameters modelled jointly with per-dimension neighbour bandwidths, categoricals one at a time); `tpe-independent` = `tpeSampler({ seed, multivariate: false })` (set up as Optuna\'s default TPE); `tpe-scott` = `tpeSampler({ seed, bandwidth: \'scott\', jointCategoricals: true })` (set up as Optuna\'s multivariate TPE); `gp` = `gpSampler({ seed })`.',
    '',
    'One-sided Mann–Whitney U tests on per-seed regrets (normal approximation with tie and continuity corrections): "p (ours worse)" tests whether our regrets tend to be larger than Optuna\'s; "p (ours better)" the reverse. U is for our sample.',
    '',
    ...tests,
    '',
    'Targets of issue 5, on this run:',
    '',
    ...targets,
  ].join('\n');
  process.stdout.write(`${md}\n`);
  writeResultsSection('search', md);
}

// Run only as a script, so that the rank test can be imported by experiments.
if (process.argv[1]?.endsWith('search.ts')) await main();
