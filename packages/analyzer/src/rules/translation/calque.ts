/**
 * translation/calque
 *
 * A phrase translated word for word from another language, which English says otherwise:
 * `Switch the image signature` (German `Bildunterschrift`: English says `caption`), `in a social
 * media contribution` (German `Beitrag`: a `post`), `since three years` (German `seit`, French
 * `depuis`: `for three years`), `realized a study` (Spanish `realizar`: `carried out`). Machine
 * translation and hurried human translation both leave them, and no surface rule sees them: each
 * word is English.
 *
 * A catalogue, in the manner of Vale's styles: each entry names the phrase, the language it comes
 * from and what English says. An entry is only as good as its precision, so each was checked
 * against native English: the whole catalogue matches 10 times in the 4.6 million words of the
 * language model's training text (0.002 per 1,000 words: `discuss about` and `hardwares` from
 * non-native writers among them) and never in the 154,000 words of the human news originals of
 * mt-docs-dev.jsonl. Forms English does use are left out by the patterns: `during 20 years of
 * trials`, `since three years ago`, `make the most of the`, `in the frame of mind`, an `image
 * signature` that is not a caption.
 *
 * Alone, a calque is `info`: a careful writer may slip once. Two different ones within `PASSAGE`
 * characters of each other (about a page) are `warning`: calque detectors elsewhere keep their false
 * alarms down by this density gate, and a translation that calques twice on a page was not edited.
 * The same phrase repeated counts once (`since three years` in every copy of a pasted paragraph). English text
 * only.
 *
 * Speed: each entry names the words its phrase can start with (`first`) and, after a common word,
 * the words that can follow (`second`); its pattern runs only there, as a sticky regex at that
 * word. A single regex of every phrase over each paragraph took 100 ms per MB; this takes about 10.
 */
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import { placeAt } from '../../document.js'
import { context, report, stateOf, type Detector, type RuleMeta } from '../../rule.js'
import { isEnglish } from './shared.js'
import { sentenceTokens } from './vocabulary.js'

export interface Calque {
  /** Stable name of the entry (kebab case), for tests and docs. */
  id: string
  /** Lowercase words the phrase can start with. */
  first: readonly string[]
  /**
   * For a phrase that starts with a common word (`in`, `the`, `is`): the words that can follow it
   * (`number`: a number, in digits or words), checked before the pattern runs.
   */
  second?: readonly string[] | 'number'
  /** The phrase: a regex source, matched case-insensitively from one of `first`, up to a word end. */
  pattern: string
  /** What English says instead. */
  say: string
  /** Replacements for the matched phrase (lowercase) where one fits as it stands, for tools that apply suggestions. */
  replace?: Readonly<Record<string, string>>
  /** The source phrase it renders, with its language: `German Bildunterschrift`. */
  from: string
  /** A sentence it must flag (a test checks each). */
  example: string
  /** A sentence with the same words that English does write, which it must leave alone. */
  near?: string
}

/** Number words the patterns accept for a count. */
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty']
/** A count of years, days…: a number or a number word. */
const COUNT = `(?:\\d+|${NUMBER_WORDS.join('|')}|several|many|a few)`
const UNITS = '(?:years|months|weeks|days|hours|decades)'
const MAKE = ['make', 'makes', 'made', 'making']

export const CATALOGUE: readonly Calque[] = [
  // Page furniture of German sites, translated word by word.
  {
    id: 'image-signature',
    first: ['image'],
    // After the verb of a caption toggle only: a container or a file has an `image signature` in English.
    pattern: '(?<=(?:show|hide|switch|toggle|display|expand|collapse|close|open)(?: the)? )image signatures?',
    say: 'caption',
    replace: { 'image signature': 'caption', 'image signatures': 'captions' },
    from: 'German Bildunterschrift',
    example: 'Switch the image signature',
    near: 'The image signature is verified before the container starts.',
  },
  {
    id: 'data-protection-declaration',
    first: ['data'],
    pattern: 'data (?:protection|privacy) declarations?',
    say: 'privacy policy',
    replace: { 'data protection declaration': 'privacy policy' },
    from: 'German Datenschutzerklärung',
    example: 'Please read our data protection declaration.',
    near: 'The data protection officer answered.',
  },
  {
    id: 'reading-tip',
    first: ['reading'],
    pattern: 'reading tips?',
    say: 'recommended reading',
    replace: { 'reading tip': 'recommended reading' },
    from: 'German Lesetipp',
    example: 'Reading tip: how the talks failed',
  },
  {
    id: 'comment-function',
    first: ['comment'],
    pattern: 'comment functions?',
    say: 'comments',
    from: 'German Kommentarfunktion',
    example: 'The comment function is closed for this article.',
  },
  // Words English uses for something else (false friends).
  {
    id: 'post-contribution',
    // Not `online contributions`: donations, in English.
    first: ['social', 'facebook', 'instagram', 'twitter', 'telegram'],
    pattern: '(?:social[- ]media|facebook|instagram|twitter|telegram) contributions?',
    say: 'post',
    from: 'German Beitrag',
    example: '“There must be stronger sanctions,” he said in a social media contribution.',
    near: 'Online contributions to the campaign rose in May.',
  },
  {
    id: 'sensible-data',
    first: ['sensible'],
    pattern: 'sensible (?:data|information|personal data|skin)',
    say: 'sensitive',
    from: 'Spanish, French or German sensible',
    example: 'The app stores sensible data without encryption.',
    near: 'It was a sensible decision.',
  },
  {
    id: 'sympathic',
    first: ['sympathic'],
    pattern: 'sympathic',
    say: 'likeable, nice',
    replace: { sympathic: 'likeable' },
    from: 'German sympathisch',
    example: 'The new coach is very sympathic.',
  },
  {
    id: 'manifestants',
    first: ['manifestant', 'manifestants'],
    pattern: 'manifestants?',
    say: 'protesters',
    from: 'French manifestants, Spanish manifestantes',
    example: 'Police dispersed the manifestants with tear gas.',
  },
  {
    id: 'manifestation-against',
    first: ['manifestation', 'manifestations'],
    pattern: 'manifestations? (?:against|in favou?r of)',
    say: 'protest, demonstration',
    from: 'French manifestation, Spanish manifestación',
    example: 'Thousands joined a manifestation against the reform.',
    near: 'The rash is a manifestation of the disease.',
  },
  {
    id: 'professional-formation',
    first: ['professional', 'vocational'],
    pattern: '(?:professional|vocational) formation',
    say: 'training',
    from: 'French formation, Spanish formación',
    example: 'The law funds professional formation for young workers.',
    near: 'The squadron flew in a continuous formation.',
  },
  {
    id: 'federal-chancellor',
    first: ['federal'],
    pattern: 'federal chancellor',
    say: 'chancellor',
    from: 'German Bundeskanzler',
    example: 'Federal Chancellor Scholz arrived in Paris.',
  },
  {
    id: 'uncountable-plural',
    // Not `advices` (bankers' `payment advices`, and news in 19th-century English) nor `equipments`.
    first: ['informations', 'furnitures', 'feedbacks', 'softwares', 'hardwares', 'knowledges', 'luggages', 'homeworks'],
    pattern: '(?:informations|furnitures|feedbacks|softwares|hardwares|knowledges|luggages|homeworks)',
    say: 'the singular (`information`, `software`)',
    from: 'French informations, German Informationen',
    example: 'More informations are available on our website.',
  },
  // Time: German seit, French depuis, Spanish desde hace and durante.
  {
    id: 'since-duration',
    first: ['since'],
    pattern: `since ${COUNT} ${UNITS}(?! ago| earlier| before| prior| later| after)`,
    say: 'for (`for three years`)',
    from: 'German seit, French depuis, Spanish desde hace',
    example: 'He has lived in Berlin since three years.',
    near: 'Prices have doubled since three years ago.',
  },
  {
    id: 'is-since',
    first: ['is', 'are', 'am'],
    second: ['already', 'here', 'there', 'since'],
    pattern: '(?:is|are|am) (?:already |here |there )?since (?:\\d{4}|years|months|weeks|decades|\\d+ (?:years|months|weeks|days))',
    say: 'has been … since (`has lived here since 2019`)',
    from: 'German ist seit, French est depuis',
    example: 'She is since 2019 the head of the agency.',
  },
  {
    id: 'during-duration',
    first: ['during'],
    // Where the clause ends: `during two weeks before the peak`, `during 20 years of trials` are English.
    pattern: `during ${COUNT} ${UNITS}(?=[,.;!?])`,
    say: 'for (`for three years`)',
    from: 'French pendant, Spanish durante',
    example: 'The factory was closed during three years.',
    near: 'He tested 70 molecules during 20 years of clinical trials.',
  },
  {
    id: 'already-since',
    first: ['already'],
    pattern: 'already since',
    say: 'for, since (`for years`)',
    from: 'German schon seit',
    example: 'The border has been closed already since March.',
  },
  {
    id: 'since-long',
    first: ['since'],
    pattern: 'since long(?! ago| before| since)',
    say: 'for a long time',
    from: 'German seit langem, French depuis longtemps',
    example: 'The two leaders know each other since long.',
    near: 'The town has since long ago forgotten the flood.',
  },
  {
    id: 'n-first',
    first: ['the'],
    second: 'number',
    pattern:
      `the (?:${NUMBER_WORDS.join('|')}|\\d+) (?:first|last) (?:days|weeks|months|years|hours|minutes|pages|chapters|games|matches|rounds|places|times|episodes|seasons)`,
    say: 'the first N (`the first three months`)',
    from: 'French les trois premiers, Spanish los tres primeros',
    example: 'Sales fell in the three first months of the year.',
    near: 'Sales fell in the first three months of the year.',
  },
  {
    id: 'in-the-last-time',
    first: ['in'],
    second: ['the'],
    pattern: 'in the last time(?=[,.])',
    say: 'lately, recently',
    from: 'German in letzter Zeit',
    example: 'Prices have risen a lot in the last time.',
    near: 'In the last time he played, he scored twice.',
  },
  {
    id: 'in-a-first-time',
    first: ['in'],
    second: ['a'],
    pattern: 'in a (?:first|second) time',
    say: 'first, at first',
    from: 'French dans un premier temps',
    example: 'In a first time, the ministry will fund ten schools.',
  },
  {
    id: 'in-the-same-time',
    first: ['in'],
    second: ['the'],
    pattern: 'in the same time(?=,)',
    say: 'at the same time',
    replace: { 'in the same time': 'at the same time' },
    from: 'French en même temps, Spanish al mismo tiempo',
    example: 'In the same time, the government raised taxes.',
    near: 'He ran the course in the same time as last year.',
  },
  // Verbs with the other language's object or preposition.
  {
    id: 'make-photo',
    first: MAKE,
    pattern: '(?:make|makes|made|making) (?:a |some |many |the |these |those |several )?(?:photos?|photographs?|pictures?) of',
    say: 'take a photo',
    from: 'German Foto machen, French faire une photo, Spanish hacer una foto',
    example: 'Tourists made photos of the burning cathedral.',
    near: 'She made a name for herself with pictures.',
  },
  {
    id: 'make-question',
    first: MAKE,
    pattern: '(?:make|makes|made|making) (?:a |the |this |that |some |any |many |several |these |those )?questions?(?! mark)',
    say: 'ask a question',
    from: 'Spanish hacer una pregunta',
    example: 'Journalists could not make questions after the speech.',
  },
  {
    id: 'make-attention',
    first: MAKE,
    pattern: '(?:make|makes|made|making) attention',
    say: 'pay attention',
    from: 'French faire attention',
    example: 'Drivers must make attention to the new signs.',
  },
  {
    id: 'make-walk',
    first: MAKE,
    pattern: '(?:make|makes|made|making) (?:a )?(?:walk|stroll|pause)',
    say: 'take a walk, take a break',
    from: 'German einen Spaziergang machen, Pause machen',
    example: 'After lunch the delegates made a walk through the old town.',
  },
  {
    id: 'make-holidays',
    first: MAKE,
    pattern: '(?:make|makes|made|making) (?:holidays|vacations?)',
    say: 'go on holiday',
    from: 'German Urlaub machen',
    example: 'Many families make holidays at the coast.',
  },
  {
    id: 'make-exam',
    first: MAKE,
    pattern: '(?:make|makes|made|making) (?:an|the|this|that|my|his|her|their) (?:exam|examination)',
    say: 'take an exam',
    from: 'Spanish hacer un examen',
    example: 'The students made the exam on Monday.',
  },
  {
    id: 'realize-study',
    first: ['realize', 'realise', 'realized', 'realised', 'realizes', 'realises', 'realizing', 'realising'],
    pattern:
      // Not `realized the study was flawed` (noticed): an indefinite article, then a preposition or a stop after the noun.
      '(?:realize|realise|realized|realised|realizes|realises|realizing|realising) (?:a|an|several|many) (?:study|studies|survey|investigation|analysis|interview|project|activity|activities|campaign|operation|test|tests|visit|meeting)(?= (?:on|of|about|in|with|for|among|to|at|into)\\b|[,.;])',
    say: 'carry out',
    from: 'Spanish and Portuguese realizar, French réaliser',
    example: 'The university realized a study on air pollution.',
    near: 'She realized the study was flawed.',
  },
  {
    id: 'assist-to',
    first: ['assist', 'assists', 'assisted', 'assisting'],
    pattern:
      '(?:assist|assists|assisted|assisting) (?:to|at) (?:the|a|this|that) (?:meeting|conference|ceremony|event|mass|concert|session|match|class|classes|course|funeral|wedding|celebration)',
    say: 'attend',
    from: 'Spanish asistir a, French assister à',
    example: 'More than 300 people assisted to the ceremony.',
  },
  {
    id: 'explain-me',
    first: ['explain', 'explains', 'explained'],
    pattern: 'explain(?:s|ed)? me (?:how|what|why|the|that|this|where|when|who)',
    say: 'explain to me',
    from: 'Spanish explícame, French explique-moi',
    example: 'Can you explain me how the system works?',
  },
  {
    id: 'depend-of',
    first: ['depend', 'depends', 'depended', 'depending', 'dependent'],
    pattern: '(?:depend|depends|depended|depending|dependent) of',
    say: 'depend on',
    replace: { 'depend of': 'depend on', 'depends of': 'depends on', 'depended of': 'depended on', 'depending of': 'depending on', 'dependent of': 'dependent on' },
    from: 'French dépendre de, Spanish depender de',
    example: 'The price depends of the season.',
  },
  {
    id: 'discuss-about',
    first: ['discuss', 'discusses', 'discussed', 'discussing'],
    pattern: '(?:discuss|discusses|discussed|discussing) about',
    say: 'discuss (without `about`)',
    from: 'Spanish discutir sobre, French discuter de',
    example: 'The ministers discussed about the budget.',
  },
  {
    id: 'be-agree',
    first: ['am', 'is', 'are', 'was', 'were', 'be', 'been'],
    second: ['agree'],
    pattern: '(?:am|is|are|was|were|be|been) agree',
    say: 'agree',
    from: 'Spanish estar de acuerdo, French être d’accord',
    example: 'I am agree with the proposal.',
    near: 'They are agreed on the date.',
  },
  {
    id: 'have-reason',
    first: ['you', 'he', 'she', 'they', 'we', 'i'],
    second: ['have', 'has', 'had'],
    pattern: '(?:you|he|she|they|we|i) (?:have|has|had) reason(?=[.,!;])',
    say: 'be right',
    from: 'French avoir raison, Spanish tener razón',
    example: 'I think you have reason, the plan is too expensive.',
    near: 'I think you have reason to worry.',
  },
  {
    id: 'open-light',
    first: ['open', 'opened', 'opens', 'close', 'closed', 'closes'],
    second: ['the'],
    pattern: '(?:open|opened|opens|close|closed|closes) the lights?',
    say: 'turn on (off) the light',
    from: 'Spanish abrir (cerrar) la luz',
    example: 'Please close the light when you leave.',
  },
  {
    id: 'take-in-consideration',
    first: ['take', 'takes', 'took', 'taken', 'taking'],
    second: ['in'],
    pattern: '(?:take|takes|took|taken|taking) in (?:consideration|account)',
    say: 'take into consideration (account)',
    from: 'French prendre en considération',
    example: 'The court took in consideration his age.',
  },
  {
    id: 'accent-on',
    first: ['put', 'puts', 'putting', 'placed', 'place', 'places', 'placing'],
    second: ['the', 'an', 'a', 'special', 'particular', 'great'],
    pattern: '(?:put|puts|putting|placed|place|places|placing) (?:the|an|a|special|particular|great) accent on',
    say: 'emphasise, stress',
    from: 'French mettre l’accent sur',
    example: 'The plan puts the accent on renewable energy.',
  },
  // Set phrases.
  {
    id: 'in-the-frame-of',
    first: ['in'],
    second: ['the'],
    pattern: 'in the frame of(?! mind)',
    say: 'as part of, under',
    replace: { 'in the frame of': 'as part of' },
    from: 'German im Rahmen, French dans le cadre de',
    example: 'The money was paid in the frame of the aid programme.',
    near: 'He was not in the frame of mind to talk.',
  },
  {
    id: 'in-base-of',
    first: ['in', 'on'],
    second: ['base'],
    pattern: '(?:in|on) base (?:of|to)',
    say: 'based on',
    from: 'Spanish en base a',
    example: 'The grants are awarded in base of merit.',
  },
  {
    id: 'in-the-actuality',
    first: ['in'],
    second: ['the'],
    pattern: 'in the actuality',
    say: 'currently, at present',
    replace: { 'in the actuality': 'currently' },
    from: 'Spanish and Portuguese actualidad',
    example: 'In the actuality, the museum has 200 employees.',
  },
  {
    id: 'with-other-words',
    first: ['with'],
    second: ['other'],
    pattern: 'with other words',
    say: 'in other words',
    replace: { 'with other words': 'in other words' },
    from: 'German mit anderen Worten',
    example: 'With other words, the plan has failed.',
  },
  {
    id: 'according-to-me',
    first: ['according'],
    pattern: 'according to me',
    say: 'in my opinion',
    replace: { 'according to me': 'in my opinion' },
    from: 'French selon moi, Spanish según yo',
    example: 'According to me, the decision was wrong.',
  },
  {
    id: 'most-of-the',
    first: ['the'],
    second: ['most'],
    pattern: '(?<!(?:make|makes|made|making) )the most of the (?:people|countries|cases|time|world|population|members)',
    say: 'most (`most people`)',
    from: 'French la plupart des, Spanish la mayoría de',
    example: 'The most of the people voted for the reform.',
    near: 'They made the most of the time they had.',
  },
  {
    id: 'in-the-internet',
    first: ['in'],
    second: ['the'],
    pattern: 'in the internet(?! age| era| of| economy| industry| sector| space| bubble| boom| revolution| world)',
    say: 'on the internet',
    replace: { 'in the internet': 'on the internet' },
    from: 'German im Internet',
    example: 'The video spread quickly in the internet.',
    near: 'In the internet age, news travels fast.',
  },
]

export const meta: RuleMeta = {
  id: 'translation/calque',
  category: 'translation',
  severity: 'info',
  description:
    'A phrase rendered word for word from another language, which English says otherwise (`Switch the image signature` for `Toggle caption`, `since three years`); `warning` when two different ones fall within a page.',
  invalid: [
    'Switch the image signature',
    'He has lived in Berlin since three years.',
    'The university realized a study on air pollution.',
  ],
  valid: [
    'Toggle caption',
    'He has lived in Berlin for three years.',
    'Prices have doubled since three years ago.',
    'They made the most of the time they had.',
  ],
}

/** Characters (about a page, 800 words) within which two calques make each other a `warning`. */
export const PASSAGE = 5000

interface Compiled {
  entry: Calque
  /** Sticky: it matches at `lastIndex` or not at all. */
  regex: RegExp
  /** `entry.second` as a set, or undefined when any word may follow. */
  second: ReadonlySet<string> | undefined
}

const NUMBERS: ReadonlySet<string> = new Set(NUMBER_WORDS)
const DIGITS = /^\d+$/

/** Entries by the words they start with, made on first use. */
let byFirst: Map<string, Compiled[]> | undefined

function entriesByFirst(): Map<string, Compiled[]> {
  if (byFirst) return byFirst
  byFirst = new Map()
  for (const entry of CATALOGUE) {
    // A phrase ends at a word end: `image signatures` but not `image signaturesque`.
    const second = entry.second === 'number' ? NUMBERS : entry.second && new Set(entry.second)
    const compiled = { entry, second, regex: new RegExp(`(?:${entry.pattern})(?![\\p{L}\\p{N}])`, 'iuy') }
    for (const word of entry.first) {
      const list = byFirst.get(word)
      if (list) list.push(compiled)
      else byFirst.set(word, [compiled])
    }
  }
  return byFirst
}

interface Hit {
  start: number
  end: number
  entry: Calque
}

function calque() {
  return function (tree: Root, file: VFile): void {
    const ctx = context(file)
    if (!isEnglish(ctx)) return
    const text = ctx.document.text
    const entries = entriesByFirst()
    const hits = stateOf(file, meta.id, (): Hit[] => {
      const value: Hit[] = []
      ctx.atEnd.push(() => judge(file, value))
      return value
    })
    for (const tokens of sentenceTokens(tree)) {
      let after = -1
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!
        if (token.kind !== 'word' || token.start < after) continue
        const candidates = entries.get(token.lower)
        if (candidates === undefined) continue
        // The next word, through one space: what `second` checks.
        const next = tokens[index + 1]?.kind === 'space' && tokens[index + 2]?.kind === 'word' ? tokens[index + 2]!.lower : ''
        for (const { entry, regex, second } of candidates) {
          if (second !== undefined && !second.has(next) && !(entry.second === 'number' && DIGITS.test(next))) continue
          regex.lastIndex = token.start
          const match = regex.exec(text)
          if (match === null) continue
          hits.push({ start: token.start, end: token.start + match[0].length, entry })
          after = token.start + match[0].length
          break
        }
      }
    }
  }
}

/**
 * Report each hit: `warning` when a hit of another entry lies within `PASSAGE` characters, else
 * `info`. The same phrase again is one habit, not a second slip: an article pasted twice, or a
 * translation memory that rendered `image signature` the same way in every caption, stays `info`.
 */
function judge(file: VFile, hits: readonly Hit[]): void {
  const { document } = context(file)
  // previous[i] / following[i]: the nearest hit before / after hit i whose entry differs from its own.
  const previous: Array<Hit | undefined> = []
  hits.forEach((hit, index) => {
    const before = hits[index - 1]
    previous.push(before === undefined ? undefined : before.entry !== hit.entry ? before : previous[index - 1])
  })
  const following: Array<Hit | undefined> = new Array(hits.length)
  for (let index = hits.length - 1; index >= 0; index--) {
    const next = hits[index + 1]
    following[index] = next === undefined ? undefined : next.entry !== hits[index]!.entry ? next : following[index + 1]
  }
  hits.forEach((hit, index) => {
    const before = previous[index]
    const next = following[index]
    const dense = (before !== undefined && hit.start - before.end <= PASSAGE) || (next !== undefined && next.start - hit.end <= PASSAGE)
    const phrase = document.text.slice(hit.start, hit.end)
    report(
      file,
      meta,
      placeAt(document, hit.start, hit.end),
      `\`${phrase}\` renders ${hit.entry.from} word for word; English says: ${hit.entry.say}`,
      { severity: dense ? 'warning' : 'info', expected: replacementOf(hit.entry, phrase) },
    )
  })
}

/** The entry's replacement for `phrase`, in its case (`With other words` → `In other words`), if it has one. */
function replacementOf(entry: Calque, phrase: string): string[] | undefined {
  const replacement = entry.replace?.[phrase.toLowerCase()]
  if (replacement === undefined) return undefined
  const capital = phrase[0] !== phrase[0]!.toLowerCase()
  return [capital ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement]
}

export const detector: Detector = { rules: [meta], plugin: calque }
