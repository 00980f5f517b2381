import { DEFAULT_MAX_CELL_LENGTH, DEFAULT_MAX_COLUMNS } from '../data/batch.ts';
import type { OptionSpec } from './define.ts';

/**
 * --max-columns and --max-cell-length, declared once for every command that reads data files
 * (the reader's bounds against hostile files, see DEFAULT_MAX_COLUMNS).
 */
export const readLimitOptions = {
  'max-columns': {
    type: 'integer',
    range: { min: 1 },
    description: `refuse files with more columns (default ${DEFAULT_MAX_COLUMNS.toLocaleString('en-US')}; bounds memory)`,
  },
  'max-cell-length': {
    type: 'integer',
    range: { min: 1 },
    description: `refuse cells longer than N characters (default ${DEFAULT_MAX_CELL_LENGTH.toLocaleString('en-US')})`,
  },
} as const satisfies Record<string, OptionSpec>;

export function readLimits(values: { 'max-columns'?: number; 'max-cell-length'?: number }): { maxColumns?: number; maxCellLength?: number } {
  return {
    ...(values['max-columns'] === undefined ? {} : { maxColumns: values['max-columns'] }),
    ...(values['max-cell-length'] === undefined ? {} : { maxCellLength: values['max-cell-length'] }),
  };
}

/** --delimiter, as every verb that reads CSV declares it. */
/** The column order of a model whose one input is an [N, k] matrix (docs/frameworks.md). */
export const featuresOption = {
  features: {
    type: 'list',
    value: 'a,b,c',
    description:
      'for a model whose one input is an [N, k] matrix (torch.onnx.export, skl2onnx): the data columns that feed it, in order (default: the model\'s sidecar MODEL.mlops.yml, its "mlops.features" metadata, or the order stored with its registry version)',
  },
} as const satisfies Record<string, OptionSpec>;

export const delimiterOption = {
  delimiter: { type: 'string', value: 'C', description: 'CSV delimiter (default: detected from the header line)' },
} as const satisfies Record<string, OptionSpec>;
