import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One import: the importing file, and either the file it names (relative imports) or the package. */
export interface ImportEdge {
  from: string;
  /** Repository-relative path of a relative import's target. */
  file?: string;
  /** Package name of a bare import (`@actions/core`, `octokit`). */
  pkg?: string;
}

/** Every static, dynamic (`import('x')`) and re-export import of the .ts/.mjs/.js files under `dirs`. */
export function readImports(root: string, dirs: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(root, d))) {
    // The compiler's own scanner: comments, strings and template text never count as imports.
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    for (const { fileName: spec } of importedFiles) {
      if (spec.startsWith('node:')) continue;
      if (spec.startsWith('.')) edges.push({ from: file, file: relative(root, resolve(root, dirname(file), spec)) });
      else edges.push({ from: file, pkg: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0] });
    }
  }
  return edges;
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|js)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** The area a file belongs to: `src/<dir>` (or `src/<file>` for a file at src's top), else its top folder. */
export function areaOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'src' ? `src/${parts[1]}` : parts[0];
}

export interface Boundaries {
  /** src areas from the bottom layer up: an area imports only areas of lower layers. */
  layers: readonly (readonly string[])[];
  /** Areas outside the layers (entry points, tooling) and the areas they must not import. */
  entries: Readonly<Record<string, readonly string[]>>;
  /** Packages only the listed areas may import. */
  packages: Readonly<Record<string, readonly string[]>>;
}

/** Each broken rule as one line naming the file and the import. */
export function violations(edges: readonly ImportEdge[], rules: Boundaries): string[] {
  const layerOf = new Map(rules.layers.flatMap((areas, i) => areas.map((a) => [a, i] as const)));
  const out: string[] = [];
  for (const e of edges) {
    const from = areaOf(e.from);
    if (e.pkg !== undefined) {
      const owners = Object.entries(rules.packages).find(([p]) => e.pkg === p || (p.endsWith('/*') && e.pkg!.startsWith(p.slice(0, -1))))?.[1];
      if (owners && !owners.includes(from)) out.push(`${e.from} imports ${e.pkg}, which only ${owners.join(', ')} may import`);
      continue;
    }
    const to = areaOf(e.file!);
    if (to === from) continue;
    if (from in rules.entries) {
      if (rules.entries[from].includes(to)) out.push(`${e.from} imports ${e.file}: ${from} never imports ${to}`);
      continue;
    }
    const a = layerOf.get(from);
    const b = layerOf.get(to);
    if (a === undefined) out.push(`${e.from}: ${from} is in no layer (add it to the table)`);
    else if (b === undefined) out.push(`${e.from} imports ${e.file}: ${to} is not a src layer (src never imports ${to})`);
    else if (b >= a) out.push(`${e.from} imports ${e.file}: ${from} (layer ${a}) may import only lower layers, and ${to} is layer ${b}`);
  }
  return out;
}

/** The cycles between areas (strongly connected components of more than one area), each sorted. */
export function areaCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.file === undefined) continue;
    const [a, b] = [areaOf(e.from), areaOf(e.file)];
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    if (!next.has(b)) next.set(b, new Set());
    next.get(a)!.add(b);
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}
