/**
 * The rule-based translation detectors on the real samples in fixtures/seeds, and focused cases
 * for the exceptions each rule handles.
 */
import fs from 'node:fs'
import type { Root } from 'nlcst'
import retextEnglish from 'retext-english'
import retextRepeatedWords from 'retext-repeated-words'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { analyze, type Finding } from '../src/index.js'
import { SOUNDS } from '../src/rules/translation/shared.js'
import { hash, normalise, sentenceKey } from '../src/rules/translation/repeated-sentence.js'
import { StringTable } from '../src/rules/translation/string-table.js'

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

  it('repeated-word finds what retext-repeated-words finds (its port), less tq’s exceptions', () => {
    // tq's exceptions on top of the plugin: sounds, doubled intensifiers, three or more in a row.
    const kept = new Set([...SOUNDS, 'very', 'many', 'really', 'so', 'much', 'far', 'more', 'long'])
    const plugin = (text: string): string[] => {
      const processor = unified().use(retextEnglish).use(retextRepeatedWords)
      const file = new VFile(text)
      processor.runSync(processor.parse(file) as Root, file)
      const found = file.messages.map((message) => {
        const place = message.place && 'start' in message.place ? message.place : undefined
        return { start: place!.start.offset!, end: place!.end.offset!, at: `${place!.start.line}:${place!.start.column}-${place!.end.line}:${place!.end.column}`, word: message.expected![0]! }
      })
      return found
        .filter((item, index) => {
          if (kept.has(item.word.toLowerCase())) return false
          const overlaps = (other: typeof item | undefined): boolean => other !== undefined && other.start < item.end && item.start < other.end
          return !overlaps(found[index - 1]) && !overlaps(found[index + 1])
        })
        .map((item) => `${item.at} ${item.word}`)
    }
    const ours = (text: string): string[] => findings(text, 'translation/repeated-word').map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.expected![0]}`)
    const cases = [
      'Putin did not agree to the the ceasefire. The The talks will will resume.\n\nIt was a a long call, call after call.',
      'They had had enough; he said that that was all. Walla Walla, Duran Duran and D. D. left.',
      'The the the talks. Very very clear, ha ha, bye bye. Don’t don’t go. U.S. U.S. troops.',
      // One paragraph: a long line that does not end a sentence runs on into a lowercase one.
      'It is is is it? The ministers agreed that the talks would the\nthe talks resume. Word—word, end end.',
      ...['npr-garbled.txt', 'afp-roundtrip.txt', 'aljazeera-rewrite.txt'].map((name) => seed(name).split('\n').filter((line) => line.trim()).join('\n\n')),
    ]
    for (const text of cases) expect(ours(text)).toEqual(plugin(text))
    expect(ours(cases[0]!).length).toBeGreaterThan(2)
  })

  it('repeated-sentence: the one-pass key of an ASCII sentence is the hash of its normalised text', () => {
    const cases = [
      'The talks ended without any commitment to a ceasefire.',
      '  "Russia said it had considered the request from Kyiv."  ',
      'He said the war would end within a DAY!!?',
      "It's over... it's 'really' over.\t\n \" ",
      'Stop. "',
      '...',
      '',
      ' \v\f leading and   inner\r\nspace ',
      'Ünïcode “quotes” and the İ fold…',
    ]
    for (const text of cases) expect(sentenceKey(text)).toBe(hash(normalise(text)))
    for (const line of seed('npr-garbled.txt').split('\n')) expect(sentenceKey(line.trim())).toBe(hash(normalise(line.trim())))
  })

  it('ratios, rhetoric and sounds are not translation artifacts', () => {
    expect(findings('The score was 3 : 1 at half time. Location, location, location! Ha ha ha, said the crowd.')).toEqual([])
  })
})

describe('StringTable', () => {
  it('numbers strings in the order they come and finds them again, whatever their characters', () => {
    const table = new StringTable()
    const words = ['the', 'The', 'café', '', 'naïve', '😀', 'a'.repeat(300), ...Array.from({ length: 5000 }, (_, i) => `w${i}`)]
    words.forEach((word, id) => expect(table.add(word)).toBe(id))
    words.forEach((word, id) => expect(table.get(word)).toBe(id))
    expect(table.add('the')).toBe(0)
    expect(table.size).toBe(words.length)
    for (const word of ['THE', 'cafe', 'w5000', 'a'.repeat(299)]) expect(table.get(word)).toBe(-1)
    table.clear()
    expect(table.get('the')).toBe(-1)
    expect(table.add('naïve')).toBe(0)
  })
})
