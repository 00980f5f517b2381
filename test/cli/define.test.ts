import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { defineCommand } from '../../src/cli/define.ts';
import { parseByteSize, parseFraction, parseInteger, parseNumber, parsePercent } from '../../src/util/parse-number.ts';

const io = (env: NodeJS.ProcessEnv = {}) => ({ stdout: new PassThrough(), stderr: new PassThrough(), cwd: process.cwd(), env, now: () => new Date(0) });

/** A command that hands back what it was given. */
function probe() {
  let seen: unknown;
  const command = defineCommand({
    name: 'probe',
    summary: 's',
    usage: ['mlops probe'],
    options: {
      port: { type: 'integer', range: { min: 1, max: 65535 }, default: 8080, env: 'PROBE_PORT', description: 'p' },
      body: { type: 'bytes', default: '1mb', description: 'b' },
      data: { type: 'list', required: true, description: 'd' },
      tag: { type: 'string', multiple: true, description: 't' },
      format: { type: 'choice', choices: ['json', 'markdown'], default: 'json', description: 'f' },
      quiet: { type: 'boolean', env: 'PROBE_QUIET', description: 'q' },
      pr: { type: 'integer', range: { min: 1 }, expected: 'a pull request number', description: 'n' },
    },
    async run(values) {
      seen = values;
      return 0;
    },
  });
  return { command, seen: () => seen };
}

describe('defineCommand parses by the declarations', () => {
  test('defaults (text defaults parsed like flags), lists, repeats, environment', async () => {
    const p = probe();
    assert.equal(await p.command.run(['--data', 'a.csv,b.csv', '--data', 'c.csv', '--tag', 'x', '--tag', 'y'], io({ PROBE_QUIET: 'true' })), 0);
    assert.deepEqual(p.seen(), { port: 8080, body: 1048576, data: ['a.csv', 'b.csv', 'c.csv'], tag: ['x', 'y'], format: 'json', quiet: true, pr: undefined });
    await p.command.run(['--data', 'a', '--port', '9000', '--body', '512kb'], io({ PROBE_PORT: '7000' }));
    assert.deepEqual(p.seen(), { port: 9000, body: 524288, data: ['a'], tag: [], format: 'json', quiet: false, pr: undefined }, 'a flag beats its variable');
    await p.command.run(['--data', 'a'], io({ PROBE_PORT: '7000' }));
    assert.equal((p.seen() as { port: number }).port, 7000);
  });

  test('errors name the flag, also for a value from the environment, in the shared wording', async () => {
    const { command } = probe();
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [[], {}, /^--data is required \(see mlops probe --help\)$/],
      [['--data', 'a', '--port', '0'], {}, /^--port must be a whole number from 1 to 65535 \(got "0"\)$/],
      [['--data', 'a'], { PROBE_PORT: 'http' }, /^--port must be a whole number from 1 to 65535 \(got "http"\)$/],
      [['--data', 'a', '--body', '0'], {}, /^--body must be a size like 65536, 512kb or 4mb \(got "0"\)$/],
      [['--data', 'a', '--format', 'xml'], {}, /^--format must be one of json, markdown \(got "xml"\)$/],
      [['--data', 'a', '--pr', '0'], {}, /^--pr must be a pull request number \(got "0"\)$/],
      [['--data', 'a', '--nope'], {}, /^Unknown option '--nope' \(see mlops probe --help\)$/],
      [['--data', 'a', 'stray'], {}, /^Unexpected argument 'stray'.*\(see mlops probe --help\)$/],
    ];
    for (const [argv, env, message] of cases) await assert.rejects(command.run(argv, io(env)), (err: Error) => message.test(err.message), argv.join(' '));
  });
});

describe('the shared number parsers', () => {
  const value = (p: ReturnType<typeof parseNumber>) => (p.ok ? p.value : p.expected);
  test('integers: digits only, bounds named in what was expected', () => {
    assert.equal(value(parseInteger('42', { min: 1 })), 42);
    assert.equal(value(parseInteger(' 7 ', { min: 0 })), 7);
    assert.equal(value(parseInteger('-5')), -5);
    assert.equal(value(parseInteger('-5', { min: 0 })), 'a whole number');
    assert.equal(value(parseInteger('1e3', { min: 1 })), 'a positive integer');
    assert.equal(value(parseInteger('2.5')), 'an integer');
    assert.equal(value(parseInteger('9007199254740993')), 'an integer');
    assert.equal(value(parseInteger('3', { min: 5 })), 'an integer ≥ 5');
  });
  test('numbers, fractions, percentages and sizes', () => {
    assert.equal(value(parseNumber('0.25', { above: 0 })), 0.25);
    assert.equal(value(parseNumber('0', { above: 0 })), 'a number in range');
    assert.equal(value(parseNumber(' ')), 'a number');
    assert.equal(value(parseNumber('Infinity')), 'a number');
    assert.equal(value(parseFraction('1')), 1);
    assert.equal(value(parseFraction('1.01')), 'a number from 0 to 1');
    assert.equal(value(parsePercent('12.5')), 12.5);
    assert.equal(value(parsePercent('101')), 'a percentage from 0 to 100');
    assert.equal(value(parseByteSize('4MB')), 4 * 1024 * 1024);
    assert.equal(value(parseByteSize('64 k')), 65536);
    assert.equal(value(parseByteSize('1gb')), 'a size like 65536, 512kb or 4mb');
  });
});
