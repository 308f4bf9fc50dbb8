/**
 * A multinomial logistic-regression (softmax) classifier over the features of text.ts, trained with seeded
 * stochastic gradient descent. Feature values are sublinear term frequencies weighted by inverse document
 * frequency and L2-normalised. The model is a plain JSON value (a tenant's retrained model can be stored as
 * jsonb); weights are rounded and tiny ones pruned when training ends, so a JSON round trip classifies
 * exactly like the model train() returned.
 */
import { reportFeatureCounts } from './text.ts';

export interface TrainingExample {
  category: string;
  text: string;
  title?: string;
}

export interface TrainOptions {
  /** Passes over the training set (default 10). */
  epochs?: number;
  /** Initial learning rate (default 1). */
  learningRate?: number;
  /** L2 regularisation per example (default 1e-4). */
  l2?: number;
  /** Seed of the example order (default 1). */
  seed?: number;
  /** Weights whose magnitude is below this are dropped from the model (default 0.03). */
  prune?: number;
  /**
   * How much a word or word-bigram feature counts against one character n-gram (default 1). A word yields
   * about a dozen n-grams, so without this the n-grams dominate the vector.
   */
  wordWeight?: number;
}

export interface TriageModel {
  kind: 'piazza-triage-softmax';
  version: 1;
  /** Category codes, in the order of the weight columns. */
  classes: string[];
  /** Feature names ("w:buc", "c:<bu"…), in the order of idf and weights. */
  features: string[];
  /** Inverse document frequency of every feature (times wordWeight for word features). */
  idf: number[];
  /** Per feature, a flat list of [class index, weight, class index, weight, …] with the non-negligible weights. */
  weights: number[][];
  bias: number[];
  /** What the model was trained on, for the record. */
  trainedOn: { examples: number; perClass: Record<string, number>; options: Required<TrainOptions> };
}

export interface Prediction {
  code: string;
  confidence: number;
}

/** Gradients smaller than this are skipped during training (a large saving once classes separate). */
const SKIP_GRADIENT = 1e-4;

const DEFAULTS: Required<TrainOptions> = { epochs: 10, learningRate: 1, l2: 1e-4, seed: 1, prune: 0.03, wordWeight: 1 };

/** mulberry32: a small seeded PRNG, so training is deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

/** The weighted, L2-normalised vector of a text, over known features only. */
function vectorise(counts: Map<string, number>, featureIndex: Map<string, number>, idf: ArrayLike<number>): SparseVector {
  const idx: number[] = [];
  const val: number[] = [];
  let norm = 0;
  for (const [f, tf] of counts) {
    const i = featureIndex.get(f);
    if (i === undefined) continue;
    const v = (1 + Math.log(tf)) * (idf[i] ?? 0);
    idx.push(i);
    val.push(v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  return { index: Int32Array.from(idx), value: Float64Array.from(val, (v) => v / norm) };
}

function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const e = Math.exp((scores[k] ?? 0) - max);
    scores[k] = e;
    sum += e;
  }
  for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) / sum;
}

/** Trains a model on examples; every category present in the examples becomes a class. */
export function train(examples: readonly TrainingExample[], options: TrainOptions = {}): TriageModel {
  const opts: Required<TrainOptions> = { ...DEFAULTS, ...options };
  if (examples.length === 0) throw new Error('train() needs at least one example');

  const classes: string[] = [];
  const classIndex = new Map<string, number>();
  const perClass: Record<string, number> = {};
  for (const e of examples) {
    if (!classIndex.has(e.category)) {
      classIndex.set(e.category, classes.length);
      classes.push(e.category);
    }
    perClass[e.category] = (perClass[e.category] ?? 0) + 1;
  }

  // Vocabulary and document frequencies, in order of first appearance (deterministic).
  const featureIndex = new Map<string, number>();
  const df: number[] = [];
  const docs = examples.map((e) => {
    const counts = reportFeatureCounts({ title: e.title, description: e.text });
    const index = new Int32Array(counts.size);
    const tf = new Float64Array(counts.size);
    let p = 0;
    for (const [f, c] of counts) {
      let i = featureIndex.get(f);
      if (i === undefined) {
        i = df.length;
        featureIndex.set(f, i);
        df.push(0);
      }
      df[i] = (df[i] ?? 0) + 1;
      index[p] = i;
      tf[p++] = c;
    }
    return { index, tf };
  });
  const n = examples.length;
  const names = [...featureIndex.keys()];
  const idf = df.map((d, i) => round((Math.log((n + 1) / (d + 1)) + 1) * (names[i]?.startsWith('c:') ? 1 : opts.wordWeight), 4));
  const vectors: SparseVector[] = docs.map(({ index, tf }) => {
    const value = new Float64Array(index.length);
    let norm = 0;
    for (let p = 0; p < index.length; p++) {
      const v = (1 + Math.log(tf[p] as number)) * (idf[index[p] as number] as number);
      value[p] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let p = 0; p < value.length; p++) value[p] = (value[p] as number) / norm;
    return { index, value };
  });
  const labels = examples.map((e) => classIndex.get(e.category) ?? 0);

  const K = classes.length;
  const F = df.length;
  // W = scale * V (Bottou's trick): L2 decay multiplies one scalar instead of every weight.
  const V = new Float64Array(F * K);
  const bias = new Float64Array(K);
  let scale = 1;
  const scores = new Float64Array(K);
  const activeClass = new Int32Array(K);
  const activeStep = new Float64Array(K);
  const order = Array.from({ length: n }, (_, i) => i);
  const random = prng(opts.seed);
  let t = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i] as number;
      order[i] = order[j] as number;
      order[j] = tmp;
    }
    for (const d of order) {
      const { index, value } = vectors[d] as SparseVector;
      const nnz = index.length;
      const y = labels[d] as number;
      const eta = opts.learningRate / (1 + opts.learningRate * opts.l2 * t);
      t++;
      for (let k = 0; k < K; k++) scores[k] = bias[k] as number;
      for (let p = 0; p < nnz; p++) {
        const base = (index[p] as number) * K;
        const v = (value[p] as number) * scale;
        for (let k = 0; k < K; k++) scores[k] = (scores[k] as number) + v * (V[base + k] as number);
      }
      softmaxInPlace(scores);
      scale *= 1 - eta * opts.l2;
      // Classes the example gives (almost) no probability to have a negligible gradient: they are skipped.
      let active = 0;
      for (let k = 0; k < K; k++) {
        const g = (scores[k] as number) - (k === y ? 1 : 0);
        if (g > -SKIP_GRADIENT && g < SKIP_GRADIENT) continue;
        bias[k] = (bias[k] as number) - eta * g;
        activeClass[active] = k;
        activeStep[active++] = (eta * g) / scale;
      }
      for (let p = 0; p < nnz; p++) {
        const base = (index[p] as number) * K;
        const v = value[p] as number;
        for (let a = 0; a < active; a++) {
          const at = base + (activeClass[a] as number);
          V[at] = (V[at] as number) - (activeStep[a] as number) * v;
        }
      }
      if (scale < 1e-6) {
        for (let q = 0; q < V.length; q++) V[q] = (V[q] as number) * scale;
        scale = 1;
      }
    }
  }

  // Keep only the features that still carry a weight: the others cannot change a score.
  const features: string[] = [];
  const keptIdf: number[] = [];
  const weights: number[][] = [];
  for (let f = 0; f < F; f++) {
    const row: number[] = [];
    for (let k = 0; k < K; k++) {
      const w = round((V[f * K + k] as number) * scale, 4);
      if (Math.abs(w) >= opts.prune) row.push(k, w);
    }
    if (row.length === 0) continue;
    features.push(names[f] as string);
    keptIdf.push(idf[f] as number);
    weights.push(row);
  }
  return {
    kind: 'piazza-triage-softmax',
    version: 1,
    classes,
    features,
    idf: keptIdf,
    weights,
    bias: Array.from(bias, (b) => round(b, 4)),
    trainedOn: { examples: n, perClass, options: opts },
  };
}

/** The lookup table of a model, built once per model object. */
const lookups = new WeakMap<TriageModel, Map<string, number>>();

function lookupOf(model: TriageModel): Map<string, number> {
  let m = lookups.get(model);
  if (!m) {
    m = new Map(model.features.map((f, i) => [f, i]));
    lookups.set(model, m);
  }
  return m;
}

/** Checks that a value read back from storage is a usable model (shape only, not weights). */
export function isTriageModel(value: unknown): value is TriageModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<TriageModel>;
  return (
    m.kind === 'piazza-triage-softmax' &&
    m.version === 1 &&
    Array.isArray(m.classes) &&
    Array.isArray(m.features) &&
    Array.isArray(m.idf) &&
    Array.isArray(m.weights) &&
    Array.isArray(m.bias) &&
    m.features.length === m.idf.length &&
    m.features.length === m.weights.length &&
    m.bias.length === m.classes.length
  );
}

/** All categories of the model ranked by confidence (softmax probabilities, summing to 1). */
export function classify(model: TriageModel, input: { title?: string | null; description: string }): Prediction[] {
  const K = model.classes.length;
  const x = vectorise(reportFeatureCounts(input), lookupOf(model), model.idf);
  const scores = Float64Array.from(model.bias);
  for (let p = 0; p < x.index.length; p++) {
    const row = model.weights[x.index[p] as number] as number[];
    const v = x.value[p] as number;
    for (let q = 0; q < row.length; q += 2) {
      const k = row[q] as number;
      scores[k] = (scores[k] as number) + v * (row[q + 1] as number);
    }
  }
  softmaxInPlace(scores);
  const out: Prediction[] = [];
  for (let k = 0; k < K; k++) out.push({ code: model.classes[k] as string, confidence: scores[k] as number });
  // Ties (e.g. an empty text) keep the model's class order, so the ranking is deterministic.
  return out.sort((a, b) => b.confidence - a.confidence);
}
