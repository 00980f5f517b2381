import { openRegistryContext } from '../registry/open.ts';
import type { RegistryContext } from '../registry/operations.ts';
import { booleanInput, choiceInput, input, optionalSecretInput, optionalInput } from './action.ts';

/** The registry the register and promote actions write to, from their shared inputs. */
export async function registryFromInputs(): Promise<RegistryContext> {
  return openRegistryContext({
    backend: choiceInput('backend', ['git', 'github'] as const, 'git'),
    cwd: process.cwd(),
    env: process.env,
    remote: optionalInput('remote'),
    branch: input('branch', 'mlops-registry'),
    token: optionalSecretInput('token'),
    tags: booleanInput('tags', false),
    now: () => new Date(),
  });
}
