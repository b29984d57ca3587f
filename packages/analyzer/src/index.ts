/**
 * @tq/analyzer: reads text into nlcst, finds problems, measures each line.
 * The pipeline is in `analyze.ts`; the rules are in `rules/` (registry: `rules/index.ts`).
 *
 * This entry loads every markup front end, so `analyzeSource` reads any syntax synchronously.
 * `@tq/analyzer/lazy` (lazy.ts) exports the same API and loads the Markdown and HTML front ends on
 * demand (`loadSyntax`), which is what the tq binary uses to start fast.
 */
import { provideFrontEnds } from './markup/front-ends.js'
import { prepareHtml } from './markup/html.js'
import { prepareMarkdown } from './markup/markdown.js'

provideFrontEnds({ markdown: prepareMarkdown, html: prepareHtml })

export * from './lazy.js'
