/** Plain reference implementations for tests: slow, obvious, no ties logic. */

/** All permutations of [0..n). */
export function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) {
    for (let at = 0; at <= p.length; at++) out.push([...p.slice(0, at), n - 1, ...p.slice(at)]);
  }
  return out;
}

/** Losses ordered by decreasing confidence, ties in the given index order. */
export function orderedLosses(losses: number[], confidence: number[], order: number[]): number[] {
  const idx = [...order].sort((a, b) => confidence[b] - confidence[a] || order.indexOf(a) - order.indexOf(b));
  return idx.map((i) => losses[i]);
}

/** (1/n) Σ r_k and (1/n) Σ e_k / n for one fixed order. */
export function areasOfOrder(sorted: number[]): { aurc: number; augrc: number } {
  const n = sorted.length;
  let e = 0;
  let a = 0;
  let g = 0;
  for (let k = 1; k <= n; k++) {
    e += sorted[k - 1];
    a += e / k;
    g += e / n;
  }
  return { aurc: a / n, augrc: g / n };
}

/** The areas averaged over every order of the examples (so over every order within ties). */
export function expectedAreas(losses: number[], confidence: number[]): { aurc: number; augrc: number; optimal: number } {
  const perms = permutations(losses.length);
  let a = 0;
  let g = 0;
  for (const p of perms) {
    const r = areasOfOrder(orderedLosses(losses, confidence, p));
    a += r.aurc;
    g += r.augrc;
  }
  const optimal = areasOfOrder([...losses].sort((x, y) => x - y)).aurc;
  return { aurc: a / perms.length, augrc: g / perms.length, optimal };
}
