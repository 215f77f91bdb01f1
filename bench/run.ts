// npm run bench: times averagePrecision, rocAuc, precisionRecallCurve and the
// binned BinaryScoreAccumulator against Float64Array.prototype.sort of the
// same scores, measured interleaved in the same run, and writes the "ranking"
// section of bench/RESULTS.md; then runs the other modules' benchmarks that
// plug in here (bench/selective.ts, bench/diagnostics.ts), each writing its own section.
// BENCH_ONLY=ranking skips the others; BENCH_SIZES=1e5,1e6 and BENCH_SKLEARN=0
// shorten the ranking run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { averagePrecision, precisionRecallCurve, rocAuc } from '../src/metrics/index';
import { makeProblem, median, memoryPerExample, time, type Problem } from './ranking';
import { writeResultsSection } from './writeResultsSection';

const here = fileURLToPath(new URL('.', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '1e5,1e6,1e7').split(',').map(Number);
const PREVALENCES = [0.01, 0.5];

type Fn = (p: Problem) => unknown;
interface Case {
  name: string;
  run: Fn;
  /** Target ratio to the sort at 10^7 by prevalence, if any. */
  target?: (prevalence: number) => number;
}

const cases: Case[] = [
  { name: 'averagePrecision', run: (p) => averagePrecision(p.labels, p.scores), target: (q) => (q <= 0.01 ? 0.5 : 1.0) },
  { name: 'rocAuc', run: (p) => rocAuc(p.labels, p.scores), target: (q) => (q <= 0.01 ? 0.5 : 1.0) },
  { name: 'precisionRecallCurve', run: (p) => precisionRecallCurve(p.labels, p.scores), target: () => 1.2 },
  // Not in the issue's targets: the same with sample weights (0.5, 1.5, 2.5, 3.5 in turn).
  { name: 'averagePrecision (weighted)', run: (p) => averagePrecision(p.labels, p.scores, { sampleWeight: p.weights }) },
  { name: 'precisionRecallCurve (weighted)', run: (p) => precisionRecallCurve(p.labels, p.scores, { sampleWeight: p.weights }) },
];

async function addAccumulator(): Promise<string> {
  if (!existsSync(join(here, '../src/metrics/BinaryScoreAccumulator.ts'))) return 'not benchmarked: src/metrics/BinaryScoreAccumulator.ts does not exist';
  const mod = (await import('../src/metrics/BinaryScoreAccumulator')) as {
    BinaryScoreAccumulator: new (o: { thresholds: number }) => { update(y: unknown, s: unknown): unknown; averagePrecision(): number };
  };
  cases.push({
    name: 'BinaryScoreAccumulator (1000 bins) update + averagePrecision',
    run: (p) => new mod.BinaryScoreAccumulator({ thresholds: 1000 }).update(p.labels, p.scores) && undefined,
    target: () => 0.1,
  });
  // The accumulator's AP is read after update; time both.
  cases[cases.length - 1].run = (p) => {
    const acc = new mod.BinaryScoreAccumulator({ thresholds: 1000 });
    acc.update(p.labels, p.scores);
    return acc.averagePrecision();
  };
  return 'benchmarked';
}

interface Row {
  n: number;
  prevalence: number;
  runs: number;
  sortMs: number;
  ms: Record<string, number>;
  memory: Record<string, { arrayBuffers: number; rss: number }>;
  sklearn?: Record<string, number>;
}

function sklearnTimes(p: Problem, runs: number): Record<string, number> | undefined {
  const py = '/usr/bin/python3';
  if (process.env.BENCH_SKLEARN === '0' || !existsSync(py)) return undefined;
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-'));
  try {
    writeFileSync(join(dir, 'y.bin'), p.labels);
    writeFileSync(join(dir, 's.bin'), new Uint8Array(p.scores.buffer, p.scores.byteOffset, p.scores.byteLength));
    const script = `
import json, sys, time
import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve
y = np.fromfile(sys.argv[1], dtype=np.uint8).astype(np.int64)
s = np.fromfile(sys.argv[2], dtype=np.float64)
out = {k: [] for k in ('sort', 'averagePrecision', 'rocAuc', 'precisionRecallCurve')}
for _ in range(int(sys.argv[3])):
    c = s.copy(); t = time.perf_counter(); c.sort(); out['sort'].append(time.perf_counter() - t)
    t = time.perf_counter(); average_precision_score(y, s); out['averagePrecision'].append(time.perf_counter() - t)
    t = time.perf_counter(); roc_auc_score(y, s); out['rocAuc'].append(time.perf_counter() - t)
    t = time.perf_counter(); precision_recall_curve(y, s); out['precisionRecallCurve'].append(time.perf_counter() - t)
print(json.dumps({k: 1000 * float(np.median(v)) for k, v in out.items()}))
`;
    const res = execFileSync(py, ['-c', script, join(dir, 'y.bin'), join(dir, 's.bin'), String(runs)], { encoding: 'utf8' });
    return JSON.parse(res) as Record<string, number>;
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sklearnVersion(): string | undefined {
  try {
    return execFileSync('/usr/bin/python3', ['-c', 'import sklearn, numpy; print(sklearn.__version__, numpy.__version__)'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return undefined;
  }
}

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const exp10 = (n: number) => `10^${Math.round(Math.log10(n))}`;

const loadAtStart = os.loadavg();

async function main(): Promise<void> {
  const accNote = await addAccumulator();
  const rows: Row[] = [];
  for (const n of SIZES) {
    for (const prevalence of PREVALENCES) {
      const p = makeProblem(n, prevalence);
      const runs = n >= 1e7 ? 5 : n >= 1e6 ? 7 : 15;
      const sortT: number[] = [];
      const t: Record<string, number[]> = Object.fromEntries(cases.map((c) => [c.name, []]));
      // Warm-up (JIT) on a small slice, then interleave every case with the
      // reference sort in each run so that machine load hits them alike.
      const warm: Problem = {
        ...p,
        n: Math.min(n, 1e5),
        labels: p.labels.subarray(0, 1e5),
        scores: p.scores.subarray(0, 1e5),
        weights: p.weights.subarray(0, 1e5),
      };
      for (const c of cases) c.run(warm);
      for (let r = 0; r < runs; r++) {
        const copy = p.scores.slice();
        sortT.push(time(() => copy.sort()));
        for (const c of cases) t[c.name].push(time(() => c.run(p)));
      }
      const memory: Row['memory'] = {};
      for (const c of cases) memory[c.name] = memoryPerExample(n, () => c.run(p));
      const row: Row = { n, prevalence, runs, sortMs: median(sortT), ms: {}, memory };
      for (const c of cases) row.ms[c.name] = median(t[c.name]);
      row.sklearn = sklearnTimes(p, n >= 1e7 ? 3 : 5);
      rows.push(row);
      const line = cases.map((c) => `${c.name.replace(/ \(1000 bins\).*/, '')} ${fmt(row.ms[c.name])} ms (${fmt(row.ms[c.name] / row.sortMs, 2)}x)`).join(', ');
      process.stdout.write(`n=${exp10(n)} positives=${prevalence * 100}%: sort ${fmt(row.sortMs)} ms; ${line}\n`);
    }
  }
  const md = report(rows, accNote);
  writeResultsSection('ranking', md);
  process.stdout.write('\n' + md + '\n');
  if (process.env.BENCH_ONLY !== 'ranking' && existsSync(join(here, 'selective.ts'))) {
    const { benchSelective } = (await import('./selective')) as {
      benchSelective: () => Promise<{ markdown: string }>;
    };
    const { markdown } = await benchSelective();
    writeResultsSection('selective', markdown);
    process.stdout.write('\n' + markdown + '\n');
  }
  if (process.env.BENCH_ONLY !== 'ranking' && existsSync(join(here, 'diagnostics.ts'))) {
    const { benchDiagnostics } = (await import('./diagnostics')) as {
      benchDiagnostics: () => Promise<{ markdown: string }>;
    };
    const { markdown } = await benchDiagnostics();
    writeResultsSection('diagnostics', markdown);
    process.stdout.write('\n' + markdown + '\n');
  }
}

function report(rows: Row[], accNote: string): string {
  const cpu = os.cpus();
  const lines: string[] = [];
  lines.push('## Ranking metrics: averagePrecision, rocAuc, precisionRecallCurve, binned accumulator', '');
  lines.push('Written by `npm run bench` (`bench/run.ts`, section "ranking"). Do not edit by hand.', '');
  lines.push(`- Date: ${new Date().toISOString()}`);
  lines.push(`- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`);
  lines.push(`- Node ${process.version} (V8 ${process.versions.v8}); load average (1, 5, 15 min) at the start: ${loadAtStart.map((x) => x.toFixed(2)).join(', ')}, at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(', ')} (the 2 cores are shared: a load above 2 means other processes competed for them, which slows the sort and the metrics alike but not exactly in proportion)`);
  const skv = sklearnVersion();
  lines.push(`- scikit-learn/numpy side by side: ${skv ? `scikit-learn ${skv.split(' ')[0]}, numpy ${skv.split(' ')[1]}` : 'skipped (no /usr/bin/python3 with scikit-learn, or BENCH_SKLEARN=0)'}`);
  lines.push(`- Binned accumulator: ${accNote}`);
  lines.push('');
  lines.push('Data: seeded (`seedrandom`), score = logistic(z + 1.5·y), z standard normal, continuous scores (few ties). ');
  lines.push('Inputs are a `Uint8Array` of labels and a `Float64Array` of scores (validation included in every timing); the weighted rows add a `Float64Array` of weights. ');
  lines.push('Reference: `Float64Array.prototype.sort` of a copy of the same scores (copy not timed), timed interleaved with the metrics in each run; ');
  lines.push('every figure is the median over the runs; ratio = metric time / sort time in the same run set.');
  lines.push('');
  lines.push('### Times and ratios to the sort', '');
  lines.push('| n | positives | runs | sort (ms) | function | ms | ratio | target at 10^7 | result |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    for (const c of cases) {
      const ms = r.ms[c.name];
      const ratio = ms / r.sortMs;
      const target = c.target?.(r.prevalence);
      const result = r.n >= 1e7 && target !== undefined ? (ratio <= target ? 'PASS' : 'MISS') : '';
      lines.push(`| ${exp10(r.n)} | ${r.prevalence * 100}% | ${r.runs} | ${fmt(r.sortMs)} | ${c.name} | ${fmt(ms)} | ${fmt(ratio, 3)} | ${target !== undefined ? `≤ ${target}` : '(none)'} | ${result} |`);
    }
  }
  lines.push('');
  lines.push('### Memory', '');
  lines.push('Typed-array bytes per example allocated by one call and still uncollected when it returns, after a full GC just before it ');
  lines.push('(`process.memoryUsage().arrayBuffers` delta; the result is included). This is the call\'s peak typed-array memory unless V8 ');
  lines.push('collected garbage during the call (which could only make the figure lower than the peak). RSS delta for reference (noisy). Target: peak extra ≤ 40 bytes per example.');
  lines.push('');
  lines.push('| n | positives | function | arrayBuffers B/example | RSS B/example |');
  lines.push('|---|---|---|---|---|');
  for (const r of rows) {
    for (const c of cases) {
      const m = r.memory[c.name];
      lines.push(`| ${exp10(r.n)} | ${r.prevalence * 100}% | ${c.name} | ${fmt(m.arrayBuffers, 1)} | ${fmt(m.rss, 1)} |`);
    }
  }
  if (rows.some((r) => r.sklearn)) {
    lines.push('', '### scikit-learn side by side (same data, same machine, median ms)', '');
    lines.push('| n | positives | numpy sort | average_precision_score | roc_auc_score | precision_recall_curve | ours: AP / AUC / PR curve |');
    lines.push('|---|---|---|---|---|---|---|');
    for (const r of rows) {
      if (!r.sklearn) continue;
      const s = r.sklearn;
      lines.push(`| ${exp10(r.n)} | ${r.prevalence * 100}% | ${fmt(s.sort)} | ${fmt(s.averagePrecision)} | ${fmt(s.rocAuc)} | ${fmt(s.precisionRecallCurve)} | ${fmt(r.ms.averagePrecision)} / ${fmt(r.ms.rocAuc)} / ${fmt(r.ms.precisionRecallCurve)} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
  process.exitCode = 1;
});
