/**
 * tq's language identification is franc's algorithm over franc's data, with each language's model
 * built on first use (language.ts). It must answer exactly as franc does.
 */
import fs from 'node:fs'
import { francAll } from 'franc'
import { describe, expect, it } from 'vitest'
import { CANDIDATES, detectDocumentLanguage, guess } from '../src/language.js'
import { denseScriptCount } from '../src/rules/language/unexpected.js'

const seeds = new URL('../../../fixtures/seeds/', import.meta.url)
const seedLines = fs
  .readdirSync(seeds)
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => fs.readFileSync(new URL(name, seeds), 'utf8').split('\n'))
  .filter((line) => line.trim())

const others = [
  'Die Staats- und Regierungschefs haben am Sonntag mit dem Präsidenten telefoniert und über die Lage gesprochen.',
  'Los líderes europeos hablaron el domingo con el presidente sobre la guerra y las sanciones contra Rusia.',
  'Les dirigeants européens ont parlé dimanche avec le président de la guerre et des sanctions.',
  'O presidente disse que as negociações vão continuar na próxima semana em Istambul.',
  'La prezidanto diris, ke la intertraktadoj daŭros venontsemajne en Istanbulo.',
  'Президент заявил, что переговоры продолжатся на следующей неделе в Стамбуле.',
  'Президент заявив, що переговори триватимуть наступного тижня у Стамбулі.',
  '大统领表示，谈判将于下周在伊斯坦布尔继续进行。',
  '大統領は、交渉は来週イスタンブールで続くと述べた。',
  '대통령은 협상이 다음 주 이스탄불에서 계속될 것이라고 말했다.',
  'قال الرئيس إن المفاوضات ستستمر الأسبوع المقبل في إسطنبول.',
  'Ο πρόεδρος είπε ότι οι διαπραγματεύσεις θα συνεχιστούν την επόμενη εβδομάδα.',
  '2024-05-19 12:00 +++ 3.5 %',
  'a',
  '',
]

describe('language identification', () => {
  it('ranks the languages exactly as franc does, among the candidates and among all', () => {
    let compared = 0
    for (const text of [...seedLines, ...others]) {
      expect(guess(text)).toEqual(francAll(text, { only: [...CANDIDATES], minLength: 1 }))
      expect(guess(text, [])).toEqual(francAll(text, { minLength: 1 }))
      compared++
    }
    expect(compared).toBeGreaterThan(100)
  })

  it('tells the document language of English, German and Russian text', () => {
    expect(detectDocumentLanguage(seedLines)).toBe('en')
    expect(detectDocumentLanguage([others[0]!, others[0]!])).toBe('de')
    expect(detectDocumentLanguage([others[5]!, others[5]!])).toBe('ru')
  })

  it('calls a short English text English by its function words, where franc alone says French', () => {
    // An MT segment of the corpus (wmt23): franc's trigrams rank French first on so little text.
    const line = 'As a result, our party has lost an important leader.'
    expect(guess(line)[0]![0]).toBe('fra')
    expect(detectDocumentLanguage([line])).toBe('en')
    // A Spanish sentence with a few English function words in names is still Spanish.
    const spanish = 'El presidente de The Washington Post dijo que la empresa no tiene planes de vender el periódico en este momento.'
    expect(detectDocumentLanguage([spanish])).toBe('es')
  })
})

describe('language/unexpected script count', () => {
  it('counts the Chinese, Japanese, Korean and Thai characters of every code point as the script classes do', () => {
    const dense = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u
    const missed: string[] = []
    let found = 0
    for (let point = 0; point <= 0x10ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue
      const text = `a ${String.fromCodePoint(point)} b`
      const expected = dense.test(text) ? 1 : 0
      found += expected
      if (denseScriptCount(text) !== expected) missed.push(point.toString(16))
    }
    expect(missed).toEqual([])
    expect(found).toBeGreaterThan(90000)
    expect(denseScriptCount('東京で会議が開かれた。서울 ไทย “quoted” — dash')).toBe(15)
  })
})
