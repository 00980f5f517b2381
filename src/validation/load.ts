import { dirname, resolve } from 'node:path';
import { parseProfile } from '../profile/profile.ts';
import type { Profile } from '../profile/schema.ts';
import { readText } from '../util/fs.ts';
import { parseRules, type Rules } from './rules.ts';

/** Reads a rules file and the reference profile it names (resolved relative to the rules file). */
export async function loadRulesWithReference(rulesFile: string): Promise<{ rules: Rules; reference?: Profile }> {
  const rules = parseRules(await readText(rulesFile), rulesFile);
  if (!rules.reference) return { rules };
  const path = resolve(dirname(rulesFile), rules.reference.profile);
  return { rules, reference: parseProfile(await readText(path), path) };
}
