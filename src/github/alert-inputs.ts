import { choiceInput, input, optionalInput } from './action.ts';
import type { DispatchTarget } from './dispatch.ts';
import { MlopsError } from '../util/errors.ts';

/** The inputs the scheduled checks (drift, performance) share, read the same way in both actions. */
export function numberInput(name: string, valid: (x: number) => boolean): number | undefined {
  const text = optionalInput(name);
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!Number.isFinite(x) || !valid(x)) throw new MlopsError(`input "${name}" must be a number in range (got "${text}")`);
  return x;
}

/** `dispatch`: none, repository (with `event-type`) or workflow (with `workflow`, `workflow-ref`). */
export function dispatchInput(env: NodeJS.ProcessEnv): DispatchTarget | null {
  const kind = choiceInput('dispatch', ['none', 'repository', 'workflow'] as const, 'none');
  if (kind === 'repository') return { kind: 'repository', eventType: input('event-type', 'mlops-retrain') };
  if (kind === 'workflow') return { kind: 'workflow', workflow: input('workflow'), ref: optionalInput('workflow-ref') ?? env.GITHUB_REF_NAME ?? 'main' };
  return null;
}

/** The model's name: the input `name`, else NAME from a `registry:NAME…` reference, else the repository's name. */
export function modelNameInput(name: string, reference: string, env: NodeJS.ProcessEnv): string {
  return optionalInput(name) ?? /^registry:([^#@]+)/.exec(reference)?.[1] ?? ((env.GITHUB_REPOSITORY ?? '').split('/')[1] || 'model');
}

export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
}
