/**
 * Multinomial logistic regression over sparse vectors, trained with mini-batch Adam
 * ("lazy" Adam: only the rows a batch touches are updated, L2 applied to those rows).
 * Weights are laid out feature-major: W[f * K + k].
 */
import type { SparseVector } from './features.js'
import { makeRng } from './rng.js'

export interface LogRegWeights {
  classes: number
  dim: number
  W: Float32Array
  b: Float32Array
}

export interface TrainOptions {
  epochs: number
  batchSize: number
  learningRate: number
  l2: number
  /** Per-class weight on the loss (for imbalanced classes). */
  classWeights?: Float64Array
  seed: number
  /** Return the mean of the weights at the end of each epoch from this one (0-based) on; smooths the last epochs' noise. */
  averageFrom?: number
  /** Called after each epoch with the mean training loss. */
  onEpoch?: (epoch: number, loss: number, model: LogRegWeights) => void
}

/** Raw class scores (logits) of one vector. */
export function logits(m: LogRegWeights, x: SparseVector, out = new Float64Array(m.classes)): Float64Array {
  const K = m.classes
  for (let k = 0; k < K; k++) out[k] = m.b[k]!
  for (let j = 0; j < x.idx.length; j++) {
    const base = x.idx[j]! * K
    const v = x.val[j]!
    for (let k = 0; k < K; k++) out[k] = out[k]! + m.W[base + k]! * v
  }
  return out
}

/** In-place softmax of logits divided by a temperature. */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity
  for (let k = 0; k < z.length; k++) max = Math.max(max, z[k]! / temperature)
  let sum = 0
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp(z[k]! / temperature - max)
    z[k] = e
    sum += e
  }
  for (let k = 0; k < z.length; k++) z[k] = z[k]! / sum
  return z
}

export function trainLogReg(X: readonly SparseVector[], y: ArrayLike<number>, K: number, D: number, opts: TrainOptions): LogRegWeights {
  const W = new Float32Array(D * K)
  const b = new Float32Array(K)
  const mW = new Float64Array(D * K)
  const vW = new Float64Array(D * K)
  const tW = new Int32Array(D) // Adam step count per feature row
  const mB = new Float64Array(K)
  const vB = new Float64Array(K)
  const beta1 = 0.9
  const beta2 = 0.999
  const eps = 1e-8
  const rng = makeRng(opts.seed)
  const order = Array.from({ length: X.length }, (_, i) => i)
  const model: LogRegWeights = { classes: K, dim: D, W, b }
  const z = new Float64Array(K)
  const gB = new Float64Array(K)
  const G = new Float64Array(D * K) // gradient scratch, cleared row by row after use
  const touched = new Int32Array(D)
  const mark = new Uint8Array(D)
  let step = 0
  let avgW: Float64Array | undefined
  let avgB: Float64Array | undefined
  let nAvg = 0
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    rng.shuffle(order)
    let lossSum = 0
    let weightSum = 0
    for (let start = 0; start < order.length; start += opts.batchSize) {
      const end = Math.min(order.length, start + opts.batchSize)
      let nt = 0
      gB.fill(0)
      let bw = 0
      for (let n = start; n < end; n++) {
        const i = order[n]!
        const x = X[i]!
        const yi = y[i]!
        const cw = opts.classWeights ? opts.classWeights[yi]! : 1
        logits(model, x, z)
        softmax(z)
        lossSum -= cw * Math.log(Math.max(z[yi]!, 1e-12))
        weightSum += cw
        bw += cw
        z[yi] = z[yi]! - 1
        for (let k = 0; k < K; k++) gB[k] = gB[k]! + cw * z[k]!
        for (let j = 0; j < x.idx.length; j++) {
          const f = x.idx[j]!
          const v = x.val[j]! * cw
          if (!mark[f]) {
            mark[f] = 1
            touched[nt++] = f
          }
          const base = f * K
          for (let k = 0; k < K; k++) G[base + k] = G[base + k]! + z[k]! * v
        }
      }
      step++
      const lr = opts.learningRate
      const inv = 1 / Math.max(bw, 1e-9)
      for (let k = 0; k < K; k++) {
        const g = gB[k]! * inv
        mB[k] = beta1 * mB[k]! + (1 - beta1) * g
        vB[k] = beta2 * vB[k]! + (1 - beta2) * g * g
        const mh = mB[k]! / (1 - Math.pow(beta1, step))
        const vh = vB[k]! / (1 - Math.pow(beta2, step))
        b[k] = b[k]! - (lr * mh) / (Math.sqrt(vh) + eps)
      }
      for (let q = 0; q < nt; q++) {
        const f = touched[q]!
        mark[f] = 0
        const t = ++tW[f]!
        const c1 = 1 - Math.pow(beta1, t)
        const c2 = 1 - Math.pow(beta2, t)
        const base = f * K
        for (let k = 0; k < K; k++) {
          const w = W[base + k]!
          const gk = G[base + k]! * inv + opts.l2 * w
          G[base + k] = 0
          const m1 = beta1 * mW[base + k]! + (1 - beta1) * gk
          const v1 = beta2 * vW[base + k]! + (1 - beta2) * gk * gk
          mW[base + k] = m1
          vW[base + k] = v1
          W[base + k] = w - (lr * (m1 / c1)) / (Math.sqrt(v1 / c2) + eps)
        }
      }
    }
    opts.onEpoch?.(epoch, lossSum / Math.max(weightSum, 1e-9), model)
    if (opts.averageFrom !== undefined && epoch >= opts.averageFrom) {
      avgW ??= new Float64Array(D * K)
      avgB ??= new Float64Array(K)
      for (let i = 0; i < W.length; i++) avgW[i] = avgW[i]! + W[i]!
      for (let k = 0; k < K; k++) avgB[k] = avgB[k]! + b[k]!
      nAvg++
    }
  }
  if (avgW && avgB && nAvg > 1) {
    return { classes: K, dim: D, W: Float32Array.from(avgW, (x) => x / nAvg), b: Float32Array.from(avgB, (x) => x / nAvg) }
  }
  return model
}
