/**
 * Gradient checks: "if you implemented the derivatives, compare them with
 * numerical derivatives" (Goodfellow et al. 2016, §11.5).
 *
 * A custom layer — swish with a learnable slope β, with a hand-written
 * gradient — carries a subtle slip: ∂y/∂β uses x where x² belongs. Nothing
 * in the forward pass shows it; the model trains, a little worse.
 * `checkModelGradients` compares every trainable variable's gradient with
 * finite differences (in float32, with tolerances chosen for it) and names
 * the variable and the elements that are wrong. The same check as a unit
 * test, with the vitest matcher, is examples/gradient-check.test.ts.
 *
 *   npx tsx examples/gradient-check.ts [--quick]
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { checkModelGradients, formatGradientReport, gradientNorms } from 'tfjs-methodology/gradcheck';
import { LearnableSwish } from './lib/learnableSwish';
import { QUICK, heading, line, sized, useCpuBackend } from './lib/run';

await useCpuBackend();
console.log(`Gradient check: a custom layer with a subtly wrong gradient${QUICK ? ' (quick mode)' : ''}`);

function model(buggy: boolean): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 6, inputShape: [4], kernelInitializer: tfl.initializers.glorotNormal({ seed: 1 }), name: 'dense1' }),
      new LearnableSwish({ buggy, name: 'swish' }),
      tfl.layers.dense({ units: 1, kernelInitializer: tfl.initializers.glorotNormal({ seed: 2 }), name: 'dense2' }),
    ],
  });
}

const batch = sized(16, 8);
const x = tf.randomNormal([batch, 4], 0, 1, 'float32', 3);
const y = tf.randomNormal([batch, 1], 0, 1, 'float32', 4);

heading('1. The layer as written');
const buggy = model(true);
const report = checkModelGradients(buggy, x, y, { loss: 'meanSquaredError' });
line('gradient check', report.ok ? 'passed' : `FAILED: ${report.failures} of ${report.comparisons} comparisons out of tolerance`);
for (const [name, v] of Object.entries(report.variables)) {
  line(`  ${name}`, `${v.failures === 0 ? 'ok ' : 'BAD'}  max relative error ${v.maxRelError.toExponential(2)}`);
}
console.log('\n  The report, as assertGradients / the matcher would print it:\n');
console.log(formatGradientReport(report, 4).split('\n').map((l) => `    ${l}`).join('\n'));
console.log('\n  Only swish/beta is wrong: the gradient flowing to the dense layers (through ∂y/∂x) is right, so');
console.log('  the bug is in ∂y/∂β. Its ratio to the true gradient varies element by element (x instead of x²).');

heading('2. Fixed: x² in ∂y/∂β');
const fixed = model(false);
const after = checkModelGradients(fixed, x, y, { loss: 'meanSquaredError' });
line('gradient check', after.ok ? `passed (${after.comparisons} comparisons, ${after.evaluations} evaluations, backend ${after.backend})` : 'FAILED');
const norms = gradientNorms(fixed, x, y, { loss: 'meanSquaredError' });
line('global gradient norm', norms.globalNorm.toExponential(3));

buggy.dispose();
fixed.dispose();
tf.dispose([x, y]);
if (report.ok || !after.ok) {
  console.error('unexpected: the planted bug should fail the check and the fix should pass it');
  process.exitCode = 1;
}
