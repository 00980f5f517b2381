import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  formatNumber
} from "./chunk-MHD452QX.js";
import "./chunk-UFMD3KOA.js";

// src/report/progress.ts
function rowProgress(stderr, verb, now = Date.now, intervalMs = 2e3) {
  const start = now();
  let last = start;
  return {
    update(rows) {
      const t = now();
      if (t - last < intervalMs) return;
      last = t;
      stderr.write(`${verb} ${formatNumber(rows)} rows (${formatNumber(Math.round(rows / ((t - start) / 1e3)))} rows/s)
`);
    },
    elapsedSeconds() {
      return (now() - start) / 1e3;
    }
  };
}
export {
  rowProgress
};
