import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (or MLOPS_CHROMIUM, e.g. a hosted runner's Chrome); the render tests skip, saying why, without it. */
export const CHROMIUM = process.env.MLOPS_CHROMIUM || '/usr/bin/chromium';
export const chromiumMissing: string | false = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium; .ci/run does) or set MLOPS_CHROMIUM`;

/** Where the screenshots go (gitignored). */
export const SHOTS = '.artifacts/reports';

const MERMAID = new URL('../../node_modules/mermaid/dist/mermaid.min.js', import.meta.url).pathname;

/** Enough of GitHub's Markdown styling (tables, code, details) to judge a comment's layout at its width. */
const CSS = `
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: 780px; padding: 16px; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.markdown-body h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 0 0 16px; }
.markdown-body h3 { font-size: 1.25em; margin: 24px 0 16px; }
.markdown-body table { border-collapse: collapse; display: block; overflow: auto; max-width: 100%; margin-bottom: 16px; }
.markdown-body th, .markdown-body td { border: 1px solid #d1d9e0; padding: 6px 13px; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; font-family: ui-monospace, monospace; }
.markdown-body blockquote { border-left: .25em solid #d1d9e0; color: #59636e; margin: 0 0 16px; padding: 0 1em; }
.markdown-body pre.mermaid { background: none; text-align: center; }
.markdown-body sub { color: #59636e; }
`;

export interface Rendered {
  /** mermaid.parse errors, one per block that does not parse. */
  errors: string[];
  blocks: number;
  /** Blocks mermaid drew as SVG. */
  svgs: number;
  /** Chart widths in CSS pixels: wider than the comment means a horizontal scrollbar. */
  chartWidths: number[];
  links: string[];
  text: string;
  screenshot: string;
}

/**
 * A headless Chromium page that renders GitHub Markdown (marked, GFM) with mermaid from
 * node_modules (no network), the way a PR comment shows it, and screenshots it.
 */
export async function openRenderer(): Promise<{ render: (name: string, markdown: string) => Promise<Rendered>; close: () => Promise<void> }> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page: Page = await browser.newPage({ viewport: { width: 812, height: 600 } });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><article class="markdown-body" id="root"></article></body></html>`,
  );
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(() => (globalThis as any).mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' }));
  mkdirSync(SHOTS, { recursive: true });
  return {
    async render(name, markdown) {
      const html = marked.parse(markdown, { gfm: true, async: false }) as string;
      const result = await page.evaluate(async (body: string) => {
        // Runs in the page (the tsconfig has no DOM types).
        const { mermaid, document } = globalThis as any;
        const root = document.getElementById('root');
        root.innerHTML = body;
        const blocks: any[] = [...root.querySelectorAll('code.language-mermaid')];
        const errors: string[] = [];
        for (const [i, code] of blocks.entries()) {
          const text = code.textContent ?? '';
          try {
            await mermaid.parse(text);
          } catch (err) {
            errors.push(`block ${i + 1}: ${(err as Error).message ?? String(err)}\n${text}`);
          }
          const pre = document.createElement('pre');
          pre.className = 'mermaid';
          pre.textContent = text;
          code.parentElement.replaceWith(pre);
        }
        await mermaid.run({ querySelector: 'pre.mermaid', suppressErrors: true });
        const svgs: any[] = [...root.querySelectorAll('pre.mermaid svg')];
        return {
          errors,
          blocks: blocks.length,
          svgs: svgs.length,
          chartWidths: svgs.map((s) => Math.round(s.getBoundingClientRect().width)),
          links: [...root.querySelectorAll('a')].map((a: any) => String(a.getAttribute('href') ?? '')),
          text: String(root.innerText),
        };
      }, html);
      const screenshot = join(SHOTS, `${name}.png`);
      await page.locator('#root').screenshot({ path: screenshot });
      return { ...result, screenshot };
    },
    close: () => browser.close(),
  };
}
