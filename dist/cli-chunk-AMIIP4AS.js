import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  binomialCdf,
  chiSquareSf,
  quantileSorted
} from "./cli-chunk-BWBHF46M.js";
import {
  mulberry32
} from "./cli-chunk-GO65PKX3.js";
import {
  cellText,
  expandDataPaths,
  readBatches
} from "./cli-chunk-6HQVLVXU.js";
import {
  DataError,
  listPreview
} from "./cli-chunk-CRJPICDA.js";

// src/data/labels.ts
async function readLabels(patterns, key, target, cwd = process.cwd()) {
  const files = await expandDataPaths(patterns, cwd);
  const byKey = /* @__PURE__ */ new Map();
  for (const file of files) {
    for await (const batch of readBatches(file)) {
      const k = batch.columns.indexOf(key);
      const t = batch.columns.indexOf(target);
      if (k < 0) throw new DataError(file, `no key column "${key}" (columns: ${listPreview(batch.columns)})`, { column: key });
      if (t < 0) throw new DataError(file, `no target column "${target}" (columns: ${listPreview(batch.columns)})`, { column: target });
      for (const row of batch.rows) {
        const id = row[k] ?? null;
        const label = row[t] ?? null;
        if (id === null || label === null) continue;
        byKey.set(cellText(id), cellText(label));
      }
    }
  }
  return { files, key, target, byKey };
}

// src/metrics/significance.ts
function pairedBootstrap(n, metric, options) {
  const cand = metric(void 0, "candidate");
  const champ = metric(void 0, "champion");
  const observed = cand === null || champ === null ? NaN : cand - champ;
  const rand = mulberry32(options.seed);
  const weights = new Float64Array(n);
  const diffs = [];
  let skipped = 0;
  for (let r = 0; r < options.resamples; r++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[Math.floor(rand() * n)]++;
    const a = metric(weights, "candidate");
    const b = metric(weights, "champion");
    if (a === null || b === null) skipped++;
    else diffs.push(a - b);
  }
  diffs.sort((x, y) => x - y);
  const tail = (1 - options.confidence) / 2;
  return {
    observed,
    lower: quantileSorted(diffs, tail),
    upper: quantileSorted(diffs, 1 - tail),
    confidence: options.confidence,
    resamples: options.resamples,
    skipped,
    seed: options.seed
  };
}
var MCNEMAR_EXACT_BELOW = 25;
function mcnemar(candidateCorrect, championCorrect) {
  let b = 0;
  let c = 0;
  for (let i = 0; i < candidateCorrect.length; i++) {
    if (candidateCorrect[i] && !championCorrect[i]) b++;
    else if (!candidateCorrect[i] && championCorrect[i]) c++;
  }
  return mcnemarFromCounts(b, c);
}
function mcnemarFromCounts(b, c) {
  const discordant = b + c;
  if (discordant < MCNEMAR_EXACT_BELOW) {
    const pValue = discordant === 0 ? 1 : Math.min(1, 2 * binomialCdf(Math.min(b, c), discordant, 0.5));
    return { candidateOnly: b, championOnly: c, statistic: null, pValue, method: "exact" };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / discordant;
  return { candidateOnly: b, championOnly: c, statistic, pValue: chiSquareSf(statistic, 1), method: "chi-square" };
}

export {
  pairedBootstrap,
  mcnemar,
  readLabels
};
