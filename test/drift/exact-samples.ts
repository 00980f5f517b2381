// The fixture's reproducible generator (test/fixtures/drift-exact/make.py): mulberry32 draws and
// shapes built only from +, −, × so TypeScript and numpy produce the same doubles bit for bit.
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../../src/util/random.ts';

export interface Spec {
  shape: 'normal' | 'skewed' | 'ties';
  seed: number;
  param: number;
}

export function generate(spec: Spec, n: number): Float64Array {
  const rand = mulberry32(spec.seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (spec.shape === 'normal') {
      let s = 0;
      for (let k = 0; k < 12; k++) s += rand();
      out[i] = s - 6 + spec.param;
    } else if (spec.shape === 'skewed') {
      const u1 = rand();
      const u2 = rand();
      out[i] = 10 * u1 * u2 * spec.param;
    } else out[i] = Math.floor(rand() * spec.param);
  }
  return out;
}

/** small.csv split into the reference and current rows, one array of cells per column. */
export function readSmall(): { header: string[]; reference: string[][]; current: string[][] } {
  const lines = readFileSync(new URL('../fixtures/drift-exact/small.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const header = lines[0].split(',').slice(1);
  const reference: string[][] = header.map(() => []);
  const current: string[][] = header.map(() => []);
  for (const line of lines.slice(1)) {
    const [side, ...cells] = line.split(',');
    cells.forEach((c, i) => (side === 'reference' ? reference : current)[i].push(c));
  }
  return { header, reference, current };
}

export const sorted = (cells: readonly string[] | Float64Array) => Float64Array.from(cells as ArrayLike<number>, Number).sort();
