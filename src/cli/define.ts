import { parseArgs } from 'node:util';
import type { CliIO, Command } from './command.ts';
import { MlopsError } from '../util/errors.ts';
import { mustBe, parseByteSize, parseFraction, parseInteger, parseNumber, parsePercent, type NumberRange, type Parsed } from '../util/parse-number.ts';

/**
 * A verb's options as data. One declaration gives the parser (node:util parseArgs), the typed
 * values, the validation (numbers, choices, required flags, with one wording everywhere), the
 * environment binding and the --help text, so a flag cannot be accepted and undocumented, or
 * documented and refused. See docs/DEVELOPING.md, "Adding a verb".
 */
export type OptionType = 'string' | 'boolean' | 'number' | 'integer' | 'fraction' | 'percent' | 'bytes' | 'choice' | 'list';

export interface OptionSpec {
  type: OptionType;
  /** What the option does, for --help; wrapped to the help's width. */
  description: string;
  short?: string;
  /** Placeholder in --help (`--out FILE`); choices show as `a|b|c` without one. */
  value?: string;
  /** Used when neither the flag nor its environment variable is given; shown as "(default: …)". */
  default?: string | number | boolean;
  /** An environment variable read when the flag is absent (shown as [NAME]). */
  env?: string;
  /** For `choice`: the accepted values, named in the error and the help. */
  choices?: readonly string[];
  /** Repeatable (`--tag a --tag b`); `list` is always repeatable and also splits on commas. */
  multiple?: boolean;
  /** Bounds for `number` and `integer`. */
  range?: NumberRange;
  /** Replaces the parser's "must be …" wording, e.g. "a pull request number". */
  expected?: string;
  /** A parser of its own for a string value; throw MlopsError to refuse it. */
  parse?: (text: string, flag: string) => unknown;
  /** `--flag is required (see mlops VERB --help)` when missing. */
  required?: boolean;
  /** A heading the option is listed under in --help (options without one come first). */
  group?: string;
}

export interface PositionalSpec {
  name: string;
  description: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** The verb as typed: `train`, `registry promote`. */
  name: string;
  /** The first line of --help, after "mlops NAME: ". */
  summary: string;
  usage: string[];
  options: O;
  positionals?: PositionalSpec[];
  /** Prose after the option table: how it works, exit codes. */
  text?: string;
  examples?: string[];
  run: (values: Values<O>, io: CliIO, positionals: string[]) => Promise<number>;
}

type Scalar<S extends OptionSpec> = S extends { parse: (text: string, flag: string) => infer R }
  ? R
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'number' | 'integer' | 'fraction' | 'percent' | 'bytes' }
      ? number
      : S extends { type: 'choice'; choices: readonly (infer C)[] }
        ? C
        : string;

type ValueOf<S extends OptionSpec> = S extends { type: 'list' } ? string[] : S extends { multiple: true } ? Scalar<S>[] : Scalar<S>;

/** What `run` receives: an option with a default (or a boolean, or a list) is always set. */
export type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K] extends { default: unknown } | { type: 'boolean' } | { type: 'list' } | { multiple: true } | { required: true }
    ? ValueOf<O[K]>
    : ValueOf<O[K]> | undefined;
};

/** A command made by defineCommand: its declarations stay readable for --help checks. */
export interface DefinedCommand extends Command {
  spec: CommandSpec<Record<string, OptionSpec>>;
}

export function defineCommand<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): DefinedCommand {
  return {
    name: spec.name,
    help: renderHelp(spec),
    spec: spec as unknown as CommandSpec<Record<string, OptionSpec>>,
    async run(argv, io) {
      const { values, positionals } = parseDeclared(spec, argv, io.env);
      return spec.run(values, io, positionals);
    },
  };
}

/** Parses argv against the declarations: typed values with defaults and environment applied. */
function parseDeclared<O extends Record<string, OptionSpec>>(
  spec: Pick<CommandSpec<O>, 'name' | 'options' | 'positionals'>,
  argv: string[],
  env: NodeJS.ProcessEnv,
): { values: Values<O>; positionals: string[] } {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec.options)) {
    config[name] = {
      type: o.type === 'boolean' ? 'boolean' : 'string',
      ...(o.short ? { short: o.short } : {}),
      ...(o.type === 'list' || o.multiple ? { multiple: true } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: (spec.positionals?.length ?? 0) > 0, strict: true });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new MlopsError(`${message} (see mlops ${spec.name} --help)`);
  }
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const flag = `--${name}`;
    let raw = parsed.values[name] as string | boolean | (string | boolean)[] | undefined;
    if (raw === undefined && o.env && env[o.env]) raw = o.type === 'boolean' ? /^(1|true|yes)$/i.test(env[o.env]!) : env[o.env];
    if (o.type === 'boolean') values[name] = raw === undefined ? (o.default ?? false) : raw;
    else if (o.type === 'list') {
      const items = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter((v) => v !== '');
      values[name] = items.length === 0 && o.default !== undefined ? String(o.default).split(',') : items;
      if (o.required && items.length === 0) requireOption(spec.name, undefined, flag);
    } else if (Array.isArray(raw)) values[name] = raw.map((v) => parseValue(flag, String(v), o));
    else if (raw === undefined || raw === '') {
      if (o.required) requireOption(spec.name, undefined, flag);
      // A default written as text ("1mb") is parsed like the flag would be.
      values[name] = o.multiple ? [] : typeof o.default === 'string' && o.type !== 'string' ? parseValue(flag, o.default, o) : o.default;
    } else values[name] = parseValue(flag, raw as string, o);
  }
  return { values: values as Values<O>, positionals: parsed.positionals };
}

/** One value by its declared type; the error names the flag (also for a value from the environment). */
function parseValue(flag: string, text: string, o: Pick<OptionSpec, 'type' | 'choices' | 'range' | 'expected' | 'parse'>): unknown {
  if (o.parse) return o.parse(text, flag);
  if (o.type === 'choice') {
    if (!o.choices?.includes(text)) throw new MlopsError(`${flag} must be one of ${(o.choices ?? []).join(', ')} (got "${text}")`);
    return text;
  }
  const parsed = parseTyped(o.type, text, o.range);
  if (parsed === undefined) return text;
  if (!parsed.ok) throw new MlopsError(mustBe(flag, o.expected ?? parsed.expected, text));
  return parsed.value;
}

/** The shared number parsers by option type (undefined for text types). */
function parseTyped(type: OptionType, text: string, range?: NumberRange): Parsed | undefined {
  switch (type) {
    case 'integer':
      return parseInteger(text, range);
    case 'number':
      return parseNumber(text, range);
    case 'fraction':
      return parseFraction(text);
    case 'percent':
      return parsePercent(text);
    case 'bytes':
      return parseByteSize(text);
    default:
      return undefined;
  }
}

export function requireOption(command: string, value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new MlopsError(`${flag} is required (see mlops ${command} --help)`);
  return value;
}

const WIDTH = 100;

/** The option table of --help: one entry per declared flag, its default, choices and variable. */
export function optionTable(options: Record<string, OptionSpec>, groups = true): string {
  const entries = Object.entries(options);
  const lefts = entries.map(([name, o]) => `  --${name}${o.short ? `, -${o.short}` : ''}${placeholder(o)}`);
  const col = Math.min(26, Math.max(...lefts.map((l) => l.length)) + 2);
  const sections = new Map<string, string[]>();
  entries.forEach(([, o], i) => {
    const heading = groups ? (o.group ?? '') : '';
    const notes = [o.default !== undefined && o.default !== false && o.type !== 'boolean' ? `(default: ${o.default})` : '', o.env ? `[${o.env}]` : ''].filter(
      (s) => s !== '',
    );
    const text = [o.description, ...notes].join(' ');
    const lines = wrap(text, WIDTH - col);
    const left = lefts[i];
    const first = left.length + 2 <= col ? left.padEnd(col) + lines[0] : `${left}\n${' '.repeat(col)}${lines[0]}`;
    const body = [first, ...lines.slice(1).map((l) => ' '.repeat(col) + l)].join('\n');
    sections.set(heading, [...(sections.get(heading) ?? []), body]);
  });
  return [...sections.entries()].map(([heading, lines]) => `${heading ? `${heading}:` : 'Options:'}\n${lines.join('\n')}`).join('\n\n');
}

function placeholder(o: OptionSpec): string {
  if (o.type === 'boolean') return '';
  if (o.value) return ` ${o.value}`;
  if (o.type === 'choice' && o.choices) return ` ${o.choices.join('|')}`;
  if (o.type === 'list') return ' LIST';
  if (o.type === 'integer') return ' N';
  if (o.type === 'bytes') return ' SIZE';
  return o.type === 'string' ? ' VALUE' : ' X';
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}

export function renderHelp(
  spec: Pick<CommandSpec<Record<string, OptionSpec>>, 'name' | 'summary' | 'usage' | 'options' | 'positionals' | 'text' | 'examples'>,
): string {
  const parts = [`mlops ${spec.name}: ${spec.summary}`, `Usage:\n${spec.usage.map((u) => `  ${u}`).join('\n')}`];
  if (spec.positionals?.length) {
    const width = Math.max(...spec.positionals.map((p) => p.name.length)) + 4;
    parts.push(`Arguments:\n${spec.positionals.map((p) => `  ${p.name.padEnd(width)}${p.description}`).join('\n')}`);
  }
  if (Object.keys(spec.options).length > 0) parts.push(optionTable(spec.options));
  if (spec.text) parts.push(spec.text.trim());
  if (spec.examples?.length) parts.push(`Examples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}`);
  return parts.join('\n\n') + '\n';
}
