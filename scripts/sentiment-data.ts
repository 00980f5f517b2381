import { mulberry32 } from '../src/util/random.ts';

/**
 * A seeded generator of movie reviews for the sentiment example (templates/examples/sentiment).
 * Each review has a hidden polarity; its sentences are opinions about one aspect of the film
 * (mostly agreeing with the polarity, sometimes not: mixed reviews), plot summary that carries
 * no sentiment, and a closing recommendation. Opinions are negated about a third of the time
 * ("was not bad" is positive), so a bag of unigrams alone cannot read them and bigrams help.
 * Lengths vary from a one-line verdict to a dozen sentences. 5% of labels are flipped (label
 * noise: no model should reach 100%). The shifted batch (`shift: true`) is what a streaming
 * service's app sends a year later: series vocabulary (episode, season, binge), new slang
 * adjectives the training data never saw, much shorter reviews and some empty ones.
 */
export interface SentimentOptions {
  rows: number;
  seed: number;
  shift?: boolean;
  idOffset?: number;
  /** Share of labels flipped (default 0.05). */
  labelNoise?: number;
}

export const SENTIMENT_COLUMNS = ['review_id', 'review', 'platform', 'helpful_votes', 'sentiment'];

const ASPECTS = [
  'the acting',
  'the plot',
  'the script',
  'the soundtrack',
  'the cinematography',
  'the ending',
  'the pacing',
  'the dialogue',
  'the cast',
  'the direction',
  'the score',
  'the visual effects',
  'the lead performance',
  'the screenplay',
  'the editing',
];
const SHIFT_ASPECTS = [
  'the first episode',
  'this season',
  'the finale',
  'the showrunner',
  'the pilot',
  'the writers room',
  'the season arc',
  'the cliffhanger',
];
const POSITIVE = [
  'good',
  'great',
  'excellent',
  'brilliant',
  'superb',
  'wonderful',
  'moving',
  'gripping',
  'beautiful',
  'clever',
  'charming',
  'memorable',
  'powerful',
  'fun',
  'stunning',
  'solid',
  'delightful',
  'engaging',
];
const NEGATIVE = [
  'bad',
  'awful',
  'boring',
  'dull',
  'terrible',
  'weak',
  'predictable',
  'clumsy',
  'forgettable',
  'tedious',
  'messy',
  'bland',
  'painful',
  'lazy',
  'flat',
  'confusing',
  'shallow',
  'disappointing',
];
const SHIFT_POSITIVE = ['fire', 'peak', 'elite', 'goated', 'bingeworthy', 'immaculate'];
const SHIFT_NEGATIVE = ['mid', 'cringe', 'unwatchable', 'skippable', 'trash', 'filler'];
const INTENSIFIERS = ['', '', '', 'really ', 'very ', 'quite ', 'truly ', 'pretty ', 'incredibly ', 'somewhat '];
const NEGATED_INTENSIFIERS = ['', '', '', 'very ', 'that ', 'particularly ', 'at all '];
const VERBS = ['was', 'is', 'felt', 'seemed'];
const NEGATED = ['was not', 'is not', "wasn't", "isn't", 'never felt', 'was hardly'];
const PLOT = [
  'The story follows a detective who returns to her home town after twenty years.',
  'It is set in a small fishing village during a long winter.',
  'Two brothers inherit a failing vineyard and must decide whether to sell it.',
  'The film runs just over two hours and was shot mostly at night.',
  'A retired astronaut is asked to fly one last mission.',
  'The movie is based on a novel I have not read.',
  'Most of the action takes place on a train crossing the desert.',
  'I watched it with my family on a Sunday evening.',
  'A young composer moves to the city to join an orchestra.',
  'The director previously made two documentaries about jazz.',
  'It opens with a wedding and ends with a funeral.',
  'The heist is planned in the first half and goes wrong in the second.',
  'There are flashbacks to the war throughout the film.',
  'I saw it at the cinema on the opening weekend.',
  'The cast includes several actors from the stage.',
];
const SHIFT_PLOT = [
  'I binged the whole season over the weekend.',
  'The new season drops one episode every Friday on the app.',
  'Each episode is about twenty minutes long.',
  'The spinoff follows a side character from the original show.',
  'I watched it on my phone during my commute.',
];
const CLOSING_POSITIVE = [
  'Highly recommended.',
  'I would watch it again.',
  'One of the best films this year.',
  'Go and see it.',
  'Worth every minute.',
  'A must see.',
];
const CLOSING_NEGATIVE = ['Not recommended.', 'I want my money back.', 'Skip this one.', 'A waste of time.', 'I almost walked out.', 'Avoid it.'];
const SHIFT_CLOSING_POSITIVE = ['Renewed for another season, thankfully.', 'Instant binge.', 'Ten out of ten, no notes.'];
const SHIFT_CLOSING_NEGATIVE = ['Unsubscribed.', 'Cancel it already.', 'Dropped it after two episodes.'];
const PLATFORMS = ['web', 'app', 'partner'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One opinion sentence of the given polarity, negating the opposite adjective a third of the time. */
function opinion(rand: () => number, positive: boolean, shift: boolean): string {
  const aspect = shift && rand() < 0.6 ? pick(rand, SHIFT_ASPECTS) : pick(rand, ASPECTS);
  const vocabulary = (pos: boolean) => (shift && rand() < 0.5 ? (pos ? SHIFT_POSITIVE : SHIFT_NEGATIVE) : pos ? POSITIVE : NEGATIVE);
  if (rand() < 0.33) return `${capitalise(aspect)} ${pick(rand, NEGATED)} ${pick(rand, NEGATED_INTENSIFIERS)}${pick(rand, vocabulary(!positive))}.`;
  return `${capitalise(aspect)} ${pick(rand, VERBS)} ${pick(rand, INTENSIFIERS)}${pick(rand, vocabulary(positive))}.`;
}

function review(rand: () => number, positive: boolean, shift: boolean): string {
  if (shift && rand() < 0.08) return '';
  // Training reviews: 1–12 sentences, most 3–6; shifted ones are short app reviews of 1–3.
  const sentences = shift ? 1 + Math.floor(rand() * 3) : Math.min(12, 1 + Math.floor(-Math.log(1 - rand()) * 4));
  // Every review states at least one opinion in its own polarity; the others may disagree.
  const parts: string[] = [opinion(rand, positive, shift)];
  for (let i = 1; i < sentences; i++) {
    const r = rand();
    if (r < 0.55) parts.push(opinion(rand, rand() < 0.8 ? positive : !positive, shift));
    else if (r < 0.9) parts.push(pick(rand, shift ? SHIFT_PLOT : PLOT));
    else parts.push(pick(rand, shift ? (positive ? SHIFT_CLOSING_POSITIVE : SHIFT_CLOSING_NEGATIVE) : positive ? CLOSING_POSITIVE : CLOSING_NEGATIVE));
  }
  // The verdict opens a review as often as it closes one.
  if (rand() < 0.5) parts.push(parts.shift()!);
  return parts.join(' ');
}

/** Rows in SENTIMENT_COLUMNS order; `sentiment` is "positive" or "negative". */
export function sentimentRows(options: SentimentOptions): string[][] {
  const rand = mulberry32(options.seed);
  const noise = options.labelNoise ?? 0.05;
  const shift = options.shift ?? false;
  const rows: string[][] = [];
  for (let i = 0; i < options.rows; i++) {
    const positive = rand() < 0.52;
    const text = review(rand, positive, shift);
    const platform = shift ? (rand() < 0.8 ? 'app' : pick(rand, PLATFORMS)) : pick(rand, PLATFORMS);
    const votes = Math.floor(-Math.log(1 - rand()) * (text.length / 80 + 1));
    const label = rand() < noise ? !positive : positive;
    rows.push([`R${String(i + 1 + (options.idOffset ?? 0)).padStart(6, '0')}`, text, platform, String(votes), label ? 'positive' : 'negative']);
  }
  return rows;
}

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. */
export function toQuotedCsv(header: readonly string[], rows: readonly string[][]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

/** The example's files: what the demo and the tests generate (nothing of it is committed). */
export function sentimentFiles(): Record<string, string> {
  const csv = (o: SentimentOptions) => toQuotedCsv(SENTIMENT_COLUMNS, sentimentRows(o));
  return {
    'data/train.csv': csv({ rows: 3000, seed: 11 }),
    'data/holdout.csv': csv({ rows: 1000, seed: 12, idOffset: 3000 }),
    'data/current.csv': csv({ rows: 1000, seed: 13, shift: true, idOffset: 4000 }),
    // Labelled reviews from the shifted population: what the retrain after drift learns from.
    'data/recent.csv': csv({ rows: 1500, seed: 14, shift: true, idOffset: 5000 }),
  };
}
