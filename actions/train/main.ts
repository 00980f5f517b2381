import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../../src/github/action.ts';
import { trainAction } from '../../src/github/train-action.ts';

// Both this file and its bundle (dist/actions/train.js) sit two folders below the repository root.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

await runAction(() => trainAction({ bundleDir: dirname(fileURLToPath(import.meta.url)), version }));
