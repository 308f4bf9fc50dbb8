/**
 * Evaluates the report-triage classifier on a fixed split of the seed corpus.
 *
 *   npm run eval:triage              train on 4/5 of each category, report on the held-out 1/5
 *   npm run eval:triage -- --tune    also 5-fold cross-validation of a small grid of options on the
 *                                    TRAINING part only (how the defaults were chosen; the held-out part
 *                                    plays no role in it)
 *
 * The split is deterministic: within each category, in corpus order, every 5th example (positions 5, 10, …)
 * is held out. Nothing is random, so the figures are reproducible.
 */
import os from 'node:os';
import { classify, train, type TrainOptions, type TriageModel } from '../src/modules/reports/triage/classifier.ts';
import { SEED_CORPUS, type SeedExample } from '../src/modules/reports/triage/corpus/index.ts';
import { assessPriority } from '../src/modules/reports/triage/priority.ts';
import { CATEGORY_CODES } from '../src/modules/reports/triage/categories.ts';

function split(corpus: readonly SeedExample[]): { trainSet: SeedExample[]; testSet: SeedExample[] } {
  const seen = new Map<string, number>();
  const trainSet: SeedExample[] = [];
  const testSet: SeedExample[] = [];
  for (const e of corpus) {
    const i = (seen.get(e.category) ?? 0) + 1;
    seen.set(e.category, i);
    (i % 5 === 0 ? testSet : trainSet).push(e);
  }
  return { trainSet, testSet };
}

interface Scores {
  accuracy: number;
  macroF1: number;
  perClass: Array<{ code: string; precision: number; recall: number; f1: number; support: number }>;
  confusion: number[][];
}

function score(model: TriageModel, testSet: readonly SeedExample[], classes: readonly string[]): Scores {
  const index = new Map(classes.map((c, i) => [c, i]));
  const confusion = classes.map(() => classes.map(() => 0));
  let correct = 0;
  for (const e of testSet) {
    const predicted = classify(model, { title: e.title, description: e.text })[0]?.code ?? '';
    if (predicted === e.category) correct++;
    const row = confusion[index.get(e.category) ?? -1];
    const col = index.get(predicted);
    if (row && col !== undefined) row[col] = (row[col] ?? 0) + 1;
  }
  const perClass = classes.map((code, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const support = (confusion[k] ?? []).reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + (row[k] ?? 0), 0);
    const precision = predictedK ? tp / predictedK : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { code, precision, recall, f1, support };
  });
  const macroF1 = perClass.reduce((a, c) => a + c.f1, 0) / perClass.length;
  return { accuracy: correct / testSet.length, macroF1, perClass, confusion };
}

function crossValidate(trainSet: readonly SeedExample[], options: TrainOptions, folds = 5): number {
  let sum = 0;
  for (let f = 0; f < folds; f++) {
    const fit = trainSet.filter((_, i) => i % folds !== f);
    const check = trainSet.filter((_, i) => i % folds === f);
    sum += score(train(fit, options), check, CATEGORY_CODES).macroF1;
  }
  return sum / folds;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function main(): void {
  const tune = process.argv.includes('--tune');
  const { trainSet, testSet } = split(SEED_CORPUS);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Seed corpus: ${SEED_CORPUS.length} examples, ${CATEGORY_CODES.length} categories`);
  console.log(`Split: every 5th example of each category held out → train ${trainSet.length}, held out ${testSet.length}`);
  console.log(`Machine: ${os.cpus().length} × ${cpu}, Node ${process.version}\n`);

  if (tune) {
    console.log('5-fold cross-validation on the training part only (macro-F1):');
    for (const l2 of [1e-5, 1e-4, 1e-3]) {
      for (const epochs of [10, 20]) {
        console.log(`  l2=${l2} epochs=${epochs}: ${crossValidate(trainSet, { l2, epochs }).toFixed(3)}`);
      }
    }
    console.log('');
  }

  // Training time: median of 5 runs on the training part.
  const trainTimes: number[] = [];
  let model = train(trainSet);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    model = train(trainSet);
    trainTimes.push(performance.now() - t0);
  }
  trainTimes.sort((a, b) => a - b);
  const json = JSON.stringify(model);
  console.log(
    `Training: median ${percentile(trainTimes, 50).toFixed(0)} ms over 5 runs; model ${model.features.length} features, ${(json.length / 1024).toFixed(0)} KB as JSON`,
  );

  const thousand = [...SEED_CORPUS, ...SEED_CORPUS.slice(0, 1000 - SEED_CORPUS.length)];
  const bigTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    train(thousand);
    bigTimes.push(performance.now() - t0);
  }
  bigTimes.sort((a, b) => a - b);
  console.log(`Training on ${thousand.length} examples (the corpus plus its first ${thousand.length - SEED_CORPUS.length} again): median ${percentile(bigTimes, 50).toFixed(0)} ms over 3 runs`);

  const s = score(model, testSet, CATEGORY_CODES);
  console.log(`\nHeld-out accuracy: ${pct(s.accuracy)}   macro-F1: ${s.macroF1.toFixed(3)}\n`);
  console.log('category          precision  recall   F1     n');
  for (const c of s.perClass) {
    console.log(`${c.code.padEnd(17)} ${pct(c.precision).padStart(8)} ${pct(c.recall).padStart(8)} ${c.f1.toFixed(3).padStart(6)} ${String(c.support).padStart(4)}`);
  }

  const top3 = testSet.filter((e) =>
    classify(model, { title: e.title, description: e.text })
      .slice(0, 3)
      .some((p) => p.code === e.category),
  ).length;
  console.log(`\nTop-3 accuracy (the right category among the three shown to an operator): ${pct(top3 / testSet.length)}`);

  // Learning curve: the same held-out part, training on the first 25/50/75/100 % of each category's training examples.
  const curve: string[] = [];
  for (const share of [0.25, 0.5, 0.75, 1]) {
    const count = new Map<string, number>();
    const perCategory = new Map<string, number>();
    for (const e of trainSet) perCategory.set(e.category, (perCategory.get(e.category) ?? 0) + 1);
    const subset = trainSet.filter((e) => {
      const i = (count.get(e.category) ?? 0) + 1;
      count.set(e.category, i);
      return i <= Math.round((perCategory.get(e.category) ?? 0) * share);
    });
    curve.push(`${Math.round(share * 100)}% (${subset.length}): ${score(train(subset), testSet, CATEGORY_CODES).macroF1.toFixed(3)}`);
  }
  console.log(`Learning curve, held-out macro-F1 by training-set size: ${curve.join(' · ')}`);

  const short = CATEGORY_CODES.map((c) => c.slice(0, 4));
  console.log(`\nConfusion matrix (rows: true category, columns: predicted)\n${''.padEnd(17)}${short.map((c) => c.padStart(5)).join('')}`);
  CATEGORY_CODES.forEach((code, k) => {
    console.log(`${code.padEnd(17)}${(s.confusion[k] ?? []).map((n) => (n ? String(n) : '.').padStart(5)).join('')}`);
  });

  const errors = testSet.filter((e) => classify(model, { title: e.title, description: e.text })[0]?.code !== e.category);
  if (errors.length) {
    console.log('\nMisclassified held-out examples:');
    for (const e of errors) {
      const top = classify(model, { title: e.title, description: e.text })[0];
      console.log(`  [${e.category} → ${top?.code} ${top?.confidence.toFixed(2)}] ${e.title ? `${e.title}: ` : ''}${e.text}`);
    }
  }

  // Latency of classify + priority, per report, over the held-out set, many iterations.
  const latencies: number[] = [];
  for (let round = 0; round < 50; round++) {
    for (const e of testSet) {
      const t0 = performance.now();
      classify(model, { title: e.title, description: e.text });
      assessPriority({ title: e.title, description: e.text });
      latencies.push(performance.now() - t0);
    }
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `\nLatency of classify + priority (${latencies.length} calls): p50 ${(percentile(latencies, 50) * 1000).toFixed(0)} µs, p95 ${(percentile(latencies, 95) * 1000).toFixed(0)} µs, p99 ${(percentile(latencies, 99) * 1000).toFixed(0)} µs`,
  );

  // Priority rules against the priority labels of the held-out examples (labels are only set for clear cases).
  const labelled = testSet.filter((e) => e.priority);
  const agree = labelled.filter((e) => assessPriority({ title: e.title, description: e.text }).level === e.priority).length;
  console.log(`Priority rules vs labelled held-out examples: ${agree}/${labelled.length} agree`);
}

main();
