/**
 * The Markdown and HTML front ends, loaded on demand.
 *
 * They pull in large parsers (micromark, mdast, acorn for MDX; parse5 and hast for HTML): several
 * hundred modules that a run over plain text never uses and that cost a CLI start-up about 100 ms.
 * So `analyzeSource` finds them here rather than importing them:
 *
 * - `@tq/analyzer` (index.ts) imports both and provides them at once: `analyzeSource` reads every
 *   syntax synchronously, as it always has.
 * - `@tq/analyzer/lazy` (lazy.ts) provides neither; a caller awaits `loadSyntax('markdown')` (or
 *   `'mdx'`, `'html'`) before analyzing such a file. `text` and `json` need nothing loaded.
 *
 * ```ts
 * import { analyzeSource, loadSyntax } from '@tq/analyzer/lazy'
 * await loadSyntax('markdown')
 * analyzeSource(readme, { syntax: 'markdown' })
 * ```
 */
import type { Prepared, Syntax } from './types.js'

export type MarkdownFrontEnd = (text: string, options?: { mdx?: boolean }) => Prepared
export type HtmlFrontEnd = (text: string) => Prepared

export interface FrontEnds {
  markdown?: MarkdownFrontEnd
  html?: HtmlFrontEnd
}

const provided: FrontEnds = {}

/** Make front ends available to `analyzeSource` (index.ts provides both when it is imported). */
export function provideFrontEnds(frontEnds: FrontEnds): void {
  if (frontEnds.markdown) provided.markdown = frontEnds.markdown
  if (frontEnds.html) provided.html = frontEnds.html
}

/** Load the front end `syntax` needs, if it has one and it is not loaded yet. */
export async function loadSyntax(syntax: Syntax): Promise<void> {
  if ((syntax === 'markdown' || syntax === 'mdx') && !provided.markdown) {
    provided.markdown = (await import('./markdown.js')).prepareMarkdown
  } else if (syntax === 'html' && !provided.html) {
    provided.html = (await import('./html.js')).prepareHtml
  }
}

export function markdownFrontEnd(): MarkdownFrontEnd {
  if (!provided.markdown) throw notLoaded('markdown')
  return provided.markdown
}

export function htmlFrontEnd(): HtmlFrontEnd {
  if (!provided.html) throw notLoaded('html')
  return provided.html
}

function notLoaded(syntax: Syntax): Error {
  return new Error(`the ${syntax} front end is not loaded: await loadSyntax('${syntax}') from '@tq/analyzer/lazy' first, or import '@tq/analyzer'`)
}
