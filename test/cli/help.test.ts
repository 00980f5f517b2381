import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../src/cli/commands/index.ts';
import type { Command } from '../../src/cli/command.ts';
import { defineCommand, type DefinedCommand } from '../../src/cli/define.ts';
import { cli } from '../helpers.ts';

/** The flags a help text documents in its option tables: lines that start with two spaces and a flag. */
function documentedFlags(help: string): Set<string> {
  return new Set([...help.matchAll(/^ {2}(--[a-z0-9][a-z0-9-]*)/gm)].map((m) => m[1]));
}

/**
 * Accepted flags come from the declarations (what parseArgs is given), never from the help, so a
 * flag the parser takes and the help omits is caught, and so is a help line for a flag the
 * parser refuses.
 */
function helpMismatches(command: { help: string; spec: { options: Record<string, unknown> } }) {
  const declared = Object.keys(command.spec.options).map((n) => `--${n}`);
  const documented = documentedFlags(command.help);
  return { undocumented: declared.filter((f) => !documented.has(f)), unknown: [...documented].filter((f) => !declared.includes(f)).sort() };
}

/** A verb's declared commands: itself, or the sub-commands it dispatches to. */
function declaredParts(command: Command): DefinedCommand[] {
  if ('spec' in command) return [command as DefinedCommand];
  assert.ok(command.subcommands?.length, `${command.name} declares its options (defineCommand) or its sub-commands'`);
  return command.subcommands;
}

describe('--help is generated from the option declarations', () => {
  test('the checker catches an undocumented flag and a documented flag nobody accepts', () => {
    const real = defineCommand({
      name: 'demo',
      summary: 's',
      usage: ['mlops demo'],
      options: { out: { type: 'string', description: 'where' } },
      run: async () => 0,
    });
    assert.deepEqual(helpMismatches(real), { undocumented: [], unknown: [] });
    // The hand-written-help defect of old (validate accepted --delimiter its help omitted), and its reverse.
    const handWritten = {
      help: 'mlops demo: s\n\nOptions:\n  --out FILE   where\n  --gone X     removed long ago\n',
      spec: { options: { out: {}, delimiter: {} } },
    };
    assert.deepEqual(helpMismatches(handWritten), { undocumented: ['--delimiter'], unknown: ['--gone'] });
  });

  test('every verb and sub-command documents exactly the flags it accepts', async () => {
    let checked = 0;
    for (const entry of commands) {
      for (const part of declaredParts(await entry.load())) {
        assert.deepEqual(helpMismatches(part), { undocumented: [], unknown: [] }, part.name);
        assert.ok(part.help.startsWith(`mlops ${part.name}: `), part.name);
        checked++;
      }
    }
    // 18 verbs; profile, report, registry, runs and sweep dispatch to 2, 1, 11, 5 and 2 declared commands.
    assert.equal(checked, 13 + 2 + 1 + 11 + 5 + 2);
  });

  test("mlops VERB SUB --help prints the sub-command's help; mlops --help lists every verb", async () => {
    const promote = await cli(['registry', 'promote', '--help']);
    assert.equal(promote.code, 0);
    assert.match(promote.stdout, /^mlops registry promote: /);
    assert.equal((await cli(['help', 'registry', 'promote'])).stdout, promote.stdout);
    assert.match(promote.stdout, /^ {2}--to STAGE +the stage/m);
    assert.match(promote.stdout, /^ {2}--actor NAME/m, 'a write sub-command lists the actor flags');
    assert.doesNotMatch((await cli(['registry', 'list', '--help'])).stdout, /--actor/, 'a read sub-command has no actor flags');
    assert.match((await cli(['profile', 'merge', '--help'])).stdout, /^mlops profile merge: /);
    const main = (await cli(['--help'])).stdout;
    for (const c of commands) assert.match(main, new RegExp(`^ {2}${c.name} +\\S`, 'm'), c.name);
  });

  test('defaults, choices and environment variables come from the declarations', async () => {
    const serve = (await cli(['serve', '--help'])).stdout;
    assert.match(serve, /^ {2}--port, -p N +TCP port, 0 for any free one \(default: 8080\) \[MLOPS_PORT\]$/m);
    assert.match(serve, /^ {2}--log-level debug\|info\|warn\|error/m);
    const validate = (await cli(['validate', '--help'])).stdout;
    assert.match(validate, /^ {2}--delimiter C +CSV delimiter/m);
  });
});
