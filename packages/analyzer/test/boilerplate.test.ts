/**
 * The boilerplate classifier on the five real seed pages (hand labels in fixtures/seeds/labels.json)
 * and on text in other languages. The rules' own examples run in rules.test.ts.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze, analyzeSource, countWords, type Analysis } from '../src/index.js'
import { segment, wrapWidth } from '../src/document.js'
import { byline } from '../src/rules/boilerplate/byline.js'
import { logicalLines } from '../src/rules/boilerplate/classifier.js'
import { credit } from '../src/rules/boilerplate/credit.js'
import { buildPage, hashKey, lexiconKey, lineFeatures, lineHash } from '../src/rules/boilerplate/features.js'
import { stopWordsOf } from '../src/rules/boilerplate/lexicon.js'
import { runLengths } from '../src/rules/boilerplate/menu.js'
import { boilerplateModel, compileStage, stageLogit, thresholdBelow } from '../src/rules/boilerplate/model.js'
import { repeatKey, repeats } from '../src/rules/boilerplate/repeated.js'
import { uiString } from '../src/rules/boilerplate/ui-string.js'
import { sequence } from './sequence.js'

const SEEDS = new URL('../../../fixtures/seeds/', import.meta.url)
const labels = JSON.parse(readFileSync(new URL('labels.json', SEEDS), 'utf8')) as {
  files: Record<string, { boilerplate: number[] }>
}

const analyses = new Map<string, { text: string; analysis: Analysis; boilerplate: Set<number> }>()
for (const [file, info] of Object.entries(labels.files)) {
  const text = readFileSync(new URL(file, SEEDS), 'utf8')
  analyses.set(file, { text, analysis: analyze(text), boilerplate: new Set(info.boilerplate) })
}

function kindOf(file: string, line: number): string | undefined {
  return analyses.get(file)!.analysis.lines.find((result) => result.line === line)?.kind
}

function findingOn(file: string, line: number) {
  return analyses.get(file)!.analysis.findings.find((finding) => finding.line === line && finding.category === 'boilerplate')
}

describe('boilerplate on the seed pages', () => {
  const found: string[] = []
  const missed: string[] = []
  const falsePositives: string[] = []
  let labelled = 0
  for (const [file, { analysis, boilerplate }] of analyses) {
    for (const line of analysis.lines) {
      const isBoilerplate = boilerplate.has(line.line)
      if (isBoilerplate) labelled++
      if (isBoilerplate && line.kind === 'boilerplate') found.push(`${file}:${line.line}`)
      else if (isBoilerplate) missed.push(`${file}:${line.line}`)
      else if (line.kind === 'boilerplate') falsePositives.push(`${file}:${line.line}`)
    }
  }

  it('labels 47 boilerplate lines across the five files', () => {
    expect(labelled).toBe(47)
  })

  it('finds every labelled boilerplate line, except at most the NPR caption (line 6)', () => {
    expect(missed.filter((where) => where !== 'npr-garbled.txt:6'), `missed: ${missed.join(', ')}`).toEqual([])
  })

  it('calls no unlabelled line boilerplate', () => {
    expect(falsePositives, `false positives: ${falsePositives.join(', ')}`).toEqual([])
  })

  it.each([
    ['npr-garbled.txt', 4],
    ['ndtv-boilerplate.txt', 4],
    ['afp-original.txt', 23],
    ['afp-roundtrip.txt', 2],
  ])('keeps the headline %s:%i as content', (file, line) => {
    expect(kindOf(file, line)).toBe('content')
  })

  it.each([
    ['afp-original.txt', 47],
    ['afp-original.txt', 73],
  ])('keeps the subhead %s:%i as content', (file, line) => {
    expect(kindOf(file, line)).toBe('content')
  })

  it('keeps a short sentence of prose as content', () => {
    // "Russia said it had taken note of the request."
    expect(kindOf('afp-original.txt', 53)).toBe('content')
    expect(kindOf('afp-roundtrip.txt', 16)).toBe('content')
  })

  it.each([
    ['afp-original.txt', 8, 'boilerplate/ticker', /stock ticker/],
    ['afp-original.txt', 3, 'boilerplate/ticker', /stock exchanges/],
    ['afp-original.txt', 21, 'boilerplate/credit', /credit/i],
    ['afp-original.txt', 20, 'boilerplate/repeated', /headline \(line 23\)/],
    ['afp-original.txt', 91, 'boilerplate/byline', /signature/i],
    ['afp-original.txt', 27, 'boilerplate/ui-string', /Text size/],
    ['npr-garbled.txt', 8, 'boilerplate/credit', /Pavel Byrkin/],
    ['npr-garbled.txt', 11, 'boilerplate/ui-string', /Hide the caption/],
    ['npr-garbled.txt', 51, 'boilerplate/ui-string', /Leave a Comment/],
    ['ndtv-boilerplate.txt', 1, 'boilerplate/ui-string', /Advertisement/],
    ['ndtv-boilerplate.txt', 36, 'boilerplate/ui-string', /Show comments/],
    ['ndtv-boilerplate.txt', 37, 'boilerplate/byline', /initials/i],
    ['afp-roundtrip.txt', 41, 'boilerplate/menu', /short lines/],
  ])('names the kind of %s:%i', (file, line, ruleId, message) => {
    const finding = findingOn(file, line)
    expect(finding?.ruleId).toBe(ruleId)
    expect(finding?.message).toMatch(message)
  })

  it('spans the text of the line, without surrounding white space', () => {
    const { text } = analyses.get('afp-roundtrip.txt')!
    const finding = findingOn('afp-roundtrip.txt', 39)! // "TRENDING " with a trailing space
    const line = text.split('\n')[38]!
    expect(finding.column).toBe(1)
    expect(finding.endColumn).toBe(line.trimEnd().length + 1)
    expect(finding.excerpt).toBe('TRENDING')
  })

  it('gives every non-blank line a probability and finds nothing on blank lines', () => {
    for (const { analysis, text } of analyses.values()) {
      const nonBlank = text.split('\n').filter((line) => line.trim() !== '').length
      expect(analysis.lines.length).toBe(nonBlank)
      for (const line of analysis.lines) {
        expect(line.boilerplate).toBeGreaterThanOrEqual(0)
        expect(line.boilerplate).toBeLessThanOrEqual(1)
        expect(line.kind === 'boilerplate').toBe(line.boilerplate > 0.5)
      }
    }
  })

  it('counts as boilerplate words about the words of the labelled lines', () => {
    for (const [file, { analysis, text, boilerplate }] of analyses) {
      const lines = text.split('\n')
      const labelled = [...boilerplate].reduce((sum, line) => sum + countWords(lines[line - 1]!), 0)
      expect(analysis.stats.contentWords + analysis.stats.boilerplateWords, file).toBe(analysis.stats.words)
      // Only the caption on npr-garbled.txt line 6 (22 words) may be missed.
      expect(Math.abs(analysis.stats.boilerplateWords - labelled), file).toBeLessThanOrEqual(25)
    }
  })
})

describe('boilerplate: teasers for other stories', () => {
  // The Al Jazeera sample without its labelled junk, then a block of three teasers in the shape
  // of a "More from News" box. Teasers for other stories share none of the article's words
  // (`cohesion`); the same sentences turned to the article's topic share several.
  const { text, boilerplate } = analyses.get('aljazeera-rewrite.txt')!
  const article = text.split('\n').filter((line, index) => line.trim() !== '' && !boilerplate.has(index + 1))
  const probabilities = (teasers: string[]): number[] =>
    analyze([...article, 'More from News', ...teasers, 'Share this story'].join('\n')).lines.slice(-4, -1).map((line) => line.boilerplate)
  const otherStories = probabilities([
    "Here's where two traders say to invest with the stock market at record highs",
    'Best Black Friday deals on phones, watches and laptops this week',
    'Some people thought the stripy cattle in a Japanese pasture were a practical joke',
  ])
  const thisStory = probabilities([
    "Here's where two diplomats say Ukraine and Russia could agree on a ceasefire",
    'Putin and Zelenskyy talks on sanctions and a ceasefire this week',
    'Some people thought the Kremlin talks in Istanbul were a diplomatic breakthrough',
  ])

  it('reads a teaser about another topic as likelier junk than one about the article', () => {
    const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length
    // Each against the teaser of the same shape turned to the article's topic, and the three together.
    otherStories.forEach((p, index) => expect(p, `${otherStories} against ${thisStory}`).toBeGreaterThan(thisStory[index]!))
    expect(mean(otherStories), `${otherStories} against ${thisStory}`).toBeGreaterThan(2 * mean(thisStory))
  })

  it('says a line shares no words with the text only when it has no copy on the page and there is a page', () => {
    const teaser = "Here's where two traders say to invest with the stock market at record highs"
    const lines = [...article, 'More from News', teaser, 'Best Black Friday deals on phones, watches and laptops this week', teaser]
    const twice = analyze(lines.join('\n'), { boilerplateThreshold: 0.05 })
    const onTeasers = twice.findings.filter((finding) => finding.category === 'boilerplate' && lines[finding.line - 1] === teaser)
    expect(onTeasers.length).toBeGreaterThan(0)
    for (const finding of onTeasers) expect(finding.message, `line ${finding.line}`).not.toContain('shares none of its longer words')
    const alone = analyze('Subscribe to our weekly newsletter and never miss the latest stories from around the region', { boilerplateThreshold: 0.05 })
    for (const finding of alone.findings) expect(finding.message).not.toContain('shares none of its longer words')
  })
})

describe('boilerplate in other languages', () => {
  const german = [
    'Startseite | Politik | Wirtschaft | Sport | Kultur',
    '',
    'Die Bundesregierung hat am Montag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen, das den Ausbau von Wind- und Solaranlagen beschleunigen soll.',
    '',
    'Kritiker bemängeln, dass die Netze mit dem Ausbau nicht Schritt halten. Die Opposition fordert deshalb zusätzliche Mittel für die Stromleitungen im Norden des Landes.',
    '',
    'Die Polizei ermittelt.',
    '',
    'Nach Angaben des Ministeriums sollen die ersten Projekte noch in diesem Jahr starten, sofern die Länder ihre Genehmigungsverfahren vereinfachen.',
  ].join('\n')

  const spanish = [
    'Publicidad',
    'El Gobierno aprobó el martes un plan para reducir el consumo de agua en las ciudades del sur, donde la sequía dura ya tres años.',
    'Los embalses de la región se encuentran por debajo del veinte por ciento de su capacidad, según los datos oficiales publicados esta semana.',
    'La medida entrará en vigor el próximo mes.',
    'Las asociaciones de agricultores han criticado que el plan no incluya ayudas para los regantes, que son los más afectados por las restricciones.',
    'Inicio',
    'Noticias',
    'Deportes',
    'Contacto',
  ].join('\n')

  it('keeps German prose as content and flags the menu line', () => {
    const analysis = analyze(german)
    expect(analysis.language).toBe('de')
    const kinds = new Map(analysis.lines.map((line) => [line.line, line.kind]))
    expect(kinds.get(1)).toBe('boilerplate')
    for (const line of [3, 5, 7, 9]) expect(kinds.get(line), `line ${line}`).toBe('content')
    expect(analysis.findings.find((finding) => finding.line === 1)?.ruleId).toBe('boilerplate/menu')
  })

  it('keeps Spanish prose as content and flags the UI string and the menu', () => {
    const analysis = analyze(spanish)
    expect(analysis.language).toBe('es')
    const kinds = analysis.lines.map((line) => line.kind)
    expect(kinds).toEqual(['boilerplate', 'content', 'content', 'content', 'content', 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate'])
  })

  it('does not call a page in a language without a stop-word list boilerplate', () => {
    // Swedish: no stop-word list ships for it, so punctuation and length must carry the prose.
    const swedish = [
      'Regeringen presenterade på tisdagen ett nytt förslag om att sänka skatten på el för hushåll i norra Sverige under vintern.',
      'Enligt finansministern ska sänkningen gälla från januari och kosta staten omkring två miljarder kronor per år.',
      'Oppositionen välkomnade förslaget men kritiserade att det kommer för sent.',
      'Beslutet väntas tas i riksdagen före jul.',
    ].join('\n')
    const analysis = analyze(swedish)
    expect(analysis.lines.every((line) => line.kind === 'content')).toBe(true)
  })
})

describe('boilerplate in documents without a page around them', () => {
  it('keeps a one-line sentence as content', () => {
    for (const text of ['Hello world.', 'Hello world.\n', 'The committee approved the budget on Tuesday.']) {
      const analysis = analyze(text)
      expect(analysis.lines.map((line) => line.kind), text).toEqual(['content'])
      expect(analysis.findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    }
  })

  it('keeps the short lines that close a short human text as content: a sign-off, a name, a list', () => {
    // Judging such lines by the trees, as a copy of an article's closing section links
    // (`All Opinion`, `Gaming`) would want, called every one of these junk.
    const article = readFileSync(new URL('afp-original.txt', SEEDS), 'utf8').split('\n').filter((line) => line.length > 120).slice(0, 2)
    for (const ending of [['Best,', 'Jane Smith'], ['Thank You'], ['Mit freundlichen Grüßen', 'Anna Müller'], ['Passport', 'Phone Charger', 'Tickets']]) {
      const text = [...article, ...ending].join('\n')
      expect(analyze(text).lines.map((line) => line.kind), text).toEqual([...article, ...ending].map(() => 'content'))
    }
  })

  it('keeps a few lines of prose as content', () => {
    const text = 'Dear team,\nThe release is ready for testing.\nPlease report problems by Friday.\nThanks!'
    expect(analyze(text).lines.map((line) => line.kind)).toEqual(['content', 'content', 'content', 'content'])
  })

  it('keeps the paragraphs of a short paste between page junk', () => {
    const text = [
      'Advertisement',
      '',
      'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
      '',
      'Share this article',
      '',
      'Officials said the two delegations would meet again next week in Geneva to continue.',
    ].join('\n')
    const kinds = new Map(analyze(text).lines.map((line) => [line.line, line.kind]))
    expect([kinds.get(1), kinds.get(3), kinds.get(5), kinds.get(7)]).toEqual(['boilerplate', 'content', 'boilerplate', 'content'])
  })

  it('still flags a UI string in a two-line document', () => {
    const analysis = analyze('Advertisement\nThe talks ended without a commitment to a ceasefire, officials said.')
    expect(analysis.lines.map((line) => line.kind)).toEqual(['boilerplate', 'content'])
  })
})

describe('boilerplate line features', () => {
  // The patterns the backwards scan of a line's end stands for.
  const TERMINAL = /[.!?。！？][\s"'”’»)\]]*$/u
  const ELLIPSIS = /(?:…|\.\.)[\s"'”’»)\]]*$/u
  const QUESTION = /[?？][\s"'”’»)\]]*$/u
  const COLON_END = /[:：]\s*$/u

  it.each([
    'Russia said it had taken note of the request.',
    '“We needed to win this game,” Lynn said.”',
    'Is this the end? ”)',
    'Read more…',
    'Read more..',
    'Related Topics:',
    'Al Jazeera ：',
    '请注意。',
    '(Photo: AFP]',
    'Home',
    '',
  ])('reads how %j ends as the sentence patterns do', (text) => {
    const line = lineFeatures(text, undefined)
    const trimmed = text.trim()
    const ellipsis = ELLIPSIS.test(trimmed)
    expect([line.ellipsis, line.terminal, line.question, line.colonEnd]).toEqual([
      ellipsis,
      !ellipsis && TERMINAL.test(trimmed),
      QUESTION.test(trimmed),
      COLON_END.test(trimmed),
    ])
  })

  it.each(['Trump to hold call with Putin', 'İSTANBUL — Talks ended', 'Ünïcödé, “quotes” and — dashes', 'Москва: переговоры', '𠀀 rare Han', '  spaced   out  '])(
    'hashes %j as the hash of its repeat key',
    (text) => {
      expect(lineHash(text)).toBe(hashKey(repeatKey(text)))
    },
  )

  // The credit patterns run only on lines whose words `measureLine` says may hold one
  // (`MARK_CREDIT_WORD`); with the words the patterns need anywhere a \b or a case folding lets them
  // stand, the line must get the same credit as the patterns alone give it.
  const CREDIT_LINES = [
    'Photo: AFP', 'PHOTOS BY JANE DOE', 'photograph © Reuters', 'Source: Reuters', 'Quelle: dpa', 'Bild: Keystone', 'Credit... Doug Mills/The New York Times',
    'Crédit : AFP', 'Фото: ТАСС', 'Zdjęcie: PAP', 'Afbeelding: ANP', 'ſource: Reuters', 'Photo.By Jane Doe', '(Photo: AFP]', 'Image credit: NASA',
    'Getty Images', 'l’Alamy', 'AFP-Shutterstock', 'Shutterstock’s', 'éAlamy', 'KAlamy', 'iStock.com', 'AFP/File', 'AP Photo/Evan Vucci',
    'Alamy_', 'Alamy2', 'photo2: x', 'Photographer: Jane Doe', 'The photo shows the two leaders shaking hands.', 'Share prices fell sharply on Monday.',
  ]
  it.each(CREDIT_LINES)('credits %j as the credit patterns alone do', (text) => {
    const line = lineFeatures(text, stopWordsOf('en'), boilerplateModel().lexicon)
    expect(line.credit).toBe(credit(text.trim(), line.words))
  })

  it('credits random mixes of credit words, joiners and letters outside ASCII as the patterns alone do', () => {
    const pieces = [
      'Photo', 'photos', 'PHOTOGRAPH', 'Picture', 'image', 'Images', 'imagen', 'Foto', 'Bild', 'credit', 'Crédits', 'source', 'ſource', 'Quelle',
      'afbeelding', 'zdjęcie', 'фото', 'Getty Images', 'Shutterstock', 'iStock', 'Alamy', 'AFP/File', 'AP Photo', 'File', 'by', 'BY', ':', '…',
      '...', '©', ' ', ' ', ' ', '/', '|', '(', '-', "'", '’', '.', 'é', 'x', 'the', 'K', 'İ', 'Σ', '𝐏', '\u00ad', '_', '1', 'l’', 'x-',
    ]
    const next = sequence(12345)
    const mismatches: string[] = []
    for (let i = 0; i < 20000; i++) {
      let text = ''
      for (let j = 1 + Math.floor(next() * 8); j > 0; j--) text += pieces[Math.floor(next() * pieces.length)]
      for (const [stopWords, lexicon] of [[stopWordsOf('en'), boilerplateModel().lexicon], [undefined, undefined]] as const) {
        const line = lineFeatures(text, stopWords, lexicon)
        if (line.credit !== credit(text.trim(), line.words)) mismatches.push(text)
      }
    }
    expect(mismatches).toEqual([])
  })

  it('folds digits in lexicon keys, so every year and count shares one entry', () => {
    expect(lexiconKey('2019')).toBe('0')
    expect(lexiconKey('COVID-19')).toBe('covid-0')
    expect(lexiconKey('Subscribe')).toBe('subscribe')
  })

  it('counts the letters, capitals and digits of random mixes as the Unicode classes do', () => {
    // Runs of ASCII letters are read by a loop of their own (`measureLine`); words that start with
    // a digit ("3rd"), a letter outside ASCII ("Ünïcode"), or run into one ("naïve") leave it.
    const pieces = ['President', 'the', 'THE', 'McDonald', '3rd', '2019', 'a1b2', 'Ünïcode', 'naïve', 'ΟΔΟΣ', 'İstanbul', 'x', 'Q', ' ', ' ', '  ', '.', ',', "'", '’', '-', '“', '(', '$', '漢字']
    const next = sequence(2024)
    const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0
    for (let i = 0; i < 3000; i++) {
      let text = ''
      for (let j = 1 + Math.floor(next() * 10); j > 0; j--) text += pieces[Math.floor(next() * pieces.length)]
      const line = lineFeatures(text, undefined)
      const visible = count(text, /\S/gu)
      const upper = count(text, /\p{Lu}/gu)
      const lower = count(text, /\p{Ll}/gu)
      const tokens = text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []
      expect(line.letterShare, text).toBe(visible > 0 ? count(text, /\p{L}/gu) / visible : 0)
      expect(line.digitShare, text).toBe(visible > 0 ? count(text, /\p{N}/gu) / visible : 0)
      expect(line.upperShare, text).toBe(upper + lower > 0 ? upper / (upper + lower) : 0)
      expect(line.lowerStart, text).toBe(/^\P{L}*\p{Ll}/u.test(text.trim()))
      expect(line.meanWordLength, text).toBe(tokens.length > 0 ? tokens.join('').length / tokens.length : 0)
    }
  })

  it('gives list items alike the same skeleton, and a sentence another', () => {
    const skeleton = (text: string): number => lineFeatures(text, undefined).skeleton
    expect(skeleton('June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL')).toBe(skeleton('June 10 -- MIDFLORIDA Credit Union Amphitheatre, Tampa, FL'))
    expect(skeleton('June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL')).not.toBe(skeleton('Live Nation is producing the tour.'))
  })

  it('measures how far a line shares the words of the rest of the page (cohesion)', () => {
    const texts = [
      'Wheatgrass juice is no miracle cure, a review of the research on wheatgrass has found.',
      'Here is where two traders say to invest with the stock market at record highs',
      'The review found only limited evidence for the claims made for the juice, and said larger trials were needed.',
      'Marketers say the juice purifies blood; the review found no study that showed it.',
      'Share',
      '2019 2020 2021',
    ]
    const { cohesion } = buildPage(texts, stopWordsOf('en'))
    // Words of four letters or more outside the stop list, each counted once a line. Line 1 has
    // seven (wheatgrass twice, juice, miracle, cure, review, research, found), of which juice,
    // review and found come back on lines 3 and 4.
    expect(cohesion[0]).toBeCloseTo(3 / 7, 5)
    expect(cohesion[1]).toBe(0) // the teaser shares none
    expect(cohesion[2]).toBeGreaterThan(0.2)
    expect(cohesion[3]).toBeGreaterThan(0.2)
    // Fewer than five such words: too few to tell a topic (a signature, a subhead, a UI string).
    expect(cohesion[4]).toBe(-1)
    expect(cohesion[5]).toBe(-1)
    // A text pasted twice: each line shares words with its own copy, which is no cohesion.
    expect([...buildPage([...texts, ...texts], stopWordsOf('en')).cohesion]).toEqual([...cohesion, ...cohesion])
    // A word repeated on its own line is not shared.
    const twice = ['Wheatgrass juice, wheatgrass juice: purple carrots, purple carrots, green apples.', 'Wheatgrass juice comes up again, and purple carrots.']
    expect(buildPage(twice, stopWordsOf('en')).cohesion[0]).toBeCloseTo(4 / 6, 5)
  })

  it('compares words by their lower case, and judges no line of a script without spaces', () => {
    // İ lower-cases to two code units (i and a combining dot), Σ by its place in the word.
    expect(buildPage(['İstanbul limanında gemiler yükleniyor ve bekliyor', 'Bugün istanbul limanında gemiler yükleniyor bekliyor'], undefined).cohesion[0]).toBe(1)
    expect(buildPage(['ΚΟΣΜΟΣ αλφα βητα γαμμα δελτα εψιλον', 'κοσμος ζητα θητα ιωτα καππα'], undefined).cohesion[0]).toBeCloseTo(1 / 6, 5)
    // Chinese and Thai are scanned clause by clause: no words to compare.
    expect([...buildPage(['中国的经济在增长，政府说。今年的增长很快，专家说。', '中国的经济在增长，政府说。'], undefined).cohesion]).toEqual([-1, -1])
    expect([...buildPage(['เศรษฐกิจของประเทศไทย กำลังเติบโต รัฐบาลกล่าว ในวันจันทร์ ที่ผ่านมา', 'เศรษฐกิจของประเทศไทย กำลังเติบโต'], undefined).cohesion]).toEqual([-1, -1])
  })

  it('does not call the signature of an embedded tweet a date line', () => {
    // The quoted tweet is part of the article; its signature with it.
    expect(byline('— Rep. Ilhan Omar (@Ilhan) November 19, 2019', 7, false)).toBeUndefined()
    expect(byline('Nov 18, 2019 at 9:24 pm ET • 2 min read', 9, false)).toBe('date line')
    expect(byline('Updated Nov. 19, 2019 8:21 am ET', 7, false)).toBe('date line')
  })
})

describe('boilerplate model', () => {
  it('rounds each threshold down to a 32-bit float that sends every 32-bit row value the same way', () => {
    for (const t of [0.1, -0.1, 1 / 3, 0.5, 0, -0, 1e-50, -1e-50, 3.5e38, -3.5e38, Infinity, 123456.789]) {
      const below = thresholdBelow(t)
      expect(Math.fround(below)).toBe(below)
      expect(below <= t || Number.isNaN(t)).toBe(true)
      // The 32-bit floats on either side of the rounded threshold go the same way against both.
      const around = new Float32Array([below, Math.fround(t), below === 0 ? 1.401298464324817e-45 : below * (1 + 2 ** -22), -below])
      for (const x of around) expect(x <= below).toBe(x <= t)
    }
  })

  /** The log-odds of a plain walk down each tree, with the exact thresholds, added in tree order. */
  const plainLogit = (stage: ReturnType<typeof compileStage>, row: Float32Array): number => {
    const internal = (1 << stage.depth) - 1
    let z = stage.base
    for (let tree = 0; tree < stage.trees; tree++) {
      let node = 0
      while (node < internal) node = row[stage.feature[tree * internal + node]!]! <= stage.threshold[tree * internal + node]! ? 2 * node + 1 : 2 * node + 2
      z += stage.value[tree * (internal + 1) + node - internal]!
    }
    return z
  }

  it('evaluates the trees, four at a time, to the same log-odds as a plain walk with the exact thresholds', () => {
    const { stage1, stage2 } = boilerplateModel()
    const next = sequence(7)
    for (const stage of [stage1, stage2]) {
      const width = Math.max(...stage.feature) + 1
      const row = new Float32Array(width)
      for (let r = 0; r < 200; r++) {
        // Row values at the thresholds themselves, as 32-bit floats, where rounding would show.
        for (let f = 0; f < width; f++) row[f] = next() < 0.5 ? stage.threshold[Math.floor(next() * stage.threshold.length)]! : next() * 4 - 2
        expect(stageLogit(stage, row)).toBe(plainLogit(stage, row))
      }
    }
  })

  it('evaluates any number of trees and any depth as a plain walk does', () => {
    // 1, 3, 5 and 6 trees of depth 4 (trees left over after the groups of four, alone or after one),
    // and depth 3, with a node that does not split (+∞: a NaN row value still goes right there, as
    // in a plain walk).
    const next = sequence(11)
    for (const [depth, trees] of [[4, 1], [4, 3], [4, 5], [4, 6], [3, 7]] as const) {
      const internal = (1 << depth) - 1
      const json = {
        base: next() - 0.5,
        trees: Array.from({ length: trees }, () => ({
          f: Array.from({ length: internal }, () => Math.floor(next() * 5)),
          t: Array.from({ length: internal }, (_, node) => (node === 2 ? null : next() * 2 - 1)),
          v: Array.from({ length: internal + 1 }, () => next() - 0.5),
        })),
      }
      const stage = compileStage(json, depth)
      const row = new Float32Array(5)
      for (let r = 0; r < 100; r++) {
        for (let f = 0; f < row.length; f++) row[f] = next() < 0.1 ? NaN : next() * 2 - 1
        expect(stageLogit(stage, row)).toBe(plainLogit(stage, row))
      }
    }
  })
})

describe('boilerplate signals', () => {
  const text = readFileSync(new URL('npr-garbled.txt', SEEDS), 'utf8')

  it('writes no bp.* signal unless asked', () => {
    const analysis = analyze(text)
    expect(analysis.signals).toBeUndefined()
  })

  it('writes the features and both stages\' probabilities when asked', () => {
    const analysis = analyze(text, { signals: true })
    const first = analysis.signals![0]!
    expect(first['bp.logWords']).toBeGreaterThan(0)
    expect(first['bp.p1']).toBeGreaterThanOrEqual(0)
    expect(first['bp.probability']).toBe(Math.fround(first['bp.probability']!))
    expect(analysis.lines[0]!.boilerplate).toBeCloseTo(first['bp.probability']!, 3)
  })
})

describe('boilerplate scales linearly', () => {
  it('finds repeated lines with one Map over a million lines', () => {
    const keys = Array.from({ length: 1_000_000 }, (_, index) => `line ${index % 1000}`)
    const started = performance.now()
    const other = repeats(keys)
    expect(performance.now() - started).toBeLessThan(3000)
    expect(other[0]).toBe(1000)
    expect(other[1000]).toBe(0)
    expect(other[999_999]).toBe(999)
  })

  it('measures runs of short lines in one pass', () => {
    expect([...runLengths([true, true, false, true, false, false, true, true, true])]).toEqual([2, 2, 0, 1, 0, 0, 3, 3, 3])
  })

  it('classifies a long page without quadratic work', () => {
    const block = 'Home\nNews\nSport\nThe talks ended without a commitment to a ceasefire, officials in Istanbul said on Monday evening.\n'
    const small = block.repeat(500)
    const large = block.repeat(4000)
    const time = (text: string): number => {
      const started = performance.now()
      analyze(text, { lang: 'en' })
      return performance.now() - started
    }
    time(small)
    const ratio = time(large) / Math.max(time(small), 1)
    // 8× the input; quadratic work would take about 64× as long.
    expect(ratio).toBeLessThan(25)
  })
})

describe('site notices and agency credits', () => {
  const words = (text: string): number => countWords(text)

  it('names cookie banners, paywall and newsletter messages, and footer link rows as site notices', () => {
    for (const text of [
      'This website uses cookies to improve your experience while you navigate through the website.',
      'We use cookies and other tracking technologies to improve your browsing experience on our site.',
      'There was an error processing your subscription.',
      'You’ve reached your limit of free articles this month.',
      'Sign up for our weekly email newsletter and get the best stories of the week in your inbox every Friday.',
      'Contact Us | Terms of Use | Privacy Policy',
      'Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.',
      'By continuing to use this website, you agree to the storage of data on your device.',
      "We've detected you are on Internet Explorer. For the best Barrons.com experience, please update to a modern browser.",
      'You are using an outdated browser. Please upgrade your browser to improve your experience.',
      'You have been successfully subscribed!',
      'Thanks for signing up!',
      'Sometimes we include links to online retail stores. If you click on one and make a purchase we may receive a small commission.',
      'This post contains affiliate links.',
      'As an Amazon Associate I earn from qualifying purchases.',
      'Already a subscriber? Log in here.',
      'This article is more than 5 years old.',
      'Please enable JavaScript to view the comments powered by Disqus.',
      'Please disable your ad blocker to support our journalism.',
      'Your browser does not support the video tag.',
      'Accept all cookies',
      'You have 3 free articles left this month.',
      'Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site.',
      'Este sitio web utiliza cookies para mejorar su experiencia.',
    ]) {
      expect(uiString(text, words(text)), text).toBe('site notice')
    }
  })

  it('leaves prose about cookies, ad blockers and accounts alone', () => {
    for (const text of [
      'Regulators said that websites which use cookies to follow their visitors must ask for consent first.',
      'If you already have an account, sign in with the email address you registered with.',
      'Publishers say the share of readers using an ad blocker has doubled in two years.',
      'The company said its privacy policy had not changed since last year.',
      'Microsoft said it would stop updating Internet Explorer, the browser that once dominated the web.',
      'Users who click on the link and buy the product pay the same price, the retailer said.',
      'The agency said it had received a commission of 3 percent on every sale it brokered.',
      'She signed up for the course in May and has subscribed to the journal ever since.',
    ]) {
      expect(uiString(text, words(text)), text).toBeUndefined()
    }
  })

  it('names reading-time labels in several languages, and not a sentence about reading', () => {
    for (const text of ['Reading time: 3 minutes', 'Tempo de leitura: 1 minuto', 'Lesezeit: 4 Min.', '· Estimated reading time: 12 min ·', 'Temps de lecture : 6 min']) {
      expect(uiString(text, words(text)), text).toBe('reading time')
    }
    for (const text of ['It takes 5 minutes to read.', 'Reading time for children rose by 3 minutes a day', '5 things to read']) {
      expect(uiString(text, words(text)), text).toBeUndefined()
    }
  })

  it('names copyright notices in every form, and not prose about copyright or reservations', () => {
    for (const text of [
      '© 2019 Example Media',
      'Copyright 2020 The Times',
      'This material is subject to copyright.',
      'Photos: Copyright (c) Reuters',
      'ALL RIGHTS RESERVED.',
      '(c) 2019 Example Company Ltd',
      'Le Monde – Tous droits réservés',
      'Alle Rechte vorbehalten.',
      'Todos los derechos reservados.',
    ]) {
      expect(uiString(text, words(text)), text).toBe('copyright notice')
    }
    for (const text of ['The court found the providers guilty of authorising copyright infringement.', 'Customer service reserved a table for the observers.', 'The rights reserved to the states were debated.']) {
      expect(uiString(text, words(text)), text).toBeUndefined()
    }
  })

  it("names the links of a site's language menu, and not a language named in a CV, a heading or a sentence", () => {
    for (const text of ['日本語 (Japanese)', '中文 (Chinese)', 'Русский (Russian)', 'Português (Brasil)', '• English (US)', 'Español (España)']) {
      expect(uiString(text, words(text)), text).toBe('language link')
    }
    for (const text of ['English', 'Deutsch', 'English (fluent)', 'Deutsch (Muttersprache)', 'English (see below)', 'English:', 'English is spoken here.', 'Spanish (Español)', 'Suomi (Finland) wins']) {
      expect(uiString(text, words(text)), text).not.toBe('language link')
    }
  })

  it('names the links of a blog archive, a month or year and its count of posts', () => {
    for (const text of ['Dezembro (39)', 'October 2019 (12)', '2018 (154)', 'März (7)']) expect(uiString(text, words(text)), text).toBe('archive link')
    for (const text of ['Exports rose (39)', 'May (the month) was wet', 'June 12 (Reuters)']) expect(uiString(text, words(text)), text).not.toBe('archive link')
  })

  // The site-notice patterns run only on lines whose words `measureLine` says may hold one
  // (`MARK_NOTICE_WORD`): with those words anywhere, joined or cased, the line must be named as the
  // patterns alone name it.
  it('names random mixes of notice words, joiners and letters outside ASCII as the patterns alone do', () => {
    const pieces = [
      'This website uses cookies', 'we use Cookies', 'Cookie Policy', 'accept all cookies', 'by continuing to use this site', 'By using our website',
      'please enable JavaScript', 'your ad-blocker', 'disable your adblock', 'AdBlocker', 'an error processing your', 'Thank you for subscribing',
      'You’ve reached your limit', "you've reached the maximum", 'free articles left', 'Already a subscriber', 'Sign up for our newsletters',
      'this story is more than 2 years old', 'Privacy Policy', 'Terms of Use', 'wir verwenden Cookies', 'nous utilisons des cookies',
      'ſign up for our newsletter', "We've detected you are on Internet Explorer", 'please update to a modern browser', 'You have been successfully subscribed',
      'Thanks for signing up', 'If you click on one we may receive a commission', 'This post contains affiliate links', 'As an Amazon Associate I earn',
      'cooKie', 'K', 'é', 'ſ', ' ', ' ', ' ', '-', "'", '’', '.', '|', ',', 'x', '2', '_', 'the', 'Share', 'Monday',
    ]
    const next = sequence(54321)
    const mismatches: string[] = []
    let notices = 0
    for (let i = 0; i < 20000; i++) {
      let text = ''
      for (let j = 1 + Math.floor(next() * 6); j > 0; j--) text += pieces[Math.floor(next() * pieces.length)]
      for (const [stopWords, lexicon] of [[stopWordsOf('en'), boilerplateModel().lexicon], [undefined, undefined]] as const) {
        const line = lineFeatures(text, stopWords, lexicon)
        const alone = uiString(text.trim(), line.words)
        if (line.ui !== alone) mismatches.push(text)
        if (alone === 'site notice') notices++
      }
    }
    expect(mismatches).toEqual([])
    // The mixes do reach the patterns: a test that never met a notice would prove nothing.
    expect(notices).toBeGreaterThan(1000)
  })

  it('knows agencies by their full names at the end of a credit', () => {
    expect(credit('(Reed Saxon / Associated Press)', 5)).toBe('photo credit')
    expect(credit('Associated Press', 2)).toBe('news agency credit')
    expect(credit('The Canadian Press', 3)).toBe('news agency credit')
    expect(credit('The Associated Press reported that the talks had stalled.', 9)).toBeUndefined()
  })
})

describe('boilerplate in hard-wrapped text', () => {
  /** `text` with each line wrapped at `width` columns, as an editor wraps it (words joined by one space). */
  const wrap = (text: string, width: number): { wrapped: string; lineOf: number[] } => {
    const out: string[] = []
    const lineOf: number[] = []
    text.split('\n').forEach((line) => {
      lineOf.push(out.length + 1)
      const words = line.split(' ').filter(Boolean)
      if (words.length === 0) return void out.push('')
      let current = ''
      for (const word of words) {
        if (current !== '' && current.length + 1 + word.length > width) {
          out.push(current)
          current = word
        } else current = current === '' ? word : `${current} ${word}`
      }
      out.push(current)
    })
    return { wrapped: out.join('\n'), lineOf }
  }

  it('judges each wrapped paragraph of the seeds as the line it was (same kind, and for a content line a value within 0.05), and finds the same junk', () => {
    for (const [file, { text, analysis }] of analyses) {
      const single = text.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim()).join('\n')
      const { wrapped, lineOf } = wrap(single, 72)
      expect(wrapped.split('\n').length, file).toBeGreaterThan(text.split('\n').length)
      const flat = analyze(single)
      const folded = analyze(wrapped)
      // A paragraph that a wrap splits at a sentence's end becomes two units: the page around a line
      // can differ a little, its verdict not.
      const byLine = new Map(folded.lines.map((line) => [line.line, line]))
      for (const line of flat.lines) {
        const twin = byLine.get(lineOf[line.line - 1]!)!
        expect(twin.kind, `${file}:${line.line}`).toBe(line.kind)
        if (line.kind === 'content') expect(Math.abs(twin.boilerplate - line.boilerplate), `${file}:${line.line}`).toBeLessThan(0.05)
        // And about the same translation value: the wrapped sentence is read whole, its value shared
        // by its lines (a quote or a sentence cut by a wrap can move a finding: within 0.15).
        if (line.kind === 'content') expect(Math.abs(twin.translation - line.translation), `${file}:${line.line} translation`).toBeLessThan(0.15)
      }
      const junk = (result: Analysis, lineOfLine: (line: number) => number): number[] =>
        result.findings.filter((finding) => finding.category === 'boilerplate').map((finding) => lineOfLine(finding.line))
      // Each junk line is reported on every line it was wrapped into: compare at the first of them.
      const firsts = new Set(lineOf)
      expect(junk(folded, (line) => line).filter((line) => firsts.has(line)), file).toEqual(junk(flat, (line) => lineOf[line - 1]!))
      expect(analysis.findings.length, file).toBeGreaterThan(0)
      // Each line of a paragraph wrapped over several lines names the line the paragraph starts on
      // (that line, or an earlier one when a full line above runs on into it); the stats count such
      // a paragraph once (a wrap that ends a line at a sentence's end may split one in two).
      expect(flat.lines.some((line) => line.paragraph !== undefined), file).toBe(false)
      for (const line of flat.lines) {
        const first = lineOf[line.line - 1]!
        const last = (lineOf[line.line] ?? wrapped.split('\n').length + 1) - 1
        if (last === first) continue
        const start = byLine.get(first)!.paragraph
        expect(start, `${file}:${line.line}`).toBeLessThanOrEqual(first)
        expect(byLine.get(first + 1)!.paragraph, `${file}:${line.line}`).toBe(start)
      }
      expect(folded.stats.lines, file).toBeGreaterThanOrEqual(flat.stats.lines * 0.75)
      expect(folded.stats.lines, file).toBeLessThanOrEqual(flat.stats.lines + 2)
    }
  })

  it('does not join a list of headlines, one a line, each starting with a capital', () => {
    const headlines = [
      'Russia and Ukraine agree to a prisoner exchange after talks in Istanbul',
      'European leaders threaten new sanctions if Moscow refuses a truce',
      'Turkish foreign minister calls for a swift end to the fighting',
      'Zelenskyy says Russia is playing for time with its memorandum',
      'Trump spoke for more than two hours with Putin on Monday evening',
      'Kremlin says a ceasefire will depend on the terms of a memorandum',
      'Oil prices rise as investors weigh the outcome of the phone call',
    ]
    const numbers = Int32Array.from(headlines, (_, index) => index + 1)
    expect(wrapWidth(headlines, numbers)).toBeUndefined()
    expect(logicalLines(headlines, numbers, segment(headlines.join('\n')).wrapStarts).units).toEqual(headlines)
    const prose = wrap(`${headlines.join(' and ').toLowerCase()}.`, 70).wrapped.split('\n')
    expect(prose.length).toBeGreaterThan(6)
    const proseNumbers = Int32Array.from(prose, (_, index) => index + 1)
    expect(wrapWidth(prose, proseNumbers)).toBeDefined()
    expect(logicalLines(prose, proseNumbers, segment(prose.join('\n')).wrapStarts).units).toHaveLength(1)
  })
})


describe('boilerplate in documentation (technical text, register.ts)', () => {
  const docs = (name: string): string => readFileSync(new URL(`../../../fixtures/docs/${name}`, import.meta.url), 'utf8')

  it('judges an option reference’s short paragraphs by their shape alone, and its licence line as its own', () => {
    // `Type: \`string\``, `Default: \`'left'\`` and `To install the latest version:` sit between code
    // blocks and repeat from option to option; the trees, which learned news pages, called them
    // menus, repeats and junk lines. The closing `MIT © Jane Roe` ends a README, not a site.
    const source = docs('option-reference.md')
    const analysis = analyzeSource(source, { syntax: 'markdown', lang: 'en' })
    expect(analysis.findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    // And no line is doubtful enough for the score to count it as part junk.
    for (const line of analysis.lines) expect(line.boilerplate, `line ${line.line}`).toBeLessThan(0.25)
  })

  it('reads a short README of headings and one-line paragraphs as documentation', () => {
    // As @types packages write theirs: the only code is an install command in a block quote.
    const source = [
      '# Installation',
      '> `npm install --save @types/estree`',
      '',
      '# Summary',
      'This package contains type definitions for estree (https://github.com/estree/estree).',
      '',
      '# Details',
      'Files were exported from https://github.com/DefinitelyTyped/DefinitelyTyped/tree/master/types/estree.',
      '',
      '### Additional Details',
      ' * Last updated: Thu, 29 Oct 2026 04:33:31 GMT',
      ' * Dependencies: none',
      '',
      '# Credits',
      'These definitions were written by [RReverser](https://github.com/RReverser).',
      '',
    ].join('\n')
    expect(analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
  })

  it('finds a docs site’s sidebar of names in code, and keeps a site’s copyright footer junk in Markdown', () => {
    const sidebar = ['Array.prototype.at()', 'Array.prototype.concat()', 'Array.prototype.every()', 'Array.prototype.filter()', 'Array.prototype.find()', 'Array.prototype.flat()', 'Array.prototype.map()', 'Array.prototype.reduce()']
    const prose = [
      'The widget.map() method builds a new list from the results of calling your function once on every item of the widget, in order.',
      'Your callbackFn runs only for the items the widget holds; gaps in a sparse widget are skipped and stay gaps in the new list.',
      'Since widget.map() returns a new list, call widget.forEach() instead when you only want the side effects of your function.',
    ]
    const text = ['Skip to main content', 'widget.map()', ...prose, 'In this article', 'Syntax', 'Examples', 'See also', ...sidebar, 'Help improve the docs', 'Widget docs on GitHub'].join('\n')
    const lines = text.split('\n')
    const kinds = new Map(analyze(text).lines.map((line) => [lines[line.line - 1]!, line.kind]))
    for (const item of sidebar) expect(kinds.get(item), item).toBe('boilerplate')
    for (const line of prose) expect(kinds.get(line), line).toBe('content')
    const footer = `${docs('option-reference.md').replace(/## License[\s\S]*$/, '')}\nCopyright © 2024 Widget Labs. Built with Docusaurus.\n`
    const junk = analyzeSource(footer, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.category === 'boilerplate')
    expect(junk.map((finding) => finding.excerpt)).toEqual(['Copyright © 2024 Widget Labs. Built with Docusaurus.'])
  })

  it('spares a README’s copyright line under its licence heading, and its code lines, file list and versions', () => {
    const readme = ['# tiny-lib', '', 'Check a value at run time.', '', '```js', 'const file = await unified()', '  .use(remarkParse)', '  .use(remarkGfm)', '  .use(remarkRehype)', '  .use(rehypeStringify)', "  .process('# Hello')", '```', '', '## License', '', '(MIT)', '', 'Copyright (c) 2013 Jane Roe &lt;jane@example.com&gt;', '', 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.', ''].join('\n')
    expect(analyzeSource(readme, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
    const plain = ['typecheck-lite', 'Check a value against a type name at run time, with readable errors. Call check(value, type) with any value.', 'Usage', 'const file = await unified()', '.use(remarkParse)', '.use(remarkGfm)', '.use(remarkRehype)', '.use(rehypeStringify)', 'Files', 'index.js', 'index.d.ts', 'package.json', 'Versions', 'v2.1.0', 'v2.0.0', 'v1.4.2', 'v1.0.0', 'Use isType() to test a value without throwing, and typeOf() to get the name of its type.'].join('\n\n')
    expect(analyze(plain).findings.filter((finding) => finding.category === 'boilerplate').map((finding) => finding.excerpt)).toEqual([])
  })

  it('reads install commands between headings of a plain-text README as no menu', () => {
    const text = ['frame-box', 'Draw a box around text in the terminal.', 'Install', 'npm install frame-box', 'or', 'yarn add frame-box', 'Usage', "import frameBox from 'frame-box'", 'console.log(frameBox(`unicorn`))', 'License', 'MIT'].join('\n\n')
    const menus = analyze(text).findings.filter((finding) => finding.ruleId === 'boilerplate/menu')
    expect(menus.map((finding) => finding.excerpt)).toEqual([])
  })

  it('still finds a scraped docs page’s navigation, a run of short lines with no blank line between them', () => {
    const text = docs('scraped-docs.txt')
    const lines = text.split('\n')
    const kinds = new Map(analyze(text).lines.map((line) => [lines[line.line - 1]!, line.kind]))
    for (const item of ['Docs', 'Blog', 'Community', 'GitHub', 'Getting Started', 'Plugins', 'Was this page helpful?', 'Edit this page on GitHub']) expect(kinds.get(item), item).toBe('boilerplate')
    for (const [line, kind] of kinds) if (line.split(' ').length > 15) expect(kind, line).toBe('content')
  })

  it('still finds that navigation when an extractor put a blank line between every two blocks', () => {
    const text = docs('scraped-docs.txt').split('\n').filter((line) => line.trim() !== '').join('\n\n')
    const lines = text.split('\n')
    const kinds = new Map(analyze(text).lines.map((line) => [lines[line.line - 1]!, line.kind]))
    for (const item of ['Docs', 'Blog', 'Community', 'GitHub', 'Getting Started', 'Plugins', 'Edit this page on GitHub']) expect(kinds.get(item), item).toBe('boilerplate')
    for (const [line, kind] of kinds) if (line.split(' ').length > 15) expect(kind, line).toBe('content')
  })

  it('reads a plain-text README, its headings and code between blank lines, as documentation, not as a menu', () => {
    // option-reference.md as plain text (a README.txt): blank lines between all its blocks, like
    // an extractor's output, but its short lines hold code, end a sentence or introduce what follows.
    const text = docs('option-reference.md').replace(/^#+ /gm, '').replace(/^```.*$/gm, '').replace(/\n{3,}/g, '\n\n')
    const junk = analyze(text).findings.filter((finding) => finding.category === 'boilerplate' && finding.ruleId !== 'boilerplate/ui-string')
    expect(junk.map((finding) => finding.excerpt)).toEqual([])
  })

  it('reads an HTML option reference as documentation too (one block a line, no blank lines)', () => {
    const html = docs('option-reference.md')
      .split(/\n{2,}/)
      .filter((block) => !block.startsWith('```'))
      .map((block) => {
        const inline = block.replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\\\n/g, '<br>\n')
        const heading = /^(#+) (.*)$/.exec(inline)
        return heading ? `<h${heading[1]!.length}>${heading[2]}</h${heading[1]!.length}>` : `<p>${inline}</p>`
      })
      .join('\n')
    const junk = analyzeSource(`<html><body>\n${html}\n</body></html>\n`, { syntax: 'html', lang: 'en' }).findings.filter((finding) => finding.category === 'boilerplate')
    expect(junk.map((finding) => finding.excerpt)).toEqual(['MIT © Jane Roe'])
  })

  it('keeps the small-document rule for a short technical paste: a usage note of five lines is no page', () => {
    const text = 'Usage\nRun `tq check README.md` to lint a file.\nOptions\n--format json prints JSON.\n--min-score 80 sets the bar.\n'
    expect(analyze(text).findings.filter((finding) => finding.category === 'boilerplate')).toEqual([])
  })

  it('reads a type union of inline code as no menu', () => {
    const source = `${docs('option-reference.md')}\n##### value\n\nType: \`string\` | \`number\` | \`boolean\` | \`null\`\n\nThe value to draw.\n`
    const menus = analyzeSource(source, { syntax: 'markdown', lang: 'en' }).findings.filter((finding) => finding.ruleId === 'boilerplate/menu')
    expect(menus).toEqual([])
  })
})
