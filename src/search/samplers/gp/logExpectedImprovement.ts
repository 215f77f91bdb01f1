// Internal: the logarithm of expected improvement, computed without underflow.
import { normalCdf } from '../../../core/normalQuantile';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log h(z) and d log h / dz for h(z) = φ(z) + zΦ(z), the expected improvement
 * of a standard normal over −z. For z ≥ −10 directly (Φ is accurate to ~1e-16
 * relative in the lower tail); below, by the asymptotic series
 * h(z) = φ(z)/t² · (1 − 3/t² + 15/t⁴ − 105/t⁶ + …), t = −z, whose first
 * omitted term is below 1e-6 relative there (Ament et al. 2023 use the same
 * idea, with erfcx).
 */
export function logH(z: number): { value: number; slope: number } {
  if (z >= -10) {
    const phi = Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
    const Phi = normalCdf(z);
    const h = phi + z * Phi;
    return { value: Math.log(h), slope: Phi / h };
  }
  const t = -z, t2 = t * t;
  const series = 1 - 3 / t2 + 15 / (t2 * t2) - 105 / (t2 * t2 * t2);
  return { value: -0.5 * z * z - LOG_SQRT_2PI - 2 * Math.log(t) + Math.log(series), slope: t + 2 / t };
}

/**
 * log EI(x) for minimisation, EI = E[max(f* − f(x), 0)] = σ h((f* − μ)/σ),
 * and, with gradients of μ and σ, its gradient: ∇ log EI = ∇σ/σ + (log h)'(z)·∇z,
 * ∇z = (−∇μ − z∇σ)/σ.
 */
export function logExpectedImprovement(mean: number, std: number, best: number, gradMean?: Float64Array, gradStd?: Float64Array, grad?: Float64Array): number {
  const z = (best - mean) / std;
  const { value, slope } = logH(z);
  if (grad && gradMean && gradStd) {
    for (let i = 0; i < grad.length; i++) {
      grad[i] = gradStd[i]! / std + (slope * (-gradMean[i]! - z * gradStd[i]!)) / std;
    }
  }
  return Math.log(std) + value;
}
