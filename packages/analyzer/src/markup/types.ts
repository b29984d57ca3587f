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
   * Original ranges of Markdown bars of links (`[GitHub](…) | [Docs](…)`): structured content too
   * in documentation, where a README puts them under its title, but a site's navigation in a
   * scraped page converted to Markdown (markup/source.ts decides by the file's register).
   */
  linkBars?: Array<{ start: number; end: number }>
}
