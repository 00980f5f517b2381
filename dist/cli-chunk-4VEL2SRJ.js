import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_CELL_LENGTH,
  DEFAULT_MAX_COLUMNS
} from "./cli-chunk-6HQVLVXU.js";

// src/cli/args.ts
var readLimitOptions = {
  "max-columns": {
    type: "integer",
    range: { min: 1 },
    description: `refuse files with more columns (default ${DEFAULT_MAX_COLUMNS.toLocaleString("en-US")}; bounds memory)`
  },
  "max-cell-length": {
    type: "integer",
    range: { min: 1 },
    description: `refuse cells longer than N characters (default ${DEFAULT_MAX_CELL_LENGTH.toLocaleString("en-US")})`
  }
};
function readLimits(values) {
  return {
    ...values["max-columns"] === void 0 ? {} : { maxColumns: values["max-columns"] },
    ...values["max-cell-length"] === void 0 ? {} : { maxCellLength: values["max-cell-length"] }
  };
}
var featuresOption = {
  features: {
    type: "list",
    value: "a,b,c",
    description: `for a model whose one input is an [N, k] matrix (torch.onnx.export, skl2onnx): the data columns that feed it, in order (default: the model's sidecar MODEL.mlops.yml, its "mlops.features" metadata, or the order stored with its registry version)`
  }
};
var delimiterOption = {
  delimiter: { type: "string", value: "C", description: "CSV delimiter (default: detected from the header line)" }
};

export {
  readLimitOptions,
  readLimits,
  featuresOption,
  delimiterOption
};
