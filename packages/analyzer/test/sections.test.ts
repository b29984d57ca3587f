/**
 * `analyzeSections`: a huge text analysed a section at a time. The real seeds stand in for a big
 * file by using a small section size.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze, analyzeSections, type Analysis } from '../src/index.js'

const seeds = new URL('../../../fixtures/seeds/', import.meta.url)
const seed = (name: string): string => fs.readFileSync(new URL(name, seeds), 'utf8')
const names = fs.readdirSync(seeds).filter((name) => name.endsWith('.txt'))

/** `text` in pieces of `size` characters, cut anywhere (mid-word, mid-line). */
function* piecesOf(text: string, size: number): Generator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size)
}

describe('analyzeSections', () => {
  it('gives exactly what analyze gives for a text smaller than a section', () => {
    for (const name of names) {
      const text = seed(name)
      const sections = [...analyzeSections(piecesOf(text, 500))]
      expect(sections).toHaveLength(1)
      expect(sections[0]).toEqual(analyze(text))
    }
  })

  describe('on the five seeds one after another, in sections of 4,000 characters', () => {
    const text = names.map(seed).join('\n\n')
    const sections: Analysis[] = [...analyzeSections(piecesOf(text, 997), {}, 4000)]
    const lines = text.split('\n')

    it('cuts several sections, each after the lines of the one before', () => {
      expect(sections.length).toBeGreaterThan(3)
      for (let index = 1; index < sections.length; index++) {
        expect(sections[index]!.lines[0]!.line).toBeGreaterThan(sections[index - 1]!.lines.at(-1)!.line)
      }
    })

    it('numbers lines in the whole text: every non-blank line once, in order', () => {
      const numbers = sections.flatMap((section) => section.lines.map((line) => line.line))
      const expected = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index + 1]))
      expect(numbers).toEqual(expected)
    })

    it('places every finding where its excerpt is in the whole text', () => {
      const findings = sections.flatMap((section) => section.findings)
      expect(findings.length).toBeGreaterThan(20)
      for (const finding of findings) {
        if (finding.line !== finding.endLine || finding.excerpt.endsWith('…')) continue
        const source = lines[finding.line - 1]!.slice(finding.column - 1, finding.endColumn - 1)
        expect(source.replace(/\s+/g, ' ').trim()).toBe(finding.excerpt)
      }
    })

    it('keeps the first section’s language for the rest, and counts every word once', () => {
      expect(new Set(sections.map((section) => section.language))).toEqual(new Set(['en']))
      const words = sections.reduce((sum, section) => sum + section.stats.words, 0)
      expect(words).toBe(analyze(text).stats.words)
    })

    it('finds what the whole-text analysis finds on the quote rules', () => {
      const quotes = (findings: Analysis['findings']): string[] =>
        findings.filter((finding) => finding.ruleId === 'translation/quote-misplaced').map((finding) => `${finding.line}:${finding.column}`)
      expect(quotes(sections.flatMap((section) => section.findings))).toEqual(quotes(analyze(text).findings))
    })
  })

  it('never cuts a line: a line longer than a section stays whole', () => {
    const long = 'The committee met again on Monday and agreed on nothing at all. '.repeat(200)
    const text = `First line of the text.\n${long}\nLast line of the text, after the long one.\n`
    const sections = [...analyzeSections(piecesOf(text, 100), {}, 1000)]
    const numbers = sections.flatMap((section) => section.lines.map((line) => line.line))
    expect(numbers).toEqual([1, 2, 3])
  })

  it('yields one analysis with a note for empty input', () => {
    const sections = [...analyzeSections([])]
    expect(sections).toHaveLength(1)
    expect(sections[0]!.notes).toEqual(['empty file: nothing to check'])
  })
})
