import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/data/tokenize.ts';
import { mergeProfiles } from '../../src/profile/profile.ts';
import { looksLikeText } from '../../src/profile/text.ts';
import { sentimentRows } from '../../scripts/sentiment-data.ts';
import { profileOf } from '../drift/helpers.ts';

const rows = sentimentRows({ rows: 3000, seed: 21 });
const reviews = rows.map((r) => (r[1] === '' ? null : r[1]));
const ids = rows.map((r) => r[0]);
const platforms = rows.map((r) => r[2]);

test('text summary of a review column: lengths, empty share and top tokens, computed directly', () => {
  const withEmpty = [...reviews.slice(0, 2990), null, '', '!!!', ...reviews.slice(2993)];
  const profile = profileOf({ review: withEmpty, review_id: ids, platform: platforms });
  const col = profile.columns.find((c) => c.name === 'review')!;
  assert.equal(col.type, 'string');
  const text = col.text!;
  const present = withEmpty.filter((t): t is string => t !== null);
  const tokens = present.map(tokenize);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(text.chars.mean - mean(present.map((t) => [...t].length))) < 1e-9);
  assert.ok(Math.abs(text.tokens.mean - mean(tokens.map((t) => t.length))) < 1e-9);
  assert.equal(text.chars.max, Math.max(...present.map((t) => t.length)));
  // The CSV reader turns '' into null; here the cells are given: one null, '' and '!!!' have no token.
  assert.equal(text.empty_share, 3 / 3000);
  const counts = new Map<string, number>();
  for (const t of tokens.flat()) counts.set(t, (counts.get(t) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20);
  assert.deepEqual(
    text.top_tokens.map((t) => [t.token, t.count]),
    top,
  );
  assert.equal(text.vocabulary_size, counts.size);
  assert.equal(looksLikeText(col), true);
  // Identifiers and labels are strings too, but not free text: one token per row.
  assert.equal(looksLikeText(profile.columns.find((c) => c.name === 'review_id')!), false);
  assert.equal(looksLikeText(profile.columns.find((c) => c.name === 'platform')!), false);
});

test('text statistics merge: two shards give the profile of the whole', () => {
  const whole = profileOf({ review: reviews }).columns[0];
  const merged = mergeProfiles([profileOf({ review: reviews.slice(0, 1234) }), profileOf({ review: reviews.slice(1234) })]).columns[0];
  const a = whole.state.text!;
  const b = merged.state.text!;
  assert.equal(b.cells, a.cells);
  assert.equal(b.token_total, a.token_total);
  assert.equal(b.no_tokens, a.no_tokens);
  assert.deepEqual(b.top_tokens, a.top_tokens);
  assert.deepEqual(b.chars.counts, a.chars.counts, 'exact length counts add up');
  assert.deepEqual(b.tokens.counts, a.tokens.counts);
  assert.ok(Math.abs(b.chars.moments.mean - a.chars.moments.mean) < 1e-9);
  assert.ok(Math.abs(b.chars.moments.m2 - a.chars.moments.m2) / a.chars.moments.m2 < 1e-9);
  assert.deepEqual(merged.text!.top_tokens, whole.text!.top_tokens);
});

test('the profile report lists free-text columns with their lengths and top tokens instead of whole reviews', async () => {
  const { profileMarkdown } = await import('../../src/profile/report.ts');
  const md = profileMarkdown(profileOf({ review: reviews, review_id: ids }));
  assert.match(md, /\| review +\| string +\| +0 \|.*tokens: the \(/);
  assert.match(md, /### Free text/);
  assert.match(md, /\| review \| +0% \|/);
  assert.doesNotMatch(md, /\| review_id \| +0% \|/);
});
