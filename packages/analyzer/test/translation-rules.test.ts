/**
 * The word-level translation rules on real seed lines and on the cases they must tell apart:
 * foreign spellings from names, German capitals from titles, verb-final clauses from English
 * ellipsis, foreign number formats from English ones.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/index.js'
import { acceptanceOf } from '../src/accept.js'
import { meta as missingArticles } from '../src/rules/translation/missing-articles.js'

const MINE = ['foreign-spelling', 'capitalized-noun', 'verb-final', 'number-format', 'untranslated-word'].map((name) => `translation/${name}`)

function hits(text: string, ruleId?: string) {
  return analyze(text, { lang: 'en' }).findings.filter((f) => (ruleId ? f.ruleId === ruleId : MINE.includes(f.ruleId)))
}

const seed = (name: string): string => readFileSync(new URL(`../../../fixtures/seeds/${name}`, import.meta.url), 'utf8')
const line = (name: string, number: number): string => seed(name).split('\n')[number - 1]!

describe('seed lines of npr-garbled.txt', () => {
  it('line 21: Soschi is the German spelling of Sochi', () => {
    const found = hits(line('npr-garbled.txt', 21), 'translation/foreign-spelling')
    expect(found.map((f) => [f.excerpt, f.expected])).toEqual([['Soschi', ['Sochi']]])
    expect(found[0]!.message).toBe('German spelling of Sochi?')
  })

  it('line 33: "Before" capitalised after [Trump]', () => {
    const found = hits(line('npr-garbled.txt', 33), 'translation/capitalized-noun')
    expect(found.map((f) => f.excerpt)).toEqual(['Before'])
    expect(found[0]!.expected).toEqual(['before'])
  })

  it('line 45: the clause ends in "is"', () => {
    const found = hits(line('npr-garbled.txt', 45), 'translation/verb-final')
    expect(found.map((f) => f.excerpt)).toEqual(['is'])
    expect(found[0]!.column).toBe(line('npr-garbled.txt', 45).lastIndexOf(' is.') + 2)
  })

  it('names on the other lines are not foreign spellings', () => {
    const text = [17, 29, 31, 35, 39, 47].map((n) => line('npr-garbled.txt', n)).join('\n\n')
    expect(hits(text)).toEqual([])
  })
})

describe('human seed files', () => {
  for (const name of ['afp-original.txt', 'ndtv-boilerplate.txt', 'aljazeera-rewrite.txt']) {
    it(`${name}: no warning or error from the word-level rules`, () => {
      const found = analyze(seed(name)).findings.filter((f) => MINE.includes(f.ruleId) && f.severity !== 'info')
      expect(found).toEqual([])
    })
  }
})

describe('translation/foreign-spelling', () => {
  const rule = 'translation/foreign-spelling'
  it('suggests the English exonym', () => {
    expect(hits('The delegation flew from Moskau to Warschau on Monday.', rule).map((f) => f.expected)).toEqual([['Moscow'], ['Warsaw']])
    expect(hits('The summit will be held in Bruselas.', rule)[0]!.message).toBe('Spanish spelling of Brussels?')
  })

  it('undoes German spelling of English words', () => {
    expect(hits('He rejected the Amerikanisch plan.', rule)[0]!.expected).toEqual(['American'])
  })

  it('leaves unknown names alone', () => {
    const text =
      'Pavel Byrkin photographed Zelenskyy. Felgenhauer said so, and Timofeev agreed. Umerov spoke to Starmer. ' +
      'Later, Byrkin and Felgenhauer left; Timofeev stayed with Umerov.'
    expect(hits(text, rule)).toEqual([])
  })

  it('leaves names inside runs and set phrases alone', () => {
    expect(hits('She walked from the Piazza di Spagna to the Journal De Bruxelles office and ate Peking duck.', rule)).toEqual([])
    expect(hits('Bobby Fischer played chess; later Fischer moved to Iceland.', rule)).toEqual([])
  })

  it('does not take lowercase English words for German ones', () => {
    expect(hits('He had no qualms about forking out a record amount.', rule)).toEqual([])
  })
})

describe('translation/capitalized-noun', () => {
  const rule = 'translation/capitalized-noun'
  it('flags several German-capitalised nouns in a paragraph', () => {
    const found = hits('The attacks, of which the Ukrainian Authorities said the Damage was the largest, went on.', rule)
    expect(found.map((f) => f.excerpt)).toEqual(['Authorities', 'Damage'])
  })

  it('does not flag a single capitalised noun (density gate)', () => {
    expect(hits('The ministers discussed the Exchange on Monday.', rule)).toEqual([])
  })

  it('leaves titles, names, months and headlines alone', () => {
    expect(hits('He is the author of the book How to Grow a Chair and of Family, Law and Democracy Report.', rule)).toEqual([])
    expect(hits('Visitors to Yahoo and Excite stayed longer, according to the Electronic Advertising and Marketplace Report.', rule)).toEqual([])
    expect(hits('The talks begin in May and the Foreign Minister spoke to the Security Council.', rule)).toEqual([])
    expect(hits('Trump, Putin Call On Russia-Ukraine War, Call Went Well, White House Says', rule)).toEqual([])
    expect(hits('(B) That because of the low viscosity, the drop falls. See Section 104 of the Act and Volume 2.', rule)).toEqual([])
  })
})

describe('translation/verb-final', () => {
  const rule = 'translation/verb-final'
  it('flags a that-clause ending in its auxiliary', () => {
    expect(hits('The minister said that he it done has.', rule)).toHaveLength(1)
  })

  it('accepts English endings in a bare verb', () => {
    for (const text of [
      'That’s who he is.',
      'I know where it is.',
      'We take the country as it is.',
      'The economy is stronger than it was.',
      'So is she.',
      'He is not the sort of person he thought he was.',
      'It seems to me that it rather easily can.',
      'Do you think that the plan for the city is?',
    ]) {
      expect(hits(text, rule), text).toEqual([])
    }
  })
})

describe('translation/number-format', () => {
  const rule = 'translation/number-format'
  it('flags other locales’ separators and suggests the English form', () => {
    expect(hits('They will exchange 1.000 prisoners.', rule)[0]!.expected).toEqual(['1,000'])
    expect(hits('The budget is 12.500.000 euros.', rule)[0]!.expected).toEqual(['12,500,000'])
    expect(hits('Growth was 3,5 percent and inflation 0,7%.', rule).map((f) => f.expected)).toEqual([['3.5'], ['0.7']])
    expect(hits('It costs 1.234,56 euros.', rule)[0]!.severity).toBe('error')
  })

  it('accepts English numbers, versions, dates, times and addresses', () => {
    expect(
      hits('It cost 1.5 million, 3,500 people came, version 2.0 and v1.000.2 shipped on 12.05.2023 at 12.30 from 192.168.100.200; a ratio of 1.234.', rule),
    ).toEqual([])
  })
})

describe('translation/untranslated-word', () => {
  const rule = 'translation/untranslated-word'
  it('flags a foreign function word between English words', () => {
    const found = hits('The leaders discussed the talks und the ceasefire.', rule)
    expect(found.map((f) => f.message)).toEqual(['German word `und` left in an English sentence'])
  })

  it('accepts names, loanwords and quoted foreign phrases', () => {
    expect(hits('Ursula von der Leyen spoke; Les Misérables played; a pas de deux; Smith et al. agreed; musicians can jam together.', rule)).toEqual([])
  })
})

describe('accepted terms (AnalyzeOptions.accept)', () => {
  const npr = readFileSync(new URL('../../../fixtures/seeds/npr-garbled.txt', import.meta.url), 'utf8')
  const translation = (options: Parameters<typeof analyze>[1]) =>
    analyze(npr, options).findings.filter((finding) => finding.category === 'translation').map((finding) => `${finding.line} ${finding.ruleId} ${finding.excerpt}`)

  it('drops a finding on an accepted term and nothing else', () => {
    const all = translation({})
    expect(all).toContain('21 translation/foreign-spelling Soschi')
    expect(translation({ accept: ['Soschi'] })).toEqual(all.filter((finding) => finding !== '21 translation/foreign-spelling Soschi'))
  })

  it('matches whole words, as written or capitalised, never in another case', () => {
    expect(translation({ accept: ['SOSCHI'] })).toContain('21 translation/foreign-spelling Soschi')
    expect(translation({ accept: ['Sosch'] })).toContain('21 translation/foreign-spelling Soschi')
    // A term in lower case matches capitalised only where a sentence starts with it: not `Soschi` here.
    expect(translation({ accept: ['soschi'] })).toContain('21 translation/foreign-spelling Soschi')
    // A phrase; and a term accepted in lower case still matches where a sentence (line 13) starts with it.
    const calque = '13 translation/calque image signature'
    expect(translation({})).toContain(calque)
    expect(translation({ accept: ['image signature'] })).not.toContain(calque)
    expect(translation({ accept: ['switch the image signature'] })).not.toContain(calque)
  })

  it('matches a term written in lower case capitalised only where a sentence starts (found by review)', () => {
    // `Before` in mid-sentence on line 33 is what capitalized-noun flags: accepting `before` keeps it.
    expect(translation({ accept: ['before'] })).toContain('33 translation/capitalized-noun Before')
    expect(translation({ accept: ['Before'] })).not.toContain('33 translation/capitalized-noun Before')
  })

  it('finds overlapping terms, and blames the words of a phrase only where the phrase is not', () => {
    const text = 'Putin met Trump in the Kreml in Moskau on Monday, the Kremlin said after the talks ended.'
    const spelling = (accept: string[]) => analyze(text, { lang: 'en', accept }).findings.filter((finding) => finding.ruleId === 'translation/foreign-spelling').map((finding) => finding.excerpt)
    expect(spelling([])).toEqual(expect.arrayContaining(['Kreml', 'Moskau']))
    expect(spelling(['the Kreml', 'Kreml in Moskau'])).toEqual([])
    // `Department of the Interior` is not in the text: `of` and `the` are judged as ever.
    const garbled = 'The new drug was designed to work more than blocking the so a lot of other drugs to do.'
    const value = (accept: string[]) => analyze(garbled, { lang: 'en', accept }).lines[0]!.translation
    expect(value(['Department of the Interior'])).toBe(value([]))
  })

  it('finds a term as written where its capitalised longer neighbour is refused (found by review)', () => {
    const text = 'We saw the Kreml in moskau. Kreml in moskau is old.'
    const where = (terms: string[]) => [...acceptanceOf(terms)!.occurrences(text)].map((offset, i, all) => (i % 2 === 0 ? text.slice(offset, all[i + 1]) : '')).filter(Boolean)
    // `Kreml in moskau` (capitalised `kreml in moskau`) is refused in mid-sentence, not `Kreml` under it.
    expect(where(['Kreml', 'kreml in moskau'])).toEqual(['Kreml', 'Kreml in moskau'])
    // Each list compiles to its own matcher: the phrase `saw the` after the words `saw`, `the` (and back).
    expect(where(['saw', 'the'])).toEqual(['saw', 'the'])
    expect(where(['saw the Kreml'])).toEqual(['saw the Kreml'])
    expect(where(['the'])).toEqual(['the'])
    // A term that starts outside the Basic Multilingual Plane (found by review: the scan never ended).
    expect([...acceptanceOf(['😀 party'])!.occurrences('A 😀 party.')]).toEqual([2, 10])
    expect([...acceptanceOf(['𠮷野家'])!.occurrences('We ate at 𠮷野家 in Tokyo, 𠮷野家 twice.')]).toEqual([10, 14, 25, 29])
  })

  it('keeps a finding on a wider span that holds an accepted term', () => {
    // The calque `social media contribution` holds `media`: the phrase is flagged, not the word.
    expect(translation({ accept: ['media'] })).toContain('37 translation/calque social media contribution')
  })
})

describe('translation/missing-articles', () => {
  const [long, opening] = missingArticles.invalid as [string, string]
  const found = (text: string) => analyze(text).findings.filter((f) => f.ruleId === missingArticles.id)
  const severities = (text: string) => [...new Set(found(text).map((f) => f.severity))]
  // The rule's example words (an article-less round trip), as lines of exactly 25 words: a text of
  // `words` prose words, with `articles` of its words (one per line, from the first) made `a`.
  const vocabulary = long.split(/\s+/).map((word) => word.replace(/[^\p{L}]/gu, '')).filter((word) => /^\p{Ll}+$/u.test(word) && word !== 'a' && word !== 'an')
  function prose(words: number, articles = 0): string {
    const lines: string[] = []
    for (let at = 0; at < words; at += 25) {
      const line = Array.from({ length: Math.min(25, words - at) }, (_, k) => vocabulary[(at + k) % vocabulary.length]!)
      if (lines.length < articles) line[3] = 'a'
      lines.push(`${line.join(' ')}.`)
    }
    return lines.join('\n')
  }

  it('warns on every prose line once the text is long enough to be sure', () => {
    expect(found(long)).toHaveLength(long.split('\n').length)
    expect(severities(long)).toEqual(['warning'])
  })

  it('only informs on 150 to 250 words without an article, which English has by chance (1 stretch in 20 at 150)', () => {
    expect(severities(opening)).toEqual(['info'])
    expect(found(opening)[0]!.message).toContain('too few words to be sure')
  })

  it('judges from 150 prose words and is sure from 250 with none', () => {
    expect(severities(prose(149))).toEqual([])
    expect(severities(prose(150))).toEqual(['info'])
    expect(severities(prose(249))).toEqual(['info'])
    expect(severities(prose(250))).toEqual(['warning'])
  })

  it('allows one more article per further 125 words before it is sure', () => {
    expect(severities(prose(374, 1))).toEqual(['info'])
    expect(severities(prose(375, 1))).toEqual(['warning'])
    expect(severities(prose(500, 2))).toEqual(['warning'])
    expect(severities(prose(499, 2))).toEqual(['info'])
  })
})
