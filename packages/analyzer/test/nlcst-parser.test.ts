/**
 * The fast nlcst parser (src/nlcst/, a port of parse-english / parse-latin 7) must build exactly
 * the reference parsers' trees: same nodes, values and positions. Compared on every paragraph of
 * fixtures/ and on hand-written cases of each merge rule; scripts/check-parser.mjs does the same
 * on the corpus.
 */
import fs from 'node:fs'
import type { Root } from 'nlcst'
import { unified, type Processor } from 'unified'
import retextEnglish from 'retext-english'
import retextLatin from 'retext-latin'
import { describe, expect, it } from 'vitest'
import { detectors } from '../src/index.js'
import { segment } from '../src/document.js'
import { firstDifference } from '../src/nlcst/compare.js'
import { parseNlcst, type Flavor } from '../src/nlcst/index.js'
import { parseCounts, parseParagraph, parseParagraphReference, referenceProcessor } from '../src/parse.js'

const flavors: Flavor[] = ['english', 'latin']
const processors = { english: referenceProcessor('english'), latin: referenceProcessor('latin') }

const fixture = (path: string): string => fs.readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8')

/** Every string value of a JSON document. */
function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (value && typeof value === 'object') for (const child of Object.values(value)) strings(child, into)
  return into
}

const fixtures: Array<[string, string]> = [
  ...fs
    .readdirSync(new URL('../../../fixtures/seeds/', import.meta.url))
    .filter((name) => name.endsWith('.txt'))
    .map((name): [string, string] => [`seeds/${name}`, fixture(`seeds/${name}`)]),
  ['markup/guide.md', fixture('markup/guide.md')],
  ['locales/en.json', fixture('locales/en.json')],
  ['locales/de.json', fixture('locales/de.json')],
  ['locales/en.json values', strings(JSON.parse(fixture('locales/en.json'))).join('\n')],
  ['locales/de.json values', strings(JSON.parse(fixture('locales/de.json'))).join('\n')],
]

/** Each case exercises one of parse-latin's or parse-english's rules (or a text shape). */
const cases: Record<string, string> = {
  'abbreviations (English)': 'Mr. Smith and Dr. Jones met on Sept. 3 at 5 p.m. in Calif. with Messrs. Brown.',
  'abbreviations (Latin list)': 'See cf. the notes, ibid. and etc. for more; a. b. c. and 12. are kept.',
  'abbreviation ending the text': 'He works for Acme Inc.',
  initialisms: 'The U.S. and the U.K. signed it. A.B.C. is not 1.2. and not 1.2.3 either.',
  decimals: 'It costs 3.5 or 1,000.50 dollars, about 0.5% of 12,345.',
  ellipses: 'Wait... what? So…  Then .. and .... end. . .',
  'quotes after terminal punctuation': '"Hello." He left. “Really?” she asked! (Yes.) [No.] \'Fine.\' She went.',
  'terminal marker clusters': 'What?! No!? Yes!!! Done?‽ Sure.',
  'lower-case and digit continuation': 'It was 5 p.m. when we met. then we left. 3 people came. 4. item',
  'commas and semicolons after a full stop': 'He said so. , and then. ; more.',
  'sentences without words': 'Hello. ... !!! ? World.',
  emoji: 'Great job 😀😀 see 👍🏽 and ©😀© or ## and #hashtag!',
  'astral letters': '𝐀𝐁𝐂 and 𝒳 are math letters; 𠀀 is CJK.',
  'CRLF and CR line endings': 'First line.\r\nSecond line.\r\rThird line\n\rFourth.',
  'blank lines inside a paragraph text': 'One.\n\nTwo.\n \n\nThree',
  tabs: 'Name:\tValue\t\tMore.\tEnd',
  'non-breaking and other spaces': 'A\u00a0B\u2009C\u202fD\u3000E\u2028F\u0085G.',
  'hyphenated words': 'A well-known, state-of-the-art pre- and post-war e-mail -- and a dash - here-.',
  apostrophes: "Don't, can’t, 'tis, 'twas, 'em, '99, rock 'n' roll, o' the, rock ’n’ roll, O' Brien, the boys' toys.",
  'w/ and slashes': 'Tea w/ milk, W/ sugar, and/or km/h, a/b, 1/2, http://x.y/z/ and w/\'em.',
  urls: 'Visit https://example.com/path?query=1&b=2#frag or www.example.org.',
  'e-mail': 'Write to first.last@example.co.uk or a_b@c-d.io now.',
  'inner-word symbols': 'snake_case and __init__ a:b x=y a?b a@b a·b co\u00adop pre\u2010war non\u2011stop',
  ampersands: 'AT&T and &c and & co and R & D and x& y &&z.',
  'mixed scripts': 'Das ist schön. Это тест. これはテストです。 مرحبا بالعالم. 中文，测试。Ελληνικά!',
  'only punctuation': '!?!... --- ,,, ;',
  'only white space': ' \t \u00a0 ',
  'only symbols': '$ % ^ * + = < > | ~ `',
  'leading and trailing white space': '   Leading and trailing.   ',
  'one character': 'x',
  'empty text': '',
  'full stop before a word': 'Use .NET and .gitignore files. .Net too.',
  'full stops after words in a long sentence': 'The results, i.e. most of them, were e.g. good etc and no. 5 won vs. them.',
  'closing brackets': 'The end (see above). Next) part] follows} here.',
  'affix after terminal at end': 'He said "stop."',
  'affix symbols repeated': 'Really?))) Yes.»» Next.',
}

describe('fast nlcst parser matches parse-english and parse-latin', () => {
  for (const [name, text] of fixtures) {
    it(`every paragraph of ${name}`, () => {
      const paragraphs = segment(text).paragraphs
      expect(paragraphs.length).toBeGreaterThan(0)
      const before = parseCounts.fast
      for (const flavor of flavors) {
        for (const paragraph of paragraphs) {
          const expected = parseParagraphReference(processors[flavor], paragraph)
          const label = `${flavor}: ${JSON.stringify(paragraph.text)}`
          expect(firstDifference(parseParagraph(processors[flavor], paragraph), expected), label).toBeUndefined()
        }
      }
      // The port parsed them all (no fallback to the processor, which would compare it with itself).
      expect(parseCounts.fast - before).toBe(paragraphs.length * flavors.length)
    })

    it(`the whole text of ${name}, as one root`, () => {
      for (const flavor of flavors) expect(firstDifference(parseNlcst(text, flavor), processors[flavor].parse(text))).toBeUndefined()
    })
  }

  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      for (const flavor of flavors) {
        expect(firstDifference(parseNlcst(text, flavor), processors[flavor].parse(text)), flavor).toBeUndefined()
        // As a paragraph in the middle of a document: positions move by its line and offset.
        const paragraph = { index: 3, startLine: 7, endLine: 7, offset: 120, text }
        const expected = parseParagraphReference(processors[flavor], paragraph)
        expect(firstDifference(parseParagraph(processors[flavor], paragraph), expected), flavor).toBeUndefined()
      }
    })
  }

  it('a very long paragraph, and a short one after it (the working state is let go in between)', () => {
    const long = "Mr. Smith's e-mail said: 'tis 3.5 km/h in the U.S., etc. and more… ".repeat(1200)
    expect(long.length).toBeGreaterThan(65536)
    for (const text of [long, 'Short one. then more.']) {
      for (const flavor of flavors) expect(firstDifference(parseNlcst(text, flavor), processors[flavor].parse(text)), flavor).toBeUndefined()
    }
  })

  it('parses a few rules differently in English and Latin, like the references', () => {
    const sentences = (flavor: Flavor): number => {
      const paragraph = parseNlcst('Mr. Smith arrived.', flavor).children[0]
      return paragraph?.type === 'ParagraphNode' ? paragraph.children.filter((child) => child.type === 'SentenceNode').length : 0
    }
    expect(sentences('english')).toBe(1)
    expect(sentences('latin')).toBe(2)
  })

  it('puts positions in document coordinates', () => {
    const paragraph = { index: 0, startLine: 3, endLine: 4, offset: 40, text: 'Hi there.\nBye now.' }
    const node = parseParagraph(processors.english, paragraph)
    const sentence = node?.children[0]
    expect(sentence?.position).toEqual({ start: { line: 3, column: 1, offset: 40 }, end: { line: 3, column: 10, offset: 49 } })
  })
})

describe('parseParagraph picks its parser from the processor', () => {
  it('uses the port for processors built as analyze builds them (every detector on)', () => {
    for (const [plugin, flavor] of [
      [retextEnglish, 'english'],
      [retextLatin, 'latin'],
    ] as const) {
      const base = unified().use(plugin) as unknown as Processor<Root>
      for (const detector of detectors) base.use(detector.plugin)
      const processor = base.freeze() as Processor<Root>
      const paragraph = { index: 0, startLine: 2, endLine: 2, offset: 9, text: 'Mr. Smith left. He said “bye.” Then he went.' }
      const before = parseCounts.fast
      const node = parseParagraph(processor, paragraph)
      expect(parseCounts.fast, flavor).toBe(before + 1)
      expect(firstDifference(node, parseParagraphReference(processors[flavor], paragraph)), flavor).toBeUndefined()
    }
  })

  it('falls back to the processor when a plugin extends the parser', () => {
    // A sentence extension (as retext-emoji and others add) that the port cannot know about.
    const extended = unified()
      .use(retextEnglish)
      .use(function () {
        const data = this.data() as Record<string, unknown>
        const list = (data.nlcstSentenceExtensions as unknown[] | undefined) ?? []
        list.push((node: { children: unknown[] }) => {
          node.children.reverse()
        })
        data.nlcstSentenceExtensions = list
      })
      .freeze() as unknown as Processor<Root>
    const paragraph = { index: 0, startLine: 1, endLine: 1, offset: 0, text: 'One two three.' }
    const before = parseCounts.fallback
    const node = parseParagraph(extended, paragraph)
    expect(parseCounts.fallback).toBe(before + 1)
    expect(firstDifference(node, parseParagraphReference(extended, paragraph))).toBeUndefined()
    expect(firstDifference(node, parseParagraph(processors.english, paragraph))).toBeDefined()
  })
})
