import type { CliIO } from '../../command.ts';
import { defineCommand, type CommandSpec, type DefinedCommand, type OptionSpec, type Values } from '../../define.ts';
import { registryStoreOptions, registryWriteOptions } from '../../registry-flags.ts';
import { MlopsError } from '../../../util/errors.ts';
import { actorFromEnv } from '../../../registry/inputs.ts';
import { openStore } from '../../../registry/open.ts';
import type { RegistryContext } from '../../../registry/operations.ts';
import { parseModelRef, parseVersion } from '../../../registry/refs.ts';
import type { RegistryStore } from '../../../registry/store.ts';

export type Format = 'json' | 'markdown' | 'table';

/** What a registry sub-command runs with: the opened store, the write context and the output. */
export interface RegistryRun {
  store: RegistryStore;
  ctx: RegistryContext;
  format: Format;
  io: CliIO;
  /** JSON with --format json, else the text. */
  emit: (json: unknown, text: () => string) => void;
}

interface RegistrySpec<O extends Record<string, OptionSpec>> extends Omit<CommandSpec<O>, 'run' | 'name'> {
  /** The sub-command: `promote`. */
  sub: string;
  writes: boolean;
  run: (values: Values<O>, r: RegistryRun, positionals: string[]) => Promise<number>;
}

/**
 * A `mlops registry SUB` command: its own options over the store flags (and, when it writes, the
 * actor flags); the store is opened before `run` and closed after it, whatever happens.
 */
export function defineRegistryCommand<const O extends Record<string, OptionSpec>>(spec: RegistrySpec<O>): DefinedCommand {
  const options = { ...spec.options, ...registryStoreOptions, ...(spec.writes ? registryWriteOptions : {}) } as O & typeof registryStoreOptions;
  return defineCommand({
    ...spec,
    name: `registry ${spec.sub}`,
    positionals: spec.positionals ?? [],
    options,
    async run(values, io, positionals) {
      const v = values as Values<typeof registryStoreOptions> & Partial<Values<typeof registryWriteOptions>>;
      const store = await openStore({
        backend: v.backend,
        cwd: io.cwd,
        env: io.env,
        remote: v.remote,
        branch: v.branch,
        repo: v.repo,
        apiUrl: v['api-url'],
        cacheDir: v.cache,
      });
      try {
        const who = actorFromEnv(io.env, { actor: v.actor, runId: v['run-id'], runUrl: v['run-url'] });
        const ctx: RegistryContext = { store, now: io.now, actor: who.actor, run: who.run, tags: v.tags === true };
        const out = (text: string) => io.stdout.write(text.endsWith('\n') ? text : text + '\n');
        const emit = (json: unknown, text: () => string) => out(v.format === 'json' ? JSON.stringify(json, null, 2) : text());
        return await spec.run(values as Values<O>, { store, ctx, format: v.format, io, emit }, positionals);
      } finally {
        await store.close();
      }
    },
  });
}

export function one(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw new MlopsError(`usage: mlops registry ${usage}`);
  return positionals[0];
}

/** `NAME VERSION` or `NAME@VERSION`. */
export function nameAndVersion(positionals: string[], usage: string): [string, number] {
  if (positionals.length === 1) {
    const ref = parseModelRef(positionals[0]);
    if (ref.version !== undefined) return [ref.name, ref.version];
  }
  if (positionals.length !== 2) throw new MlopsError(`usage: mlops registry ${usage}`);
  return [parseModelRef(positionals[0]).name, parseVersion(positionals[1])];
}

/** A Markdown heading with --format markdown; nothing in a table. */
export const heading = (format: Format, text: string) => (format === 'markdown' ? `## ${text}\n\n` : '');
