/**
 * The one tokeniser of free text, shared by training (TF-IDF), profiling (text drift) and
 * validation, and reproduced inside exported ONNX graphs: lower-case each character
 * (`StringNormalizer`, case_change_action LOWER, locale C.UTF-8), then every maximal run of
 * two or more letters or digits is a token (onnxruntime's `com.microsoft.Tokenizer` with
 * `tokenexp` TOKEN_PATTERN, which RE2 and JavaScript's `u` regexes read alike). It is
 * scikit-learn's default `token_pattern` (\b\w\w+\b) without the underscore.
 */
export const TOKEN_PATTERN = '[\\p{L}\\p{N}]{2,}';
const TOKEN_RE = new RegExp(TOKEN_PATTERN, 'gu');

/**
 * Longest text a model reads, in characters (code points): a longer cell is cut to its first
 * MAX_TEXT_CHARS before tokenising, in training, batch prediction and serving alike, so a
 * 100 MB request costs what 10,000 characters do and is not an error.
 */
export const MAX_TEXT_CHARS = 10_000;

// Non-ASCII is rare and slower to lower-case per character; a plain test picks the fast path.
const ASCII = /^[\x00-\x7f]*$/;

/** Length in code points, the unit of MAX_TEXT_CHARS and of text lengths in profiles and rules. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/** Cuts `text` to its first MAX_TEXT_CHARS code points (never splitting a surrogate pair). */
export function truncateText(text: string, max = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  let units = 0;
  let points = 0;
  while (units < text.length && points < max) {
    const code = text.codePointAt(units)!;
    units += code > 0xffff ? 2 : 1;
    points++;
  }
  return text.slice(0, units);
}

/**
 * Lower-cases one code point at a time, as C's towlower does in onnxruntime's StringNormalizer:
 * no context (a final Σ becomes σ, not ς) and a character whose full lower case is longer
 * keeps only its simple mapping, the first code point (İ → i, not i̇).
 */
export function lowerCase(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : String.fromCodePoint(lower.codePointAt(0)!);
  }
  return out;
}

/** The tokens of a cell's text, after truncation and lower-casing. */
export function tokenize(text: string): string[] {
  return lowerCase(truncateText(text)).match(TOKEN_RE) ?? [];
}

/** Unigrams then bigrams ("not good"), the n-grams TF-IDF counts. */
export function ngrams(tokens: readonly string[], maxN: 1 | 2): string[] {
  if (maxN === 1) return tokens.slice();
  const out = tokens.slice();
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}
