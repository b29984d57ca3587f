/**
 * The rule-based translation detectors on the real samples in fixtures/seeds, and focused cases
 * for the exceptions each rule handles.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze, type Finding } from '../src/index.js'

const seed = (name: string): string => fs.readFileSync(new URL(`../../../fixtures/seeds/${name}`, import.meta.url), 'utf8')
const findings = (text: string, ruleId?: string, lang = 'en'): Finding[] =>
  analyze(text, { lang }).findings.filter((f) => f.category === 'translation' && (!ruleId || f.ruleId === ruleId))
const lines = (list: Finding[]): number[] => [...new Set(list.map((f) => f.line))]

describe('seed samples', () => {
  it('npr-garbled.txt: the closing quotes written as opening ones on lines 21 and 33', () => {
    const text = seed('npr-garbled.txt')
    const found = findings(text, 'translation/quote-misplaced')
    expect(lines(found)).toEqual([21, 33])
    const source = text.split('\n')
    for (const finding of found) {
      expect(finding.severity).toBe('error')
      expect(finding.expected).toEqual(['”'])
      // The column points at the “ before `said`.
      expect(finding.column).toBe(source[finding.line - 1]!.indexOf('“said') + 1)
      expect(finding.endColumn).toBe(finding.column + 1)
    }
  })

  it('afp-roundtrip.txt: the curly quotes and apostrophe on line 32 are the odd ones out', () => {
    const found = findings(seed('afp-roundtrip.txt'), 'translation/quote-style-mixed')
    expect(lines(found)).toEqual([32])
    expect(found.map((f) => f.excerpt).sort()).toEqual(['’', '“denazify”'])
    expect(found.find((f) => f.excerpt === '“denazify”')?.expected).toEqual(['"denazify"'])
    expect(found.every((f) => f.severity === 'warning')).toBe(true)
  })

  it.each(['afp-original.txt', 'ndtv-boilerplate.txt', 'aljazeera-rewrite.txt'])('%s: no error-level translation finding', (name) => {
    expect(findings(seed(name)).filter((f) => f.severity === 'error')).toEqual([])
  })

  it.each(['afp-original.txt', 'ndtv-boilerplate.txt', 'aljazeera-rewrite.txt', 'npr-garbled.txt'])('%s: consistent quotes, no quote-style-mixed', (name) => {
    expect(findings(seed(name), 'translation/quote-style-mixed')).toEqual([])
  })
})

describe('translation/quote-misplaced', () => {
  it('an opening quote written as a closing one, and German quotes, get the right glyph', () => {
    expect(findings('”Hello”, she said.', 'translation/quote-misplaced').map((f) => [f.column, f.expected])).toEqual([[1, ['“']]])
    expect(findings('He called it „a disaster“ and left.', 'translation/quote-misplaced').map((f) => [f.column, f.expected])).toEqual([
      [14, ['“']],
      [25, ['”']],
    ])
  })

  it('a quotation opening after a comma is fine when it closes', () => {
    expect(findings('He called it, “a disaster,” and left. She said, “no.”')).toEqual([])
  })

  it('German text keeps its „…“', () => {
    expect(findings('Er sagte „Hallo“ und ging nach Hause, weil es spät war.', 'translation/quote-misplaced', 'de')).toEqual([])
  })
})

describe('translation/quote-unbalanced', () => {
  it('a quotation over several paragraphs is open in all but the last: not an error', () => {
    const text = '“We shall go on to the end.\n\n“We shall fight on the beaches.\n\n“We shall never surrender,” he said.\n'
    expect(findings(text, 'translation/quote-unbalanced')).toEqual([])
  })

  it('an open quotation not continued in the next paragraph is flagged at its quote', () => {
    const found = findings('He said “the talks failed.\n\nNobody followed him.', 'translation/quote-unbalanced')
    expect(found.map((f) => [f.line, f.column])).toEqual([[1, 9]])
  })

  it('a stray closing quote, straight or curly, is flagged; inch marks are not quotes', () => {
    expect(findings('She left early, he said.” Then it ended.', 'translation/quote-unbalanced').map((f) => f.column)).toEqual([25])
    expect(findings('The pipe is 12" long and 3" wide.', 'translation/quote-unbalanced')).toEqual([])
    expect(findings('A "fake" delegation and a "next step.', 'translation/quote-unbalanced').map((f) => f.column)).toEqual([27])
  })

  it('state survives the chunks analyze() parses separately', () => {
    // About 300 KB: more than one chunk. One quotation runs over all 3000 paragraphs, so every
    // chunk boundary falls inside it; only its end decides.
    const paragraphs = Array.from({ length: 3000 }, () => '“The delegations met again in Istanbul on Monday and agreed to continue the talks.')
    const closed = [...paragraphs, '“The talks will go on,” he said.'].join('\n\n')
    expect(findings(closed, 'translation/quote-unbalanced')).toEqual([])
    const open = [...paragraphs, 'Nobody answered him.'].join('\n\n')
    expect(findings(open, 'translation/quote-unbalanced').map((f) => [f.line, f.column])).toEqual([[5999, 1]])
  })
})

describe('translation/quote-style-mixed', () => {
  it('an evenly mixed document gets one finding, not one per line', () => {
    const text = 'He said "no" twice.\nShe said “yes” twice.\nThey said "maybe" once.\nWe said “never” again.\n'
    const found = findings(text, 'translation/quote-style-mixed')
    expect(found).toHaveLength(1)
    expect(found[0]!.severity).toBe('info')
  })
})

describe('translation/mojibake', () => {
  it('suggests the repaired text, also for text encoded twice', () => {
    const text = 'The cafÃ© said itâ€™s open: Ã¢â‚¬Å“newâ€ offers.'
    const found = findings(text, 'translation/mojibake')
    expect(found.map((f) => [f.column, f.excerpt, f.expected?.[0]])).toEqual([
      [text.indexOf('Ã©') + 1, 'Ã©', 'é'],
      [text.indexOf('â€™') + 1, 'â€™', '’'],
      [text.indexOf('Ã¢') + 1, 'Ã¢â‚¬Å“', '“'],
      // The third byte of `”` was lost: mojibake, but nothing to suggest.
      [text.lastIndexOf('â€') + 1, 'â€', undefined],
    ])
  })

  it('leaves Portuguese and Spanish capitals alone', () => {
    expect(findings('Ãngel left SÃO PAULO for MANAUS; “JOSÉ” stayed.', 'translation/mojibake')).toEqual([])
  })
})

describe('translation/leftover-placeholder and leftover-markup', () => {
  it('placeholders are flagged, percentages are not', () => {
    expect(findings('Hello {0}, you have %d new messages and 50% said yes.', 'translation/leftover-placeholder').map((f) => f.excerpt)).toEqual(['{0}', '%d'])
  })

  it('entities are flagged with their character; comparisons and addresses are not', () => {
    const found = findings('Tom &amp; Jerry<br>left. If a < b, write to <press@example.org>.', 'translation/leftover-markup')
    expect(found.map((f) => [f.excerpt, f.expected])).toEqual([
      ['&amp;', ['&']],
      ['<br>', undefined],
    ])
  })
})

describe('repeats', () => {
  it('repeated-word: flags `the the` where it is, keeps `had had`', () => {
    const found = findings('They had had enough of the the talks.', 'translation/repeated-word')
    expect(found.map((f) => [f.column, f.endColumn, f.expected])).toEqual([[24, 31, ['the']]])
  })

  it('repeated-sentence: names the first line; repeated headlines are left alone', () => {
    const text = 'Trump to hold call with Putin\n\nThe talks ended without any commitment to a ceasefire.\n\nTrump to hold call with Putin\n\nThe talks ended without any commitment to a “ceasefire”.\n'
    const found = findings(text, 'translation/repeated-sentence')
    expect(found.map((f) => [f.line, f.message])).toEqual([[7, 'Sentence repeated from line 3']])
  })

  it('repetition-loop: the whole loop, once', () => {
    const found = findings('Russia kept up pressure in the war in the war in the war in Ukraine.', 'translation/repetition-loop')
    expect(found.map((f) => [f.excerpt, f.severity, f.expected])).toEqual([['in the war in the war in the war', 'error', ['in the war']]])
  })

  it('ratios, rhetoric and sounds are not translation artifacts', () => {
    expect(findings('The score was 3 : 1 at half time. Location, location, location! Ha ha ha, said the crowd.')).toEqual([])
  })
})
