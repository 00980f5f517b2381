import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export type YamlPath = readonly (string | number)[];

/**
 * Where things are in a YAML file, for annotations that point at a line: parses once with a
 * line counter and answers the 1-based line of a key or sequence item. Text that is not
 * valid YAML answers undefined everywhere (its parse error carries its own line).
 */
export function yamlLines(text: string) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const valid = doc.errors.length === 0;
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : counter.linePos(offset).line);

  /** The node at `path`, and the line of its key (or item) — the line a reader looks at. */
  const walk = (path: YamlPath): { node: unknown; line: number | undefined } | undefined => {
    if (!valid) return undefined;
    let node: unknown = doc.contents;
    let line = lineAt((node as Node | null)?.range?.[0]);
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
        if (!pair) return undefined;
        line = lineAt((pair.key as Node | null)?.range?.[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step] as Node | undefined;
        if (!item) return undefined;
        line = lineAt(item.range?.[0]);
        node = item;
      } else return undefined;
    }
    return { node, line };
  };

  return {
    /** Line of the deepest key of `path` that exists (so `columns.age.max` falls back to `columns.age`). */
    lineOf(path: YamlPath): number | undefined {
      for (let n = path.length; n > 0; n--) {
        const found = walk(path.slice(0, n));
        if (found) return found.line;
      }
      return undefined;
    },
    /** Line of the first item of the sequence at `path` whose scalar text, trimmed, is `text`. */
    lineOfItem(path: YamlPath, text: string): number | undefined {
      const found = walk(path);
      if (!found || !isSeq(found.node)) return undefined;
      const item = found.node.items.find((i) => isScalar(i) && String(i.value).trim() === text) as Node | undefined;
      return lineAt(item?.range?.[0]);
    },
  };
}
