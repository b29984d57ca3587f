/**
 * The syntaxes tq reads, and what a markup front end hands to `analyzeSource`. Loads nothing at
 * run time (its imports are types only): `@tq/analyzer/syntax` is this module, for a command line
 * that validates `--syntax` before it loads the analyzer.
 */
import type { Directive } from './control.js'
import type { VirtualText } from './virtual-text.js'

/** How a file is read: plain text, or a markup front end. */
export type Syntax = 'text' | 'markdown' | 'mdx' | 'html' | 'json'

export const SYNTAXES: readonly Syntax[] = ['text', 'markdown', 'mdx', 'html', 'json']

export interface Prepared {
  /** The prose the analyzer reads, and the map back to the original file. */
  virtual: VirtualText
  /** Inline control comments, in document order. */
  directives: Directive[]
  /**
   * Original ranges of structured content the author wrote on purpose (Markdown headings, lists
   * and tables): boilerplate findings in them are dropped and their lines count as content.
   */
  structured?: Array<{ start: number; end: number }>
  /**
   * Original ranges that are structured content in documentation but may be page junk in a
   * scraped page converted to Markdown (markup/source.ts decides by the file's register): bars of
   * links (`[GitHub](…) | [Docs](…)`), a README's under its title, a site's navigation elsewhere;
   * block quotes (`> Next Generation Frontend Tooling`), a README's tagline or note, but in
   * converted news an embed's `View this post on Instagram` or a newsletter box.
   */
  structuredInDocs?: Array<{ start: number; end: number }>
}
