/**
 * HyperLogLog distinct-count estimator (Flajolet et al. 2007) with 2^12 registers
 * (standard error ≈ 1.04/√4096 ≈ 1.6%) and linear counting for small cardinalities.
 * Registers merge by element-wise max, so shard profiles combine exactly.
 */
const P = 12;
const M = 1 << P;
const ALPHA = 0.7213 / (1 + 1.079 / M);
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

export class HyperLogLog {
  readonly registers: Uint8Array;

  constructor(registers?: Uint8Array) {
    this.registers = registers ?? new Uint8Array(M);
  }

  static fromBase64(text: string): HyperLogLog {
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length !== M) throw new Error(`HyperLogLog state must be ${M} registers, got ${bytes.length}`);
    return new HyperLogLog(new Uint8Array(bytes));
  }

  add(text: string): void {
    this.addHash(hash53(text));
  }

  /** Numbers are hashed by value (their IEEE-754 bits), so "1.50" and "1.5" count once. */
  addNumber(n: number): void {
    F64[0] = n === 0 ? 0 : n;
    this.addHash(mix53(U32[0], U32[1]));
  }

  private addHash(h: number): void {
    const index = h % M;
    const rest = Math.floor(h / M); // 41 bits
    const rank = rest === 0 ? 42 : 41 - Math.floor(Math.log2(rest));
    if (rank > this.registers[index]) this.registers[index] = rank;
  }

  merge(other: HyperLogLog): void {
    for (let i = 0; i < M; i++) if (other.registers[i] > this.registers[i]) this.registers[i] = other.registers[i];
  }

  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      sum += 2 ** -this.registers[i];
      if (this.registers[i] === 0) zeros++;
    }
    const raw = (ALPHA * M * M) / sum;
    if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    return Math.round(raw);
  }

  toBase64(): string {
    return Buffer.from(this.registers).toString('base64');
  }
}

/** cyrb53: a fast 53-bit string hash with good avalanche, enough bits for 12 index + 41 rank. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A 53-bit hash of two 32-bit words with cyrb53's finaliser. */
function mix53(lo: number, hi: number): number {
  // cyrb53's loop over two 32-bit "characters": each word reaches both halves of the state.
  let h1 = Math.imul(0xdeadbeef ^ lo, 2654435761);
  let h2 = Math.imul(0x41c6ce57 ^ lo, 1597334677);
  h1 = Math.imul(h1 ^ hi, 2654435761);
  h2 = Math.imul(h2 ^ hi, 1597334677);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
