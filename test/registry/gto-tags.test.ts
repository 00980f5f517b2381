// The tags `--tags` writes, read back the way GTO reads them: GTO's own tag grammar (ported below
// from iterative/gto gto/constants.py at 4b652c8) and its rules (gto/tag.py index_tag: a stage
// assignment belongs to the version registered on the commit its tag names; the latest
// assignment by tag time holds the stage; a deregistered version is gone). GTO itself is Python
// and not installable here: test/fixtures/gto/gto_show.sh records `gto show` where it is.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../helpers.ts';
import { bareRepo, git, modelFile } from './fixtures.ts';

const semver =
  '(?<major>0|[1-9]\\d*)\\.(?<minor>0|[1-9]\\d*)\\.(?<patch>0|[1-9]\\d*)(?:-(?<prerelease>(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+(?<buildmetadata>[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?';
const name = '[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?';
const fullnameInTag = `(?<dirname>[a-zA-Z0-9-_./]+=)?(?<name>${name})`;
const TAG_RE = new RegExp(
  `^(?<artifact>${fullnameInTag})(((#(?<stage>${name})|@(?<version>v${semver}))(?<cancel>!?))|@((?<deprecated>deprecated)|(?<created>created)))(#(?<counter>[0-9]+))?$`,
);

interface GtoTag {
  tag: string;
  artifact: string;
  version?: string;
  stage?: string;
  cancel: boolean;
  counter?: number;
  commit: string;
  time: number;
}

/** Every tag of the repository that GTO's grammar accepts, with the commit it names and its tagger time. */
function gtoTags(repo: string): GtoTag[] {
  const listed = git(repo, 'for-each-ref', 'refs/tags', '--format=%(refname:short) %(*objectname) %(objectname) %(taggerdate:unix)').trim();
  return listed
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const [tag, peeled, own, time] = line.split(' ');
      const m = TAG_RE.exec(tag);
      if (!m?.groups) return [];
      const g = m.groups;
      return [
        {
          tag,
          artifact: g.artifact,
          version: g.version,
          stage: g.stage,
          cancel: g.cancel === '!',
          counter: g.counter ? Number(g.counter) : undefined,
          commit: peeled || own,
          time: Number(time),
        },
      ];
    });
}

/** What `gto show` would list: the registered versions and each stage's holder, per GTO's rules. */
function gtoState(repo: string, artifact: string) {
  const tags = gtoTags(repo)
    .filter((t) => t.artifact === artifact)
    .sort((a, b) => a.time - b.time || (a.counter ?? 0) - (b.counter ?? 0));
  const versions = new Map<string, string>();
  for (const t of tags.filter((t) => t.version && !t.cancel)) versions.set(t.commit, t.version!);
  for (const t of tags.filter((t) => t.version && t.cancel)) for (const [c, v] of versions) if (v === t.version) versions.delete(c);
  const stages: Record<string, string | undefined> = {};
  for (const t of tags.filter((t) => t.stage)) stages[t.stage!] = t.cancel ? undefined : versions.get(t.commit);
  return { versions: [...versions.values()].sort(), stages };
}

describe('GTO-readable tags', () => {
  test('the grammar port accepts GTO forms and refuses ours of before (churn@v7 is not SemVer)', () => {
    for (const ok of ['churn@v7.0.0', 'churn#production#3', 'churn@v7.0.0!#9', 'churn#staging!#4', 'churn@deprecated#5', 'dir=churn@v1.2.3'])
      assert.ok(TAG_RE.test(ok), ok);
    for (const bad of ['churn@v7', 'churn.v2@v1.0.0', 'churn#production#x']) assert.ok(!TAG_RE.test(bad), bad);
  });

  test('register, promote, rollback and deprecate with --tags read back in GTO as in the registry', { timeout: 60_000 }, async () => {
    const remote = bareRepo();
    let minute = 0;
    // Each write a minute after the last: GTO orders assignments by tag time.
    const run = async (args: string[]) => {
      const [sub, ...rest] = args;
      const r = await cli(['registry', sub, ...rest, '--remote', remote, '--tags'], { now: new Date(Date.UTC(2026, 2, 1, 12, minute++)) });
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      return r;
    };
    await run(['register', 'churn', '--model', modelFile('one').file, '--stage', 'staging']);
    await run(['register', 'churn', '--model', modelFile('two').file]);
    await run(['promote', 'churn', 'v2', '--to', 'production']);
    await run(['register', 'churn', '--model', modelFile('three').file]);
    await run(['promote', 'churn', 'v3', '--to', 'production']);
    await run(['rollback', 'churn', '--stage', 'production']);
    await run(['deprecate', 'churn', 'v3']);

    const tags = gtoTags(remote);
    const commitOf = (tag: string) => tags.find((t) => t.tag === tag)!.commit;
    // Stage and deregistration tags name the commit of the version they are about.
    assert.equal(commitOf('churn#staging#2'), commitOf('churn@v1.0.0'));
    assert.equal(commitOf('churn#production#4'), commitOf('churn@v2.0.0'));
    assert.equal(commitOf('churn#production#6'), commitOf('churn@v3.0.0'));
    assert.equal(commitOf('churn#production#7'), commitOf('churn@v2.0.0'), 'the rollback names v2 again');
    assert.equal(commitOf('churn@v3.0.0!#8'), commitOf('churn@v3.0.0'));
    assert.deepEqual(gtoState(remote, 'churn'), { versions: ['v1.0.0', 'v2.0.0'], stages: { staging: 'v1.0.0', production: 'v2.0.0' } });

    const shown = JSON.parse((await cli(['registry', 'list', '--remote', remote, '--format', 'json'])).stdout);
    const churn = shown.find((m: { name: string }) => m.name === 'churn');
    assert.deepEqual(churn.stages, { staging: 1, production: 2 }, 'the registry says the same');
  });

  test('a version registered without tags gets its version tag with its first stage tag', { timeout: 60_000 }, async () => {
    const remote = bareRepo();
    assert.equal((await cli(['registry', 'register', 'churn', '--model', modelFile('one').file, '--remote', remote])).code, 0);
    assert.equal((await cli(['registry', 'promote', 'churn', 'v1', '--to', 'production', '--remote', remote, '--tags'])).code, 0);
    assert.deepEqual(gtoState(remote, 'churn'), { versions: ['v1.0.0'], stages: { production: 'v1.0.0' } });
  });

  test('a name GTO cannot read is refused with --tags before anything is written', async () => {
    const remote = bareRepo();
    const r = await cli(['registry', 'register', 'churn.v2', '--model', modelFile('one').file, '--remote', remote, '--tags']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /GTO cannot read tags of a name with "\."/);
    assert.equal(git(remote, 'for-each-ref').trim(), '', 'nothing written');
  });
});
