import * as tf from '@tensorflow/tfjs-core';
import { geometry, padded, tap, unpadded, untap } from './windows';

/** What a kernel function receives. @internal */
interface KernelArgs {
  inputs: Record<string, tf.TensorInfo>;
  attrs?: Record<string, unknown>;
}

function tensor(info: tf.TensorInfo): tf.Tensor {
  return info instanceof tf.Tensor ? info : tf.engine().makeTensorFromTensorInfo(info);
}

const toNHWC = (t: tf.Tensor4D, format: unknown) => (format === 'NCHW' ? tf.transpose(t, [0, 2, 3, 1]) : t);

/**
 * Conv2DBackpropFilter from strided slices and matrix products:
 * dW[kh, kw] = tap(x, kh, kw)ᵀ · dy over all batch and output positions.
 * @internal
 */
export function conv2DBackpropFilter({ inputs, attrs = {} }: KernelArgs): tf.Tensor {
  return tf.tidy(() => {
    const x = toNHWC(tensor(inputs.x) as tf.Tensor4D, attrs.dataFormat);
    const dy = toNHWC(tensor(inputs.dy) as tf.Tensor4D, attrs.dataFormat);
    const filterShape = attrs.filterShape as [number, number, number, number];
    const info = tf.backend_util.computeConv2DInfo(
      x.shape,
      filterShape,
      attrs.strides as [number, number] | number,
      1,
      attrs.pad as 'same' | 'valid' | number,
      attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
    );
    const g = geometry(info);
    const n = g.batch * g.outHeight * g.outWidth;
    const xp = padded(x, g);
    const dy2 = tf.reshape(dy, [n, filterShape[3]]);
    const taps: tf.Tensor[] = [];
    for (let kh = 0; kh < g.filterHeight; kh++) {
      for (let kw = 0; kw < g.filterWidth; kw++) {
        taps.push(tf.matMul(tf.reshape(tap(xp, g, kh, kw), [n, filterShape[2]]), dy2, true, false));
      }
    }
    return tf.reshape(tf.stack(taps), filterShape);
  });
}

function depthwiseInfo(inputShape: number[], filterShape: number[], attrs: Record<string, unknown>) {
  return geometry(
    tf.backend_util.computeConv2DInfo(
      inputShape as [number, number, number, number],
      filterShape as [number, number, number, number],
      attrs.strides as [number, number] | number,
      (attrs.dilations as [number, number] | number | undefined) ?? 1,
      attrs.pad as 'same' | 'valid' | number,
      attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
      true,
    ),
  );
}

/**
 * DepthwiseConv2dNativeBackpropFilter: dW[kh, kw, c, m] = Σ_{b,i,j} tap(x)[b,i,j,c]·dy[b,i,j,c·M + m].
 * @internal
 */
export function depthwiseConv2dNativeBackpropFilter({ inputs, attrs = {} }: KernelArgs): tf.Tensor {
  return tf.tidy(() => {
    const x = tensor(inputs.x) as tf.Tensor4D;
    const dy = tensor(inputs.dy) as tf.Tensor4D;
    const filterShape = attrs.filterShape as [number, number, number, number];
    const g = depthwiseInfo(x.shape, filterShape, attrs);
    const [, , c, m] = filterShape;
    const dy5 = tf.reshape(dy, [g.batch, g.outHeight, g.outWidth, c, m]);
    const xp = padded(x, g);
    const taps: tf.Tensor[] = [];
    for (let kh = 0; kh < g.filterHeight; kh++) {
      for (let kw = 0; kw < g.filterWidth; kw++) {
        taps.push(tf.sum(tf.mul(tf.expandDims(tap(xp, g, kh, kw), 4), dy5), [0, 1, 2]));
      }
    }
    return tf.reshape(tf.stack(taps), filterShape);
  });
}

/**
 * DepthwiseConv2dNativeBackpropInput: dx = Σ_{kh,kw} untap(Σ_m dy[..., c·M + m]·W[kh, kw, c, m]).
 * @internal
 */
export function depthwiseConv2dNativeBackpropInput({ inputs, attrs = {} }: KernelArgs): tf.Tensor {
  return tf.tidy(() => {
    const dy = tensor(inputs.dy) as tf.Tensor4D;
    const filter = tensor(inputs.filter) as tf.Tensor4D;
    const inputShape = attrs.inputShape as [number, number, number, number];
    const g = depthwiseInfo(inputShape, filter.shape, attrs);
    const [, , c, m] = filter.shape;
    const dy5 = tf.reshape(dy, [g.batch, g.outHeight, g.outWidth, c, m]);
    let sum: tf.Tensor4D | null = null;
    for (let kh = 0; kh < g.filterHeight; kh++) {
      for (let kw = 0; kw < g.filterWidth; kw++) {
        const w = tf.reshape(tf.slice(filter, [kh, kw, 0, 0], [1, 1, c, m]), [c, m]);
        const part = untap(tf.sum(tf.mul(dy5, w), 4) as tf.Tensor4D, g, kh, kw);
        sum = sum === null ? part : (tf.add(sum, part) as tf.Tensor4D);
      }
    }
    return unpadded(sum!, g);
  });
}

/**
 * MaxPoolGrad: dy goes to the first maximum of each window (row-major, as the
 * cpu backend does), also where the window's maximum is negative: the input is
 * padded with −∞, and each window position is matched against the pooled output.
 * @internal
 */
export function maxPoolGrad({ inputs, attrs = {} }: KernelArgs): tf.Tensor {
  return tf.tidy(() => {
    const dy = tensor(inputs.dy) as tf.Tensor4D;
    const x = tensor(inputs.input) as tf.Tensor4D;
    const out = tensor(inputs.output) as tf.Tensor4D;
    const g = geometry(
      tf.backend_util.computePool2DInfo(
        x.shape,
        attrs.filterSize as [number, number] | number,
        attrs.strides as [number, number] | number,
        1,
        attrs.pad as 'same' | 'valid' | number,
        attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
      ),
    );
    const xp = padded(x, g, -Infinity);
    let taken: tf.Tensor = tf.zerosLike(dy);
    let sum: tf.Tensor4D | null = null;
    for (let kh = 0; kh < g.filterHeight; kh++) {
      for (let kw = 0; kw < g.filterWidth; kw++) {
        const hit = tf.cast(tf.equal(tap(xp, g, kh, kw), out), 'float32');
        const first = tf.mul(hit, tf.sub(1, taken));
        taken = tf.add(taken, first);
        const part = untap(tf.mul(dy, first) as tf.Tensor4D, g, kh, kw);
        sum = sum === null ? part : (tf.add(sum, part) as tf.Tensor4D);
      }
    }
    return unpadded(sum!, g);
  });
}
