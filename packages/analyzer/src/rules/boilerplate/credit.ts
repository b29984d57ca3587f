/**
 * boilerplate/credit
 *
 * Photo and source credits left under pictures:
 *
 * ```text
 * Pavel Byrkin/Sputnik Kreml/AP          ← flagged: a slash chain ending in an agency
 * … ceasefire / Photo: Olga MALTSEVA - AFP/File   ← flagged: `Photo:` label
 * AP                                     ← flagged: an agency name alone
 * Credit... Doug Mills/The New York Times ← flagged: `Credit…` label
 * (Reed Saxon / Associated Press)         ← flagged: a slash chain ending in an agency
 * Amy K. Dragoo/AIMMEDIA                   ← flagged: a photographer's name and a capitalised outlet
 * ```
 *
 * Not flagged: a sentence naming an agency ("Putin told AP that talks would go on."): only whole
 * agency lines, slash chains and credit labels on lines of at most 30 words count.
 */
import type { RuleMeta } from '../../rule.js'
import { STAND_IN } from '../../markup/stand-in.js'
import { MARK_CREDIT_WORD, MARK_SLASH, unitSet, type LineHints } from './chars.js'

export const meta: RuleMeta = {
  id: 'boilerplate/credit',
  category: 'boilerplate',
  severity: 'info',
  description: 'A photo or source credit ("Photo: … AFP/File", "Name/Agency/AP", "Getty Images") left under a picture.',
  invalid: [
    'The Kremlin said the call lasted more than two hours and touched on a possible ceasefire.\nPavel Byrkin/Sputnik/AP\nTrump also spoke to the Ukrainian president on Monday, officials said.',
    'The horses were led back to the barn after the second round of the competition on Sunday.\nAmy K. Dragoo/AIMMEDIA\nThe judges said the course had been one of the hardest in years.',
    'Trump to hold call with Putin / Photo: Olga MALTSEVA - AFP/File\nUS President Donald Trump will hold a phone call with Russia’s Vladimir Putin on Monday.',
  ],
  valid: [
    'Putin told the AP news agency on Monday that the talks would go on, the Kremlin said.',
    'The page explains how to log in.\nSingle Sign-On/SSO\nEvery user of the workspace signs in once and is let into each of its tools.',
    'The page lists the ways to reach the service.\nApplication Programming Interface/APIS\nEach request carries a key that the account page shows.',
    'The photo shows the two leaders shaking hands in Helsinki in 2018, before the war began.',
  ],
}

const AGENCY = '(?:(?:The )?Associated Press|Agence France-Presse|(?:The )?Canadian Press|Press Association|AP|AFP|Reuters|Getty Images|Getty|EPA(?:-EFE)?|EFE|dpa|DPA|Sputnik|Xinhua|TASS|ANSA|ANP|Belga|Keystone|PA(?: Images| Wire)?|Bloomberg|Shutterstock|iStock(?:photo)?|Alamy|Anadolu(?: Agency)?|NurPhoto|SIPA|Zuma(?: Press)?|AAP|UPI|Pool|File|Handout|Kyodo|Yonhap|IANS|PTI|ANI)'
const AGENCY_ALONE = new RegExp(`^\\(?${AGENCY}(?:\\s*(?:/|via|-)\\s*${AGENCY})*\\)?$`, 'u')
const SLASH_CHAIN = new RegExp(`\\S\\s*/\\s*(?:\\S[^/]*/\\s*)*${AGENCY}\\)?$`, 'u')
const LABEL = /(?:^|[\s(\/|])(?:photos?|photograph|pictures?|images?|fotos?|bild|credits?|crédits?|source|quelle|imagen|afbeelding|zdjęcie|фото)\s*(?::|…|\.\.\.|\bby\b|\bcredit\b|©)/iu
const STOCK = /\b(?:Getty Images|Shutterstock|iStock|Alamy|AFP\/File|AP Photo)\b/u
/**
 * A photographer's name (two to four capitalised words or initials) and an outlet written in
 * capitals: "Amy K. Dragoo/AIMMEDIA", "A.J. Smith/NASA". `nameAndOutlet` also asks that the outlet
 * be no abbreviation of the words before it ("Application Programming Interface/API", "Black
 * Lives Matter/BLM") and have four capitals or more ("New York/NYC", "Pink Floyd/EMI" have three).
 */
const NAME_SLASH_OUTLET = /^((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)\s*\/\s*(\p{Lu}{4,})$/u

/** Whether `line` is a photographer's name and an outlet (see `NAME_SLASH_OUTLET`). */
function nameAndOutlet(line: string): boolean {
  const match = NAME_SLASH_OUTLET.exec(line)
  if (!match) return false
  const initials = match[1]!
    .split(/[\s-]+/u)
    .map((word) => word[0])
    .join('')
    .toUpperCase()
  return !initials.includes(match[2]!) && !match[2]!.startsWith(initials)
}

/** First characters of `AGENCY_ALONE`: a bracket and the agencies' initials. */
const AGENCY_INITIALS = unitSet('(ARGEdDSXTBKPiZUNFHYIC')

/**
 * The words a match of `LABEL` or `STOCK` holds, whole, lower case: `measureLine` (features.ts) notes
 * a line that has one of them as a word (`MARK_CREDIT_WORD`), and the two patterns, which scan the
 * whole line, run only there. Whole words, because in each match these stand between characters
 * that end a word:
 * - `LABEL`'s word follows ^ or [\s(/|] and is followed by \s, ":", "…", "." or "©": "Photo: AFP",
 *   "Credit... Doug Mills", "Source: Reuters"; in "Photo.By" it is the first part of a word joined
 *   by ".", which `measureLine` checks on its own.
 * - `STOCK`'s names stand between `\b`s: "Getty Images", "Shutterstock", "AFP/File", "AP Photo".
 *   Inside a word as `measureLine` reads words, a `\b` falls only at a joiner (' ’ . -: "l’Alamy",
 *   "AFP-Shutterstock", each part checked on its own) or next to a letter outside ASCII ("éAlamy").
 *
 * Only ASCII words: a line with a letter outside ASCII (crédit, фото, or ſ, which the case-blind
 * `LABEL` reads as s) counts as having one, whatever its words.
 */
export const CREDIT_WORDS: readonly string[] = [
  'photo', 'photos', 'photograph', 'picture', 'pictures', 'image', 'images', 'imagen', 'foto', 'fotos', 'bild', 'credit', 'credits',
  'source', 'quelle', 'afbeelding', 'shutterstock', 'istock', 'alamy', 'file',
]

/**
 * Whether a credit label (`Photo:`, `Source:`) on `text` is followed by the stand-in of a
 * marked-up file (markup/stand-in.ts). In documentation the stand-in is code, and the line an
 * error's description (`This error occurs if acorn crashes (source:
 * \`micromark-extension-mdx-expression\`, rule id: …)`), which the boilerplate classifier spares in
 * technical text; in a news page it may be a picture's address, still a credit.
 */
export function labelsStandIn(text: string): boolean {
  const match = LABEL.exec(text)
  return match !== null && text.slice(match.index + match[0].length).trimStart().startsWith(STAND_IN)
}

/** What the line is when it is a credit, else undefined (`hints`: see `ticker`). */
export function credit(text: string, words: number, hints?: LineHints): string | undefined {
  const trimmed = text.trim()
  if (words > 30) return undefined
  // Cheap tests before the patterns: a line of agencies starts with one's initial or a bracket, a
  // slash chain holds a slash, a label or a stock agency one of `CREDIT_WORDS`
  // (`MARK_CREDIT_WORD`: a sentence without "photo", "credit", "source" … skips both scans).
  if (AGENCY_INITIALS.has(trimmed.charCodeAt(0)) && AGENCY_ALONE.test(trimmed)) return 'news agency credit'
  const creditWord = hints ? (hints.marks & MARK_CREDIT_WORD) !== 0 : true
  if (creditWord && (LABEL.test(trimmed) || STOCK.test(trimmed))) return 'photo credit'
  if ((hints ? (hints.marks & MARK_SLASH) !== 0 : trimmed.includes('/')) && (SLASH_CHAIN.test(trimmed) || (words <= 6 && nameAndOutlet(trimmed)))) return 'photo credit'
  return undefined
}
