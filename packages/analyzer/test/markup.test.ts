/**
 * Markup front ends (src/markup/): Markdown, MDX and HTML read as prose, every position mapped back
 * to the original file, inline control comments applied.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeSource, syntaxOfPath, type Finding } from '../src/index.js'
import { chunksOf, prepareMarkdown } from '../src/markup/markdown.js'
import { VirtualTextBuilder } from '../src/markup/virtual-text.js'

const fixture = (path: string): string => fs.readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8')

/** The original text a finding points at. */
function flagged(text: string, finding: Finding): string {
  const lines = text.split('\n')
  if (finding.line !== finding.endLine) return lines.slice(finding.line - 1, finding.endLine).join('\n')
  return lines[finding.line - 1]!.slice(finding.column - 1, finding.endColumn - 1)
}

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1
  for (let count = 0; count < nth; count++) index = text.indexOf(needle, index + 1)
  if (index === -1) throw new Error(`${needle} not in text`)
  const before = text.slice(0, index)
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') }
}

describe('virtual text', () => {
  it('maps copied characters one to one and stand-ins to the whole stretch', () => {
    const original = 'Read **the** [guide](https://x.y).'
    const builder = new VirtualTextBuilder()
    builder.copy(original, 0, 5) // "Read "
    builder.copy(original, 7, 10) // "the"
    builder.copy(original, 12, 13) // " "
    builder.copy(original, 14, 19) // "guide"
    builder.put('Xyz', 20, 33) // stands for "(https://x.y)"
    builder.copy(original, 33, 34) // "."
    const virtual = builder.build()
    expect(virtual.text).toBe('Read the guideXyz.')
    expect(virtual.start(virtual.text.indexOf('the'))).toBe(original.indexOf('the'))
    expect(virtual.end(virtual.text.indexOf('the') + 3)).toBe(original.indexOf('the') + 3)
    const standIn = virtual.text.indexOf('Xyz')
    expect(virtual.start(standIn + 1)).toBe(20)
    expect(virtual.end(standIn + 2)).toBe(33)
    expect(virtual.start(virtual.text.length - 1)).toBe(33)
  })
})

describe('Markdown', () => {
  const text = fixture('markup/guide.md')
  const analysis = analyzeSource(text, { syntax: 'markdown', lang: 'en' })

  it('finds nothing in front matter, code blocks, inline code, links, autolinks or tables', () => {
    const garbled = positionOf(text, 'Putin did not agree').line
    const elsewhere = analysis.findings.filter((finding) => finding.line !== garbled)
    expect(elsewhere).toEqual([])
  })

  it('finds the garbled paragraph at its line and column in the original file', () => {
    const byRule = (id: string): Finding[] => analysis.findings.filter((finding) => finding.ruleId === id)
    const quote = byRule('translation/quote-misplaced')
    expect(quote.map((finding) => [finding.line, finding.column])).toEqual([Object.values(positionOf(text, '“said'))])
    expect(flagged(text, quote[0]!)).toBe('“')

    const spaces = byRule('translation/space-before-punctuation')
    expect(spaces.map((finding) => flagged(text, finding))).toEqual([' ,', ' :'])
    expect(spaces.map((finding) => [finding.line, finding.column])).toEqual([
      Object.values(positionOf(text, 'memorandum ,')).map((value, index) => (index === 1 ? value + 'memorandum'.length : value)),
      Object.values(positionOf(text, 'briefing :')).map((value, index) => (index === 1 ? value + 'briefing'.length : value)),
    ])
  })

  it('has a line entry for each line of prose, none for code, front matter or blank lines', () => {
    const numbers = analysis.lines.map((line) => line.line)
    const source = text.split('\n')
    for (const number of numbers) expect(source[number - 1]!.trim(), `line ${number}`).not.toBe('')
    expect(numbers).toContain(positionOf(text, '# Installing').line)
    expect(numbers).toContain(positionOf(text, 'Putin did not agree').line)
    expect(numbers).not.toContain(positionOf(text, 'title:').line)
    expect(numbers).not.toContain(positionOf(text, 'npm i -g tq-client\n').line)
    expect(numbers).not.toContain(positionOf(text, 'indented code block').line)
  })

  it('reads the same paragraph as plain text with the same findings, shifted to where Markdown put it', () => {
    const paragraph = text.split('\n')[positionOf(text, 'Putin did not agree').line - 1]!
    const plain = analyzeSource(paragraph, { syntax: 'text', lang: 'en' }).findings
    const shifted = analysis.findings.map((finding) => ({ ...finding, line: 1, endLine: 1 }))
    expect(shifted).toEqual(plain)
  })

  it('maps columns through emphasis, escapes, character references and block-quote prefixes', () => {
    const source = [
      '> The **minister** said that the talks &amp; the\\* visits would go on',
      '> after the summit , “said the spokesman in a briefing on Monday.',
      '',
    ].join('\n')
    const found = analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings
    const quote = found.find((finding) => finding.ruleId === 'translation/quote-misplaced')!
    expect([quote.line, quote.column]).toEqual(Object.values(positionOf(source, '“said')))
    const space = found.find((finding) => finding.ruleId === 'translation/space-before-punctuation')!
    expect(flagged(source, space)).toBe(' ,')
    expect(found.map((finding) => finding.excerpt).join(' ')).not.toMatch(/[*>]/)
  })

  it('reads a hard-wrapped paragraph as the one paragraph it renders as, with the values of the same text unwrapped', () => {
    const paragraphs = [
      'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday. Russian and Ukrainian delegations met for less than two hours. Turkish Foreign Minister Hakan Fidan, who chaired the meeting, called for a swift end to the fighting.',
      'European leaders said they would push for new sanctions if Moscow refused an unconditional truce. French President Emmanuel Macron said Russia was playing for time and should face consequences.',
    ]
    // Wrapped at 60 columns, as an editor or a formatter writes Markdown; some lines start with a capital.
    const wrap = (paragraph: string): string => paragraph.replace(/(.{1,60})(?: |$)/g, '$1\n').trim()
    const markdown = `${paragraphs.map(wrap).join('\n\n')}\n`
    const wrapped = analyzeSource(markdown, { syntax: 'markdown', lang: 'en' })
    const flat = analyzeSource(paragraphs.join('\n\n'), { syntax: 'text', lang: 'en' })
    expect(markdown.split('\n').length).toBeGreaterThan(10)
    expect(wrapped.findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    expect(wrapped.lines.map((line) => line.line)).toEqual([1, positionOf(markdown, 'European leaders').line])
    expect(wrapped.lines.map(({ line, ...values }) => values)).toEqual(flat.lines.map(({ line, ...values }) => values))
  })

  it('maps findings after a soft line break to the same place with CRLF line endings as with LF', () => {
    const lf = [
      '- Tom and his sister went to the market quickly and',
      '  then went to to the market , and the spokesman said “ no.',
      '',
      '> The minister said that the talks would go on and the',
      '> the visits too , officials said on Monday.',
      '',
    ].join('\n')
    const crlf = lf.replace(/\n/g, '\r\n')
    const where = (source: string) =>
      analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings.map((finding) => [finding.ruleId, finding.line, finding.column, finding.endLine, finding.endColumn, finding.excerpt])
    const found = where(lf)
    expect(found.map(([ruleId]) => ruleId)).toEqual(expect.arrayContaining(['translation/repeated-word', 'translation/space-before-punctuation']))
    expect(where(crlf)).toEqual(found)
    const repeated = analyzeSource(lf, { syntax: 'markdown', lang: 'en' }).findings.find((finding) => finding.ruleId === 'translation/repeated-word')!
    expect(flagged(lf, repeated)).toMatch(/^to to$/)
  })

  it('tells structured content from prose in a file of thousands of headings and lists', () => {
    const sections = Array.from({ length: 3000 }, (_, index) =>
      index % 2 === 0 ? `## Section ${index}\n\nThe committee met again on Tuesday and published its report on the budget.\n` : `- Home\n- News\n- Sport\n`,
    ).join('\n')
    const analysis = analyzeSource(sections, { syntax: 'markdown', lang: 'en' })
    const source = sections.split('\n')
    const structured = (line: number): boolean => /^(?:## |- )/.test(source[line - 1]!)
    // The repeated paragraph is page junk (it repeats 1,500 times); no heading or list item is.
    expect(analysis.findings.filter((finding) => finding.category === 'boilerplate' && structured(finding.line))).toEqual([])
    expect(analysis.findings.filter((finding) => finding.category === 'boilerplate').length).toBeGreaterThan(1000)
    expect(analysis.lines.filter((line) => structured(line.line)).every((line) => line.kind === 'content' && line.boilerplate === 0)).toBe(true)
    expect(analysis.stats.boilerplateWords).toBeGreaterThan(0)
    expect(analysis.stats.contentWords + analysis.stats.boilerplateWords).toBe(analysis.stats.words)
  })

  it('reads a block quote in documentation as written on purpose: a README tagline above its feature list is no menu item', () => {
    // The opening of vite's README, the tagline read as the first of eight short lines in a row,
    // with an install and a usage block, as most READMEs have (documentation's register).
    const source = [
      '# Vite',
      '',
      '> Next Generation Frontend Tooling',
      '',
      '- Instant Server Start',
      '- Lightning Fast HMR',
      '- Rich Features',
      '- Optimized Build',
      '- Universal Plugin Interface',
      '- Fully Typed APIs',
      '',
      'Vite (French word for "fast", pronounced `/vit/`) is a new breed of frontend build tool that significantly improves the frontend development experience. Install it with `npm`:',
      '',
      '```sh',
      'npm install --save-dev vite',
      '```',
      '',
      'Then start the dev server with `npx vite`, build with `npx vite build`, and preview the build with `npx vite preview`; the options are in `vite.config.js`.',
      '',
    ].join('\n')
    const analysis = analyzeSource(source, { syntax: 'markdown', lang: 'en' })
    expect(analysis.findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    expect(analysis.lines.find((line) => line.line === 3)).toMatchObject({ kind: 'content', boilerplate: 0 })
  })

  it('still judges a block quote in a news page converted to Markdown (an embed, a newsletter box)', () => {
    const seed = fixture('seeds/ndtv-boilerplate.txt')
    const paragraphs = seed.split('\n').filter((line) => line.split(' ').length > 25).slice(0, 8)
    const junk = ['View this post on Instagram', 'A post shared by NDTV (@ndtv)', 'Subscribe to our newsletter to get the latest news delivered to your inbox every morning', 'Click here to read more stories like this']
    const page = (quote: string): string => [...paragraphs.slice(0, 4), ...junk.map((line) => `${quote}${line}`), ...paragraphs.slice(4)].join('\n\n')
    const junkFindings = (source: string): number => analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.category === 'boilerplate').length
    expect(junkFindings(page(''))).toBeGreaterThanOrEqual(3)
    expect(junkFindings(page('> '))).toBe(junkFindings(page('')))
  })

  it('maps findings exactly in a paragraph with an ampersand name that is no character reference', () => {
    const source = 'The &foo; team and the &amp; partners said that the talks , would go on.\n'
    const space = analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings.find((finding) => finding.ruleId === 'translation/space-before-punctuation')!
    expect(flagged(source, space)).toBe(' ,')
    expect([space.line, space.column]).toEqual(Object.values(positionOf(source, ' ,')))
  })

  it('reads a long document in pieces exactly as in one parse (fences, comments, raw HTML and loose lists keep their blank lines)', () => {
    const section = (index: number): string =>
      [
        `## Section ${index}`,
        '',
        `See [the guide][guide] and the [notes][] for part ${index}, said the [committee](https://example.org/${index}).`,
        '',
        '- first item of a loose list',
        '',
        '  still the first item, after a blank line',
        '',
        '- second item',
        '',
        '````md',
        'A fence that holds another:',
        '',
        '```',
        '',
        'Not prose , this line.',
        '```',
        '',
        '````',
        '',
        '<!-- a comment',
        '',
        'that spans a blank line , and is no prose',
        '-->',
        '',
        '<pre>',
        '',
        'Preformatted , not prose.',
        '',
        '</pre>',
        '',
        '> A block quote that goes on',
        'lazily , on the next line.',
        '',
        '| Column | Other |',
        '| --- | --- |',
        '| cell | cell , too |',
        '',
        '    indented code , not prose',
        '',
        `The talks ended on Monday , officials said in part ${index}.[^${index}]`,
        '',
        `[^${index}]: A footnote for part ${index}.`,
        '',
      ].join('\n')
    const document = ['---', 'title: Guide', '', 'draft: false', '---', '', ...Array.from({ length: 30 }, (_, index) => section(index)), '[guide]: https://example.org/guide', '[notes]: https://example.org/notes', ''].join('\n')
    for (const text of [document, document.replace(/\n/g, '\r\n')]) {
      const whole = prepareMarkdown(text, { chunk: Infinity })
      const pieces = chunksOf(text, 500)
      expect(pieces.length).toBeGreaterThan(20)
      const chunked = prepareMarkdown(text, { chunk: 500 })
      expect(chunked.virtual.text).toBe(whole.virtual.text)
      // A cut between two items of a loose list makes two lists of one: the same lines, in more ranges.
      const covered = (ranges: Array<{ start: number; end: number }> | undefined): string =>
        Array.from(text, (character, offset) => (/\s/.test(character) ? ' ' : (ranges ?? []).some((range) => offset >= range.start && offset < range.end) ? 's' : '.')).join('')
      expect(covered(chunked.structured)).toBe(covered(whole.structured))
      expect(chunked.directives).toEqual(whole.directives)
      for (let offset = 0; offset < whole.virtual.text.length; offset++) {
        expect(chunked.virtual.start(offset)).toBe(whole.virtual.start(offset))
        expect(chunked.virtual.end(offset)).toBe(whole.virtual.end(offset))
      }
      expect(whole.virtual.text).toContain('See the guide and the notes for part 7')
      expect(whole.virtual.text).not.toContain('Not prose')
    }
  })

  it('reads in pieces as in one parse where a line scan could misread the parser (cases found by review)', () => {
    const pad = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do. '.repeat(4)}\n\n`
    const cases: Record<string, string> = {
      processingInstruction: `${pad}<?php\n\n${pad}Echo this text.\n\n?>\n\n${pad}After text.\n`,
      declaration: `${pad}<!DOCTYPE\n\n${pad}Some words here.\n\n>\n\n${pad}`,
      cdata: `${pad}<![CDATA[\n\n${pad}Some words here.\n\n]]>\n\n${pad}`,
      indentedCloser: `${pad}\`\`\`\ncode\n\n    \`\`\`\n\n${pad}Still code here.\n\n\`\`\`\n\n${pad}`,
      fenceInListItem: `${pad}- \`\`\`\n  x\n  \`\`\`\n\n${pad}\`\`\`\ncode\n\nInside code at column zero.\n\n\`\`\`\n\n${pad}`,
      unclosedFenceInListItem: `${pad}1. item\n\n   \`\`\`\n   code\n\n${pad}\`\`\`\ncode\n\nInside code at column zero.\n\n\`\`\`\n\n${pad}`,
      backtickInInfo: `${pad}\`\`\`foo\`bar\`\`\` is inline code.\n\n${pad}\`\`\`\ncode\n\nInside code at column zero.\n\n\`\`\`\n\n${pad}`,
      fenceInIndentedCode: `${pad}    \`\`\`\n    foo\n\n${pad}\`\`\`\ncode\n\nInside code at column zero.\n\n\`\`\`\n\n${pad}`,
      definitionInCode: `See [alpha] here.\n\n${pad}\`\`\`\n[alpha]: http://x\n\`\`\`\n\n${pad}`,
      definitionInParagraph: `See [alpha] here.\n\n${pad}Some text\n[alpha]: http://x\n\n${pad}`,
      definitionOnTwoLines: `See [alpha] here.\n\n${pad}[alpha]:\n  http://x\n\n${pad}`,
      indentedFootnote: `Ref[^n] here.\n\n- item\n\n${pad}${pad}   [^n]: Footnote words go here.\n`,
      indentedLinkDefinition: `Ref [a].\n\n${pad}- item\n\n${pad}  [a]: http://x\n\n${pad}`,
    }
    for (const [name, text] of Object.entries(cases)) {
      const whole = prepareMarkdown(text, { chunk: Infinity }).virtual
      const chunked = prepareMarkdown(text, { chunk: 200 }).virtual
      expect(chunked.text, name).toBe(whole.text)
      for (let offset = 0; offset < whole.text.length; offset++) expect(chunked.start(offset), name).toBe(whole.start(offset))
    }
  })

  it('keeps a hard line break (two spaces at the end of a line) as a line break', () => {
    const source = 'The talks ended on Monday without a commitment to a ceasefire.  \nThe delegations will meet again in Istanbul next week.\n'
    expect(analyzeSource(source, { syntax: 'markdown', lang: 'en' }).lines.map((line) => line.line)).toEqual([1, 2])
  })

  it('never calls a heading page junk', () => {
    const source = [
      '# tq',
      '',
      'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday evening.',
      '',
      '## Quick start',
      '',
      'Russian and Ukrainian delegations met for less than two hours at the Dolmabahce palace.',
      '',
      '## The talks',
      '',
      'Turkish Foreign Minister Hakan Fidan, who chaired the meeting, called for a swift end to the fighting.',
      '',
      'European leaders said they would push for new sanctions if Moscow refused an unconditional truce.',
      '',
      '### See also',
      '',
      '## Licence',
      '',
    ].join('\n')
    const analysis = analyzeSource(source, { syntax: 'markdown', lang: 'en' })
    expect(analysis.findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    expect(analysis.lines.filter((line) => line.kind === 'boilerplate')).toEqual([])
    expect(analysis.stats.boilerplateWords).toBe(0)
    expect(analysis.stats.boilerplateChars).toBe(0)
  })

  // Three READMEs under node_modules (@vitest/runner, nanoid, cac) failed on their link bars.
  it('never calls a README’s bar of links page junk, as it never calls a list of links', () => {
    const bars = [
      '[GitHub](https://github.com/vitest-dev/vitest) | [Documentation](https://vitest.dev/advanced/runner)',
      '**English** | [Русский](./README.ru.md) | [简体中文](./README.zh-CN.md) | [Bahasa Indonesia](./README.id-ID.md)',
      '> [Website](https://egoist.sh) · GitHub [@egoist](https://github.com/egoist) · Twitter [@_egoistlily](https://twitter.com/_egoistlily)',
    ]
    // Documentation: a README with its install command and API (its register, register.ts).
    const readme = (bar: string): string =>
      `# @vitest/runner\n\nVitest mechanism to collect and run tasks.\n\n${bar}\n\n## Install\n\n\`\`\`sh\nnpm install -D @vitest/runner\n\`\`\`\n\nCall \`startTests(specs, runner)\` with the \`VitestRunner\` of your \`vitest.config.ts\`.\n`
    for (const bar of bars) {
      const source = readme(bar)
      const { prepared, analysis } = { prepared: prepareMarkdown(source), analysis: analyzeSource(source, { syntax: 'markdown', lang: 'en' }) }
      expect(prepared.structuredInDocs!.some((range) => source.slice(range.start, range.end).includes('](')), bar).toBe(true)
      expect(analysis.findings.filter((finding) => finding.category === 'boilerplate'), bar).toEqual([])
    }
    // A news page converted to Markdown: the same shape is the site's navigation (found by review).
    const news = [
      '[Home](/) | [World](/world) | [Business](/business) | [Sign in](/login) | [Subscribe](/sub)',
      '',
      'Russian and Ukrainian delegations met for less than two hours at the Dolmabahce palace in Istanbul on Friday.',
      '',
      'The talks ended without a commitment to a ceasefire, officials from both sides said after the meeting.',
      '',
      'European leaders said they would push for new sanctions if Moscow refused an unconditional truce.',
      '',
    ].join('\n')
    const page = analyzeSource(news, { syntax: 'markdown', lang: 'en' })
    expect(page.lines.find((entry) => entry.line === 1)!.kind).toBe('boilerplate')
    // A sentence that names two links is prose, not a bar: no separator between them.
    const sentence = 'See [the guide](https://x.y/guide) and [the API](https://x.y/api) for the details.'
    expect(prepareMarkdown(`${sentence}\n`).structuredInDocs).toEqual([])
    // Two links with a sentence between them are not a bar either.
    const prose = '[Home](/) | the page you are reading now was moved | [About](/about)'
    expect(prepareMarkdown(`${prose}\n`).structuredInDocs).toEqual([])
    // A README's bar that names a few UI strings among its own links is still a bar (found by review).
    const withUi = readme('[Home](/) | [Docs](/docs) | [FAQ](/faq) | [Twitter](https://twitter.com/x)')
    expect(analyzeSource(withUi, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    // A bar of UI strings is a page's chrome (found by review): left to the classifier.
    for (const chrome of ['[Sign in](/login) | [Register](/r)', '[Share on Facebook](https://f.com/s) · [Share on Twitter](https://t.com/s) · [Email](mailto:a@b.c)']) {
      expect(prepareMarkdown(`${chrome}\n`).structuredInDocs, chrome).toEqual([])
    }
  })

  it('reads `source:` before code in documentation as a description, before a name or a picture as a credit', () => {
    // micromark-extension-mdx-expression's README: three error descriptions were credits.
    const docs = [
      '## Errors',
      '',
      '### Unexpected end of file in expression, expected a corresponding closing brace for `{`',
      '',
      'This error occurs if a `{` was seen without a `}` (source: `micromark-extension-mdx-expression`, rule id: `unexpected-eof`).',
      '',
      '### Could not parse expression with acorn',
      '',
      'This error occurs if acorn crashes (source: `micromark-extension-mdx-expression`, rule id: `acorn`).',
      '',
      '### Unexpected content after expression',
      '',
      'This error occurs when there is more content after a JS expression (source: `micromark-extension-mdx-expression`, rule id: `unexpected-content`).',
      '',
    ].join('\n')
    expect(analyzeSource(docs, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    // A README of five lines or fewer is a small document, judged by its shapes: the same (found by review).
    const small = '# mdx-parse\n\nParse MDX with `acorn` and `micromark`.\n\n```js\nimport {parse} from "mdx-parse"\n```\n\n## Errors\n\nThis error occurs if acorn crashes (source: `micromark-extension-mdx-expression`, rule id: `acorn`).\n'
    const smallAnalysis = analyzeSource(small, { syntax: 'markdown', lang: 'en' })
    expect(smallAnalysis.findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    // In news, the label before a picture's address (a stand-in too) or a name is a credit.
    const story = [
      'Delegations met at the Dolmabahce palace in Istanbul on Friday, officials from both sides said.',
      '',
      'Photo: https://unsplash.com/photos/abc123',
      '',
      'The talks ended after less than two hours without a commitment to a ceasefire, diplomats said.',
      '',
      'Source: Reuters',
      '',
      'European leaders said they would push for new sanctions if Moscow refused an unconditional truce.',
      '',
    ].join('\n')
    const credits = analyzeSource(story, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.ruleId === 'boilerplate/credit')
    expect(credits.map((finding) => finding.line)).toEqual([3, 7])
  })

  it('reads links by their text and code or URLs as a word, so no space appears before punctuation', () => {
    const source = 'Install it with `npm i -g tq-client`. Then read [the guide](https://example.org/guide). See https://example.org.\n'
    expect(analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings).toEqual([])
    // As plain text, the same line is flagged: the front end is what keeps it clean.
    const stripped = 'Install it with . Then read the guide. See .\n'
    expect(analyzeSource(stripped, { syntax: 'text', lang: 'en' }).findings.map((finding) => finding.ruleId)).toContain('translation/space-before-punctuation')
  })

  it('reads MDX: imports, expressions and JSX attributes are not prose, JSX children are', () => {
    const source = [
      "import { Chart } from './chart.js'",
      '',
      'export const meta = { title: "Report : 2024" }',
      '',
      '<Callout kind="warning : red">',
      'The talks went on after the summit , the spokesman said on {props.day} in a briefing.',
      '</Callout>',
      '',
    ].join('\n')
    const found = analyzeSource(source, { syntax: 'mdx', lang: 'en' }).findings
    expect(found.map((finding) => [finding.ruleId, flagged(source, finding)])).toEqual([['translation/space-before-punctuation', ' ,']])
    expect(found[0]!.line).toBe(6)
  })
})

describe('inline control comments', () => {
  const garbled = 'The talks went on after the summit , the spokesman said on Monday in a briefing.'
  const count = (source: string, syntax: 'markdown' | 'html' | 'mdx' = 'markdown'): number[] =>
    analyzeSource(source, { syntax, lang: 'en' }).findings.filter((finding) => finding.ruleId === 'translation/space-before-punctuation').map((finding) => finding.line)

  it('tq-disable and tq-enable switch rules off and on, by id, by category or all', () => {
    const source = [garbled, '', '<!-- tq-disable translation/space-before-punctuation -->', '', garbled, '', '<!-- tq-enable -->', '', garbled, ''].join('\n')
    expect(count(source)).toEqual([1, 9])
    const byCategory = [garbled, '', '<!-- tq-disable translation -->', '', garbled, ''].join('\n')
    expect(count(byCategory)).toEqual([1])
    const all = ['<!-- tq-disable -->', '', garbled, ''].join('\n')
    expect(count(all)).toEqual([])
    const other = ['<!-- tq-disable translation/quote-misplaced -->', '', garbled, ''].join('\n')
    expect(count(other)).toEqual([3])
  })

  it('tq-disable-next-line covers the next non-blank line only; tq-disable-line its own line', () => {
    const source = ['<!-- tq-disable-next-line -->', garbled, '', garbled, ''].join('\n')
    expect(count(source)).toEqual([4])
    const afterBlank = ['<!-- tq-disable-next-line translation/space-before-punctuation -- quoted from a source -->', '', garbled, garbled, ''].join('\n')
    expect(count(afterBlank)).toEqual([4])
    const html = `<p>${garbled} <!-- tq-disable-line --></p>\n<p>${garbled}</p>\n`
    expect(count(html, 'html')).toEqual([2])
  })

  it('works in HTML comments and as MDX comments', () => {
    const html = `<p>${garbled}</p>\n<!-- tq-disable-next-line -->\n<p>${garbled}</p>\n`
    expect(count(html, 'html')).toEqual([1])
    const mdx = ['{/* tq-disable-next-line */}', garbled, '', garbled, ''].join('\n')
    expect(count(mdx, 'mdx')).toEqual([4])
  })
})

describe('HTML', () => {
  it('reads visible text only, one block per line, positions in the original', () => {
    const source = [
      '<!doctype html><html><head><title>Title , hidden</title><style>p { margin: 0 }</style>',
      '<script>const message = "script , text"</script></head><body>',
      '<p>The talks went on after the summit , “said the spokesman on Monday.</p><p>Tom &amp; Jerry met again , he said.</p>',
      '<pre>code , block</pre><p hidden>Hidden , text</p><p translate="no">Brand , name</p>',
      '<p>Run <code>npm test , now</code> and read',
      '   the <a href="https://example.org/a,b">guide</a>.</p>',
      '</body></html>',
      '',
    ].join('\n')
    const found = analyzeSource(source, { syntax: 'html', lang: 'en' }).findings.filter((finding) => finding.category === 'translation')
    expect(found.map((finding) => [finding.ruleId, finding.line, flagged(source, finding)])).toEqual([
      ['translation/space-before-punctuation', 3, ' ,'],
      ['translation/quote-misplaced', 3, '“'],
      ['translation/space-before-punctuation', 3, ' ,'],
    ])
    const second = found[2]!
    expect(second.column).toBe(positionOf(source, 'again ,').column + 'again'.length)
  })

  it('gives each original line with visible text one line entry, at the line where its block starts', () => {
    const source = [
      '<html><body>',
      '<h1>The talks in Istanbul</h1>',
      '<p>They met on Monday.</p><p>They will resume next week.</p>',
      '<p>The talks went on after the summit,',
      'the spokesman said on Monday.</p>',
      '<script>x()</script>',
      '</body></html>',
      '',
    ].join('\n')
    const analysis = analyzeSource(source, { syntax: 'html', lang: 'en' })
    expect(analysis.lines.map((line) => line.line)).toEqual([2, 3, 4])
  })
})

describe('stand-ins', () => {
  it('a link whose address ends with its text is still read by its text', () => {
    const source = 'Read the [guide](https://example.org/guide) and the [changelog](https://example.org/changelog) , then [file an issue](https://example.org/issues).\n'
    const found = analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings
    expect(found.map((finding) => [finding.ruleId, finding.excerpt])).toEqual([['translation/space-before-punctuation', ',']])
    expect(found[0]!.column).toBe(source.indexOf(') ,') + 2)
  })

  it('an HTML block holding only an image or code is left out, not read as a line of its own', () => {
    const source = '<div><img src="logo.png" alt="Logo"></div>\n<p><code>npm test</code></p>\n<p><img src="icon.png"> Run the tests before you push.</p>\n'
    const analysis = analyzeSource(source, { syntax: 'html', lang: 'en' })
    expect(analysis.lines.map((line) => line.line)).toEqual([3])
    expect(analysis.findings).toEqual([])
  })

  it('quotes what a stand-in stood for, never the stand-in, in excerpts, messages and suggestions', () => {
    // Garbled sentences with a word in code among news paragraphs (no documentation: the rule's
    // thresholds are the news ones), written in Markdown several ways and in HTML.
    const news = fixture('seeds/afp-original.txt').split('\n').filter((line) => line.split(' ').length > 12).slice(0, 6)
    const wordingOf = (sentence: string, syntax: 'markdown' | 'html'): Finding | undefined => {
      const blocks = [...news, sentence]
      const source = syntax === 'markdown' ? `${blocks.join('\n\n')}\n` : `<html><body>${blocks.map((block) => `<p>${block}</p>`).join('\n')}</body></html>\n`
      return analyzeSource(source, { syntax, lang: 'en' }).findings.find((finding) => finding.ruleId === 'translation/improbable-wording')
    }
    for (const [sentence, syntax] of [
      ['Kissing puts adolescents in `risk` more utmost of contracting the illness, shows of research.', 'markdown'],
      ['Kissing puts adolescents in `risk`  more utmost of contracting the illness, shows of research.', 'markdown'],
      ['Kissing puts adolescents in **`risk`** more utmost of contracting the illness, shows of research.', 'markdown'],
      ['Kissing puts adolescents in [`risk`](https://example.com/a/very/long/path/to/a/page.html) more utmost of contracting the illness, shows of research.', 'markdown'],
      ['Kissing puts adolescents in <code>risk</code> more utmost of contracting the illness, shows of research.', 'html'],
    ] as const) {
      const wording = wordingOf(sentence, syntax)
      expect(wording?.excerpt, sentence).toBe('risk more utmost of')
      expect(wording?.message, sentence).toMatch(/^Improbable wording: `risk +more utmost of`$/)
    }
    // Code with angle brackets, an autolink, a code span glued to a word, letters the file itself holds.
    const notices: Array<[string, string]> = [
      ['© 2019 the `Acme`s authors and `Bar` contributors. All rights reserved.', '© 2019 the Acmes authors and Bar contributors. All rights reserved.'],
      ['© 2019 `Promise<void>` makers, see <https://example.com/license>. All rights reserved.', '© 2019 Promise<void> makers, see https://example.com/license. All rights reserved.'],
      ['© Xyzzy Corp and `Bar` contributors. All rights reserved.', '© Xyzzy Corp and Bar contributors. All rights reserved.'],
    ]
    for (const [notice, shown] of notices) {
      const source = `${[...news, notice].join('\n\n')}\n`
      const copyright = analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings.find((finding) => finding.message.startsWith('Copyright notice'))
      expect(copyright?.excerpt, notice).toBe(shown)
    }
    const swap = wordingOf('And the plan is for you to able be `to` reset the magnets completely so they forget all their grammar rules.', 'markdown')
    expect(swap?.message).toBe('Improbable word order: `to able be to reset`')
    expect(swap?.expected).toEqual(['to be able to reset'])
  })

  it('names the file’s line where a message refers to another line (Sentence repeated from line 7)', () => {
    // The analyzed text has no code block: there the first copy is on its line 3.
    const sentence = 'The talks ended without a commitment to a ceasefire, officials said on Monday.'
    const source = `# Title\n\n\`\`\`\ncode\n\`\`\`\n\n${sentence}\n\nMore text follows here about the talks in the region.\n\n${sentence}\n`
    const repeated = analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings.find((finding) => finding.ruleId === 'translation/repeated-sentence')
    expect(repeated?.line).toBe(11)
    expect(repeated?.message).toBe('Sentence repeated from line 7')
  })

  it('a run of inline code values is no repetition loop, while a loop of words around it still is', () => {
    // From an npm README's option reference (boxen): each value is inline code, so the analyzed
    // text reads `Values: Xyz Xyz Xyz …`, which the rule called an error.
    const source = [
      '##### backgroundColor',
      '',
      "Values: `'black'` `'red'` `'green'` `'yellow'` `'blue'` `'magenta'` `'cyan'` `'white'` `'gray'` or a hex value like `'#ff0000'`",
      '',
      'Color of the background, of the the the box.',
      '',
    ].join('\n')
    const loops = analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.ruleId === 'translation/repetition-loop')
    expect(loops.map((finding) => [finding.line, finding.excerpt])).toEqual([[5, 'the the the']])
    // Nor is a chain of values joined by a word: their hidden values differ.
    const chain = 'The align option takes `left` or `center` or `right` or `justify` as its value, and `x` and `y` and `z` and `w` as its axes.\n'
    expect(analyzeSource(chain, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.ruleId === 'translation/repetition-loop')).toEqual([])
  })
})

describe('syntax by file name', () => {
  it('chooses by extension, text when unknown', () => {
    expect(['a.md', 'b.MARKDOWN', 'c.mdx', 'd.html', 'e.htm', 'f.json', 'g.txt', 'h', 'dir.md/file'].map(syntaxOfPath)).toEqual([
      'markdown', 'markdown', 'mdx', 'html', 'html', 'json', 'text', 'text', 'text',
    ])
  })

  it('notes a file with markup but no prose', () => {
    const analysis = analyzeSource('```js\nconst a = 1 , b = 2\n```\n', { syntax: 'markdown', lang: 'en' })
    expect(analysis.findings).toEqual([])
    expect(analysis.notes).toEqual(['no prose to check: the file holds only markup, code or placeholders'])
  })
})
