import * as tf from '@tensorflow/tfjs-core';

/** The geometry of a 2-D window operation (convolution or pooling), NHWC. @internal */
export interface WindowGeometry {
  batch: number;
  channels: number;
  inHeight: number;
  inWidth: number;
  outHeight: number;
  outWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  filterHeight: number;
  filterWidth: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Reads the geometry from tfjs's `Conv2DInfo` (also what `computePool2DInfo` returns). @internal */
export function geometry(info: tf.backend_util.Conv2DInfo): WindowGeometry {
  return {
    batch: info.batchSize,
    channels: info.inChannels,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight,
    dilationWidth: info.dilationWidth,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    top: info.padInfo.top,
    bottom: Math.max(0, info.padInfo.bottom),
    left: info.padInfo.left,
    right: Math.max(0, info.padInfo.right),
  };
}

/** The input padded as the window operation pads it (with `value`). @internal */
export function padded(x: tf.Tensor4D, g: WindowGeometry, value = 0): tf.Tensor4D {
  if (g.top === 0 && g.bottom === 0 && g.left === 0 && g.right === 0) return x;
  return tf.pad(x, [[0, 0], [g.top, g.bottom], [g.left, g.right], [0, 0]], value);
}

/**
 * The input values the filter tap (kh, kw) sees at every output position:
 * xPadded[b, kh·dH + i·sH, kw·dW + j·sW, c], shape [B, outH, outW, C].
 * @internal
 */
export function tap(xPadded: tf.Tensor4D, g: WindowGeometry, kh: number, kw: number): tf.Tensor4D {
  const r0 = kh * g.dilationHeight;
  const c0 = kw * g.dilationWidth;
  return tf.stridedSlice(
    xPadded,
    [0, r0, c0, 0],
    [xPadded.shape[0], r0 + (g.outHeight - 1) * g.strideHeight + 1, c0 + (g.outWidth - 1) * g.strideWidth + 1, xPadded.shape[3]],
    [1, g.strideHeight, g.strideWidth, 1],
  ) as tf.Tensor4D;
}

/**
 * The adjoint of {@link tap}: values at the output positions [B, outH, outW, C]
 * placed where tap (kh, kw) read them, in a zero tensor of the padded input's
 * size [B, H + top + bottom, W + left + right, C].
 * @internal
 */
export function untap(values: tf.Tensor4D, g: WindowGeometry, kh: number, kw: number): tf.Tensor4D {
  const [b, oh, ow, c] = values.shape;
  let spread: tf.Tensor4D = values;
  if (g.strideHeight > 1 || g.strideWidth > 1) {
    // Interleave stride − 1 zeros after every row and column.
    const six = tf.reshape(values, [b, oh, 1, ow, 1, c]);
    const holes = tf.pad(six, [[0, 0], [0, 0], [0, g.strideHeight - 1], [0, 0], [0, g.strideWidth - 1], [0, 0]]);
    spread = tf.reshape(holes, [b, oh * g.strideHeight, ow * g.strideWidth, c]);
  }
  const height = g.inHeight + g.top + g.bottom;
  const width = g.inWidth + g.left + g.right;
  const r0 = kh * g.dilationHeight;
  const c0 = kw * g.dilationWidth;
  // Keep only the rows and columns that fit (the trailing ones are interleaved zeros).
  const rows = Math.min(spread.shape[1], height - r0);
  const cols = Math.min(spread.shape[2], width - c0);
  if (rows < spread.shape[1] || cols < spread.shape[2]) spread = tf.slice(spread, [0, 0, 0, 0], [b, rows, cols, c]);
  return tf.pad(spread, [[0, 0], [r0, height - r0 - rows], [c0, width - c0 - cols], [0, 0]]);
}

/** Removes the padding added by {@link padded}. @internal */
export function unpadded(xPadded: tf.Tensor4D, g: WindowGeometry): tf.Tensor4D {
  if (g.top === 0 && g.bottom === 0 && g.left === 0 && g.right === 0) return xPadded;
  return tf.slice(xPadded, [0, g.top, g.left, 0], [xPadded.shape[0], g.inHeight, g.inWidth, xPadded.shape[3]]);
}
