/**
 * The document model's word count: tq's one definition of a word (the `words` of `lines[]`, the
 * boilerplate classifier's lengths), a scan that must agree with the pattern it stands for.
 */
import { describe, expect, it } from 'vitest'
import { countWords, segment, WORD_PATTERN } from '../src/document.js'
import { sequence } from './sequence.js'

const byPattern = (text: string): number => text.match(WORD_PATTERN)?.length ?? 0

describe('countWords', () => {
  it('counts runs of letters or digits, joined by an apostrophe, a full stop or a hyphen between two', () => {
    expect(countWords("Don't stop: the well-known U.S. firm's 3rd-quarter results.")).toBe(8)
    expect(countWords('a--b a- -b .a a.')).toBe(6)
    expect(countWords('  Москва и Πάρις, 東京 ')).toBe(4)
    expect(countWords('')).toBe(0)
    expect(countWords('— … !')).toBe(0)
  })

  it('reads a letter outside the Basic Multilingual Plane as one character and an emoji as none', () => {
    expect(countWords('𝐏𝐫𝐞𝐬𝐢𝐝𝐞𝐧𝐭 said 😀 hi')).toBe(3)
    expect(countWords('a😀b')).toBe(2)
    expect(countWords('x-𝐏')).toBe(1)
    expect(countWords('\ud835 lone \udc0f')).toBe(1)
  })

  it('agrees with the pattern on random mixes of letters, digits, joiners, marks and surrogates', () => {
    const pieces = ['word', 'The', '3', '2019', 'é', 'naïve', 'Ж', 'ΟΔΟΣ', '漢字', 'ㄱ', '𝐏', '😀', '\ud835', '\udc0f', "'", '’', '.', '-', '--', ' ', '  ', '\t', ',', '!', '_', '\u00ad', '\u0301', '٣', 'Ⅻ']
    const next = sequence(777)
    const mismatches: string[] = []
    for (let i = 0; i < 20000; i++) {
      let text = ''
      for (let j = 1 + Math.floor(next() * 12); j > 0; j--) text += pieces[Math.floor(next() * pieces.length)]
      if (countWords(text) !== byPattern(text)) mismatches.push(JSON.stringify(text))
    }
    expect(mismatches).toEqual([])
  })
})

describe('segment', () => {
  it('keeps a hard-wrapped sentence in one paragraph where a wrapped line starts with a capital', () => {
    const paragraph = [
      'The President of the European Commission, Ursula von der',
      'Leyen, said on Monday that the talks in Istanbul had ended without',
      'a commitment to a ceasefire, and that the Union would prepare new',
      'sanctions against Moscow if the Kremlin refused an unconditional',
      'truce. Officials in Kyiv said they had expected nothing else from',
      'Russia, whose delegation had been led by a presidential aide.',
    ]
    const text = `${paragraph.join('\n')}\n\n${paragraph.join('\n')}\n`
    const document = segment(text)
    expect(document.wrapWidth).toBeDefined()
    expect(document.paragraphs.map((p) => [p.startLine, p.endLine])).toEqual([
      [1, 6],
      [8, 13],
    ])
    // One paragraph a line, as scraped text has it: no width, each line its own paragraph.
    const flat = segment(paragraph.map((line) => `${line} and more words to make it long enough to be a paragraph on its own line.`).join('\n'))
    expect(flat.wrapWidth).toBeUndefined()
  })

  it('groups a wrapped text’s lines one way for every reader: its paragraphs are wrapStarts’s', () => {
    const paragraph = [
      'The President of the European Commission, Ursula von der',
      'Leyen, said on Monday that the talks in Istanbul had ended without',
      'a commitment to a ceasefire, and that the Union would prepare new',
      'sanctions against Moscow if the Kremlin refused an unconditional',
      'truce. Officials in Kyiv said they had expected nothing else.',
    ]
    // A line of 44 characters that is not full, ends no sentence, and has a lower-case line below:
    // outside a wrapped text it would run on into that line (`continues`); in one, the wrap decides.
    const text = [...paragraph, 'Officials in the capital said on Monday that', 'they would wait for the result of the talks.', '', ...paragraph, ''].join('\n')
    const document = segment(text)
    expect(document.wrapWidth).toBeDefined()
    const starts = document.wrapStarts!
    for (const p of document.paragraphs) for (let line = p.startLine; line <= p.endLine; line++) expect(starts[line - 1], `line ${line}`).toBe(p.startLine)
    expect(document.paragraphs.map((p) => [p.startLine, p.endLine])).toEqual([
      [1, 5],
      [6, 6],
      [7, 7],
      [9, 13],
    ])
  })
})
