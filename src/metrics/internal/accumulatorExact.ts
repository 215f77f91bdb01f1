// Exact-mode state of BinaryScoreAccumulator: every example kept in growable
// typed arrays (labels as 0/1 bytes, scores and, once any batch is weighted,
// weights as float64), in arrival order.

/** The examples kept so far, as views of the live buffers (read-only for callers). */
export interface ExactView {
  labels: Uint8Array;
  scores: Float64Array;
  weights: Float64Array | undefined;
}

export class ExactState {
  private labels = new Uint8Array(0);
  private scores = new Float64Array(0);
  private weights: Float64Array | undefined;
  length = 0;

  /** Makes room for `extra` more examples (doubling, so n appends cost O(n)). */
  private reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.scores.length) return;
    const cap = Math.max(need, 2 * this.scores.length, 1024);
    const labels = new Uint8Array(cap);
    labels.set(this.labels.subarray(0, this.length));
    const scores = new Float64Array(cap);
    scores.set(this.scores.subarray(0, this.length));
    this.labels = labels;
    this.scores = scores;
    if (this.weights) {
      const w = new Float64Array(cap);
      w.set(this.weights.subarray(0, this.length));
      this.weights = w;
    }
  }

  /** Switches to weighted storage: every example kept so far weighs 1. */
  private ensureWeights(): Float64Array {
    if (!this.weights) {
      this.weights = new Float64Array(this.scores.length);
      this.weights.fill(1, 0, this.length);
    }
    return this.weights;
  }

  /** Appends validated examples (scores finite; -0 stored as +0 so that JSON round-trips exactly). */
  append(labels: Uint8Array, scores: Float64Array, weights: Float64Array | undefined): void {
    const n = labels.length;
    this.reserve(n);
    const at = this.length;
    this.labels.set(labels, at);
    const s = this.scores;
    for (let i = 0; i < n; i++) s[at + i] = scores[i] + 0;
    if (weights) this.ensureWeights().set(weights, at);
    else if (this.weights) this.weights.fill(1, at, at + n);
    this.length += n;
  }

  /** The examples kept so far. */
  view(): ExactView {
    const n = this.length;
    return {
      labels: this.labels.subarray(0, n),
      scores: this.scores.subarray(0, n),
      weights: this.weights ? this.weights.subarray(0, n) : undefined,
    };
  }

  reset(): void {
    this.labels = new Uint8Array(0);
    this.scores = new Float64Array(0);
    this.weights = undefined;
    this.length = 0;
  }
}
