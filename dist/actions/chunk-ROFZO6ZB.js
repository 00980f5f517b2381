import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  code,
  formatNumber,
  table
} from "./chunk-MHD452QX.js";
import "./chunk-UFMD3KOA.js";

// src/predict/summary.ts
function predictMarkdown(s) {
  const verdict = s.rejected === 0 ? `all ${formatNumber(s.rows)} rows scored` : `${formatNumber(s.rejected)} of ${formatNumber(s.rows)} rows rejected`;
  const lines = [
    `### Batch scoring: ${code(s.model.name)} ${code(s.model.version)}`,
    "",
    `${s.rejected === 0 ? "\u2705" : "\u26A0\uFE0F"} ${verdict} \xB7 ${formatNumber(Math.round(s.rows_per_second))} rows/s over ${formatNumber(s.seconds)} s \xB7 model ${code(s.model.source)} (${s.model.task})`,
    "",
    table(
      ["Data", "Output", "Rows", "Predicted", "Rejected", "Rejects file"],
      s.files.map((f) => [code(f.data), code(f.out), f.rows, f.predicted, f.rejected, f.rejected > 0 ? code(f.rejects) : ""]),
      ["l", "l", "r", "r", "r", "l"]
    )
  ];
  if (s.files.length > 1) lines.push("", `Total: ${formatNumber(s.rows)} rows, ${formatNumber(s.predicted)} predicted, ${formatNumber(s.rejected)} rejected.`);
  const reasons = Object.entries(s.reject_reasons);
  if (reasons.length > 0) {
    lines.push(
      "",
      "#### Rejected rows by reason",
      "",
      table(
        ["Column: reason", "Rows"],
        reasons.map(([k, n]) => [k, n]),
        ["l", "r"]
      )
    );
  }
  const imputed = Object.entries(s.imputed);
  if (imputed.length > 0) {
    lines.push(
      "",
      "#### Missing values the model imputed",
      "",
      table(
        ["Feature", "Rows"],
        imputed.map(([k, n]) => [code(k), n]),
        ["l", "r"]
      )
    );
  }
  return lines.join("\n") + "\n";
}
export {
  predictMarkdown
};
