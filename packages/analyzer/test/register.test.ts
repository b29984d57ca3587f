/**
 * The technical register (src/register.ts): documentation is recognised by its code, and the line
 * model reads its wording with an allowance (src/lines.ts), while news is never touched.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze, analyzeSource } from '../src/index.js'
import { countWords } from '../src/document.js'
import { codeDensity, fencedCodeLines, technicalWeight } from '../src/register.js'

const repo = new URL('../../../', import.meta.url)
const read = (path: string): string => fs.readFileSync(new URL(path, repo), 'utf8')
const weightOf = (text: string): number => technicalWeight(codeDensity(text, countWords(text)))
const markers = (text: string): number => codeDensity(text, 1)

describe('codeDensity', () => {
  it('counts inline code, identifiers, flags, calls and URLs', () => {
    expect(markers('Run `npm test` first.')).toBe(1)
    expect(markers('Call readFile or toString on it.')).toBe(2)
    expect(markers('Edit package.json and src/index.ts, or snake_case names.')).toBe(3)
    expect(markers('Files go to dist/esm/lib_2020 and the cache to node_modules.')).toBe(2)
    expect(markers('Pass --force or -o out.txt to it.')).toBe(3)
    expect(markers('Then run() returns.')).toBe(1)
    expect(markers('See https://example.com for more.')).toBe(1)
  })

  it('counts a URL once, however many dots and slashes it holds', () => {
    expect(markers('Source: https://www.example.com/news/2019/story.html?id=12&ref=home')).toBe(1)
  })

  it('tells names apart by their whole token and hosts by their name: parse() is not merge(), (https://a.org). is a.org', () => {
    expect(markers('Call parse(), merge(), use(), validate() and make() in Node.js or Piscina.js.')).toBe(7)
    expect(markers('See https://ajv.js.org). and https://ajv.js.org/guide and https://ajv.js.org, then https://ajv.js.org/api.')).toBe(2)
  })

  it('measures a very long token (a minified file, a blob) without reading all of it for each marker', () => {
    // 30,000 markers in one 210 KB token: reading the whole token for each never finished within
    // the test's time limit. Each marker's key is the 64 characters around it, which repeat here.
    const blob = `x${'foo.js.'.repeat(30_000)}`
    expect(codeDensity(blob, 1)).toBeGreaterThan(2)
    expect(codeDensity(blob, 1)).toBeLessThan(50)
  })

  it('counts the lines of fenced code blocks in plain text too, whose names repeat', () => {
    const text = ['Benchmarks of the codec, run on one machine:', '```', ...Array.from({ length: 12 }, (_, index) => `sourcemap-codec decode x ${index} ops/sec`), '```'].join('\n')
    expect(fencedCodeLines(text)).toBe(12)
    expect(fencedCodeLines('No fence here.\nNor here.')).toBe(0)
  })

  it('counts one name, or the addresses of one site, twice at most: a story about easyJet is no documentation', () => {
    expect(markers('easyJet said easyJet would fly, and easyJet did; readFile and toString.')).toBe(4)
    const references = Array.from({ length: 12 }, (_, index) => `${index + 1}. https://www.example.com/news/${index}`).join('\n')
    expect(markers(references)).toBe(2)
  })

  it('adds the markers found otherwise (a markup file’s inline code, which the analyzed text holds as a stand-in)', () => {
    expect(codeDensity('Pass Xyz or Xyz to it.', 5)).toBe(0)
    expect(codeDensity('Pass Xyz or Xyz to it.', 5, 2)).toBe(0.4)
  })

  it('does not count brands, abbreviations, units, dashes, glued sentences, addresses, tags or plain prose', () => {
    expect(markers('The new iPhone and macOS, the U.S. and the U.K., e.g. in 2019.')).toBe(0)
    expect(markers('Winds of 120 km/h and/or rain, his/her car, 5 mg/dl in St.Petersburg, 3.5 percent on 12/05/2019.')).toBe(0)
    expect(markers('Contact press.office@acme.co.uk or visit www.acme.co.uk; #climateChange, @realDonaldTrump.')).toBe(0)
    expect(markers('Ask them which pronouns they use: he/him/his or they/them/theirs.')).toBe(0)
    expect(markers('The talks ended.The ministers left - and a well-known envoy stayed.')).toBe(0)
    expect(markers('Officials said on Monday that the talks would resume next week.')).toBe(0)
  })

  it('is zero for a text without words', () => {
    expect(codeDensity('', 0)).toBe(0)
  })
})

describe('technicalWeight', () => {
  it('rises from 0 at 1.5 markers per 100 words to 1 at 4', () => {
    expect(technicalWeight(0)).toBe(0)
    expect(technicalWeight(0.015)).toBe(0)
    expect(technicalWeight(0.0275)).toBeCloseTo(0.5)
    expect(technicalWeight(0.04)).toBe(1)
    expect(technicalWeight(0.2)).toBe(1)
  })

  it('leaves the news seeds untouched and counts this repository’s READMEs as documentation', () => {
    for (const name of fs.readdirSync(new URL('fixtures/seeds/', repo)).filter((file) => file.endsWith('.txt'))) {
      expect(weightOf(read(`fixtures/seeds/${name}`)), name).toBe(0)
    }
    for (const path of ['README.md', 'packages/cli/README.md', 'packages/analyzer/README.md']) expect(weightOf(read(path)), path).toBe(1)
  })

  it('leaves news with its sources or links untouched, as plain text and as Markdown', () => {
    // Three source lines under the first 1,800 characters of a story: 3 markers in ~300 words.
    const story = read('fixtures/seeds/afp-original.txt').slice(0, 1800)
    const sourced = `${story}\nSource: https://www.afp.com/en/news/2019/11/18/ukraine\nSource: https://www.reuters.com/world/europe/2019-11-18/\nSource: https://apnews.com/article/russia-ukraine-talks\n`
    expect(weightOf(sourced)).toBe(0)
    // A link in every paragraph of a Markdown story: link targets are no code.
    const paragraphs = read('fixtures/seeds/afp-original.txt').split('\n').filter((line) => countWords(line) > 20)
    const linked = paragraphs.map((line, index) => `${line} [More](https://www.afp.com/en/news/${index}/story.html).`).join('\n\n')
    const plain = paragraphs.map((line) => `${line} More.`).join('\n\n')
    const valuesOf = (analysis: ReturnType<typeof analyzeSource>): number[] => analysis.lines.map((line) => line.translation)
    expect(valuesOf(analyzeSource(linked, { syntax: 'markdown', lang: 'en' }))).toEqual(valuesOf(analyzeSource(plain, { syntax: 'markdown', lang: 'en' })))
  })
})

describe('the line model in technical text', () => {
  // A real sentence of this repository's packages/analyzer/README.md, among news paragraphs and
  // among documentation: one the model, trained on news, reads as somewhat unusual (0.39 among news).
  const sentence = 'Nothing is parsed twice and no detector re-splits text.'
  const news = read('fixtures/seeds/afp-original.txt').split('\n').filter((line) => countWords(line) > 12).slice(0, 6)
  const docs = [
    'Run `pnpm build` first, then `node scripts/bench.mjs --only workers` for the worker figures.',
    'The `--jobs` flag (default: one per CPU) checks files on several threads; see `pool.ts`.',
    'Results go to stdout, or to the file `-o` names; errors go to stderr with exit code 2.',
    'Set `boilerplateThreshold` in `tq.config.json` or pass `--threshold 0.7` on the command line.',
  ]
  const valueIn = (lines: string[]): number => {
    const analysis = analyze([...lines, sentence].join('\n'), { lang: 'en' })
    return analysis.lines.at(-1)!.translation
  }

  it('takes 0.6 units of log-odds off a line in documentation, none in news', () => {
    const logit = (p: number): number => Math.log(p / (1 - p))
    const inNews = valueIn(news)
    const inDocs = valueIn(docs)
    expect(weightOf([...news, sentence].join('\n'))).toBe(0)
    expect(weightOf([...docs, sentence].join('\n'))).toBe(1)
    expect(inNews).toBeGreaterThan(0.1)
    // Rounded to two decimals in lines[]: the log-odds differ by the offset within that rounding.
    expect(logit(inNews) - logit(inDocs)).toBeGreaterThan(0.5)
    expect(logit(inNews) - logit(inDocs)).toBeLessThan(0.7)
  })

  it('lowers the language model’s warnings in documentation: a warning among news is info among docs', () => {
    // A sentence of this repository's packages/analyzer/README.md (its span is outside backquotes:
    // inside them, documentation's code is not judged at all).
    const line = 'A stock ticker or market widget ("BP 0.44% 29.76 $", "NYSE - LSE") copied from the page around the text.'
    const severityAmong = (context: string[]): string | undefined =>
      analyze([...context, line].join('\n'), { lang: 'en' }).findings.find((finding) => finding.ruleId === 'translation/improbable-wording' && finding.line === context.length + 1)?.severity
    expect(weightOf([...news, line].join('\n'))).toBe(0)
    expect(severityAmong(news)).toBe('warning')
    expect(severityAmong(docs)).toBe('info')
  })

  it('reports a repeated sentence as info in documentation, where options repeat by design, and a warning in news', () => {
    const copy = 'Set this option to true to accept such code in the input.'
    const severityAmong = (context: string[]): string | undefined =>
      analyze([copy, ...context, copy].join('\n'), { lang: 'en' }).findings.find((finding) => finding.ruleId === 'translation/repeated-sentence')?.severity
    expect(severityAmong(news)).toBe('warning')
    expect(severityAmong(docs)).toBe('info')
  })

  it('reports no translation finding inside a plain text’s backquoted code in documentation; in news backquotes mark nothing', () => {
    // Lines of READMEs of packages under node_modules, read as plain text (a .txt README, a commit message).
    const code = [
      'Match balanced string pairs, like `{` and `}` or `<b>` and `</b>`. Supports regular expressions as well!',
      'Pass a template such as `Hello {name}, you have {count} new messages` and the values to fill in.',
      'The `ascii-printable` set contains all printable characters: `!"#$%&()*+,-./:;<=>?@[]^_{|}~`.',
    ]
    const rulesOn = (lines: string[]): string[] =>
      analyze(lines.join('\n'), { lang: 'en' }).findings.filter((finding) => finding.category === 'translation' && code.some((line) => line.includes(finding.excerpt))).map((finding) => finding.ruleId)
    expect(rulesOn([...docs, ...code])).toEqual([])
    // Quotes inside code take no part in the prose's quotations (found by review).
    const quotes = (lines: string[]): string[] => analyze([...docs, ...lines].join('\n'), { lang: 'en' }).findings.filter((finding) => finding.ruleId.startsWith('translation/quote')).map((finding) => finding.ruleId)
    expect(quotes(['He said "run `echo "hi"` first" and left, and nobody asked why.'])).toEqual([])
    expect(quotes(['Call `get("a")` and `set("b", "c")` to read and write.', 'Pass `{"x": "y"}` or `"z"` as the option.', 'They call this the “sane default” of the library.'])).toEqual([])
    // Backquotes that mark no code hide nothing (found by review): GNU's `make', TeX's ``so'', don`t.
    for (const prose of [
      "Type `make' to build it, and a stray <b> tag appears with {name} left; then `make install'.",
      "The ``first'' option shows a stray <b> tag with {name} left, and the ``second'' one.",
      'Don`t worry, a stray <b> tag appears with {name} left when it`s ready.',
    ]) {
      const found = analyze([...docs, prose].join('\n'), { lang: 'en' }).findings.filter((finding) => finding.line === docs.length + 1).map((finding) => finding.ruleId)
      expect(found, prose).toEqual(expect.arrayContaining(['translation/leftover-markup', 'translation/leftover-placeholder']))
    }
    // Code reads as one word to the paragraph rules: around quotes, after a number, inside a tag;
    // and a TeX quote does not hide the code spans inside it (found by review).
    const line = (text: string): string[] => analyze([...docs, text].join('\n'), { lang: 'en' }).findings.filter((finding) => finding.line === docs.length + 1 && finding.category === 'translation').map((finding) => finding.ruleId)
    expect(line('Set the mode to "`strict`". Then run the tool again on the file.')).toEqual([])
    expect(line('Use 1.000 `rows` per page when the table is long enough to need it.')).toEqual([])
    expect(line('Add <div `id`> to the page, then reload it in the browser to see it.')).toEqual([])
    expect(line("TeX writes ``so'' and `<b>` tags (see ``x``) in the output file.")).toEqual([])
    // A quote-style suggestion never rewrites the quotes of code.
    const mixed = analyze(
      [
        ...docs,
        'They call it the “sane default”, the “safe path” and the “old way” of the tool, and the “new way” too.',
        'The “first” and “second” forms, the “third” and the “fourth” one are all listed here.',
        'Call it "here" with `echo "hi"` and "there" too, then wait for it.',
      ].join('\n'),
      { lang: 'en' },
    ).findings.filter((finding) => finding.ruleId === 'translation/quote-style-mixed')
    expect(mixed.length).toBeGreaterThan(0)
    for (const finding of mixed) expect(finding.expected?.join('') ?? '').not.toContain('echo “hi”')
    // Nor does a backquote a Markdown file escapes, which its front end leaves in the text.
    const escaped = analyzeSource(`Type \\\`a stray &lt;b&gt; tag with {name} left\\\` here.\n\n${docs.join('\n\n')}\n`, { syntax: 'markdown', lang: 'en' })
    expect(escaped.findings.filter((finding) => finding.line === 1).map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['translation/leftover-markup', 'translation/leftover-placeholder']))
    // In news (no register), backquotes mark nothing: a tag left in the text is reported.
    const stray = 'The page showed a stray `<b>` tag where the headline should have been, readers said.'
    expect(weightOf([...news, stray].join('\n'))).toBe(0)
    const inNews = analyze([...news, stray].join('\n'), { lang: 'en' }).findings.filter((finding) => finding.line === news.length + 1)
    expect(inNews.map((finding) => finding.ruleId)).toContain('translation/leftover-markup')
  })

  it('measures Markdown on the file, whose inline code the analyzed text replaces with a stand-in', () => {
    const markdown = `${docs.join('\n\n')}\n\n${sentence}\n`
    const asMarkdown = analyzeSource(markdown, { syntax: 'markdown', lang: 'en' }).lines.at(-1)!.translation
    expect(asMarkdown).toBeCloseTo(valueIn(docs), 1)
    expect(asMarkdown).toBeLessThan(valueIn(news))
  })

  it('counts no image or bare URL of a Markdown story as code: a "Read more" link under every paragraph', () => {
    const paragraphs = read('fixtures/seeds/afp-original.txt').split('\n').filter((line) => countWords(line) > 20)
    const more = paragraphs.map((line, index) => `${line}\n\nRead more: https://www.afp.com/en/news/${index}/story.html\n\n![Photo](photo-${index}.jpg)`).join('\n\n')
    const plain = paragraphs.map((line) => `${line}\n\nRead more.`).join('\n\n')
    const prose = (analysis: ReturnType<typeof analyzeSource>): number[] => analysis.lines.filter((line) => line.words > 20).map((line) => line.translation)
    expect(prose(analyzeSource(more, { syntax: 'markdown', lang: 'en' }))).toEqual(prose(analyzeSource(plain, { syntax: 'markdown', lang: 'en' })))
  })

  it('measures HTML documentation by its prose too, each <code> a marker', () => {
    const html = `<html><body>${docs.map((line) => `<p>${line.replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`).join('\n')}\n<p>${sentence}</p></body></html>\n`
    const asHtml = analyzeSource(html, { syntax: 'html', lang: 'en' }).lines.at(-1)!.translation
    expect(asHtml).toBeCloseTo(valueIn(docs), 1)
    expect(asHtml).toBeLessThan(valueIn(news))
  })

  it('never applies to a locale file: UI strings, even a command-line tool’s with code in them', () => {
    const strings = Object.fromEntries([...docs, sentence].map((text, index) => [`key${index}`, text]))
    const locale = analyzeSource(JSON.stringify(strings, null, 2), { syntax: 'json', lang: 'en' })
    const entry = locale.lines.find((line) => line.translation > 0 && line.words === countWords(sentence))
    expect(entry?.translation).toBeCloseTo(valueIn(news), 1)
  })
})
