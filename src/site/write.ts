import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { fileError, MlopsError, SettingError } from '../util/errors.ts';
import { beginAtomicDir } from '../util/fs.ts';

/** The file that marks a folder as written by `mlops site`, so a rebuild may replace it. */
export const SITE_MARKER = '.mlops-site';

export const SiteMarkerSchema = z.object({
  schema_version: z.literal(1),
  kind: z.literal('mlops/site'),
  generated_at: z.string(),
  registry_commit: z.string().nullable(),
});
export type SiteMarker = z.infer<typeof SiteMarkerSchema>;

async function isSite(dir: string): Promise<boolean> {
  try {
    return SiteMarkerSchema.safeParse(JSON.parse(await readFile(join(dir, SITE_MARKER), 'utf8'))).success;
  } catch {
    return false;
  }
}

/**
 * Writes the pages into `dir` as one step: they are written into a temporary folder beside it,
 * which then takes its place, so a reader (or a Pages upload) never sees half a site. A folder
 * that exists, is not empty and is not a site we wrote is refused unless `force`, since it may
 * hold someone's hand-written files.
 */
export async function writeSite(dir: string, pages: Map<string, string>, marker: SiteMarker, options: { force: boolean }): Promise<void> {
  const target = resolve(dir);
  let existing = false;
  try {
    const s = await stat(target);
    if (!s.isDirectory()) throw new SettingError('out', (name) => `${name('out')} ${dir} is a file, not a folder: choose another ${name('out')}`);
    existing = (await readdir(target)).length > 0;
  } catch (err) {
    if (err instanceof MlopsError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(dir, err);
  }
  if (existing && !options.force && !(await isSite(target))) {
    throw new SettingError(
      ['out', 'force'],
      (name) =>
        `${name('out')} ${dir} is not empty and was not written by mlops site (no ${SITE_MARKER}): choose another folder, or pass ${name('force')} to replace it`,
    );
  }
  const staging = beginAtomicDir(target);
  try {
    for (const [path, html] of pages) {
      const file = join(staging.path, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, html);
    }
    await writeFile(join(staging.path, SITE_MARKER), JSON.stringify(marker, null, 2) + '\n');
  } catch (err) {
    await staging.abort();
    throw err instanceof MlopsError ? err : fileError(dir, err);
  }
  // Absent or empty: the rename alone puts the new site in place.
  if (!existing) return staging.commit();
  // Replace: move the old site aside, the new one in, then drop the old; put it back on failure.
  const aside = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.old`);
  try {
    await rename(target, aside);
  } catch (err) {
    await staging.abort();
    throw fileError(dir, err);
  }
  try {
    await staging.commit();
  } catch (err) {
    await rename(aside, target).catch(() => undefined);
    throw err;
  }
  await rm(aside, { recursive: true, force: true });
}
