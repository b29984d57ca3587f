/**
 * boilerplate/ui-string
 *
 * Buttons, labels and ad slots a scraper copied with the text:
 *
 * ```text
 * Advertisement            ← flagged: a known UI string (data/boilerplate-ui-strings.json)
 * Facebook Twitter Email   ← flagged: a share bar, every word a UI word
 * © 2019 Example Media. All rights reserved.   ← flagged: a copyright notice
 * This website uses cookies to improve your experience.   ← flagged: a site notice
 * Dezembro (39)            ← flagged: a link of a blog's archive (a month and its count of posts)
 * Reading time: 3 minutes  ← flagged: a reading-time label
 * 日本語 (Japanese)         ← flagged: a link of the site's language menu
 * ```
 *
 * Not flagged: the same words inside a sentence ("Share prices fell sharply on Monday."): a line
 * matches only as a whole, or as a short line starting with a UI phrase.
 */
import type { RuleMeta } from '../../rule.js'
import { hasAsciiDigit, isSpace, isSpaceOrMark, MARK_NOTICE_WORD, pointAt, unitSet } from './chars.js'
import { knownUiStrings, knownUiWords, normalize } from './lexicon.js'

export const meta: RuleMeta = {
  id: 'boilerplate/ui-string',
  category: 'boilerplate',
  severity: 'warning',
  description: 'A button, label or ad slot of the web page ("Advertisement", "Show comments", "Anzeige"), not part of the text.',
  invalid: [
    'Advertisement\nThe talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
    'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.\nShow comments',
    'Publicité\nLes négociations se sont terminées sans engagement en faveur d’un cessez-le-feu, ont indiqué les responsables.',
    'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.\nThis website uses cookies to improve your experience. By continuing to use this site, you agree to their use.\nThey agreed that sanctions would follow if Russia failed to engage seriously in the talks.',
    'Reading time: 3 minutes\nThe talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.',
    'The talks in Istanbul ended without a commitment to a ceasefire, officials said on Monday.\nThey agreed that sanctions would follow if Russia failed to engage seriously in the talks.\nSharing is caring!',
  ],
  valid: [
    'Share prices fell sharply on Monday after the talks in Istanbul ended without a commitment to a ceasefire.',
    'Close observers of the talks said the two delegations had barely spoken to each other.',
    'The court found the providers guilty of authorising copyright infringement by encouraging users to download music.',
    'Regulators said that websites which use cookies to follow their visitors must ask for consent first, the court ruled on Tuesday.',
    'If you already have an account, sign in with the email address you registered with and open the settings page.',
  ],
}

/**
 * `text` without the characters a scraper leaves around a button label (`» Read more`, `Share:`,
 * `- Close -`): white space, punctuation and symbols at either end, what
 * `text.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')` leaves, without the pattern (which
 * tries its second branch at every position of the line).
 */
function unframe(text: string): string {
  let start = 0
  while (start < text.length) {
    const point = pointAt(text, start)
    if (!isSpaceOrMark(point)) break
    start += point > 0xffff ? 2 : 1
  }
  let end = text.length
  while (end > start) {
    // The code point that ends at `end`: a surrogate pair counts as one.
    const low = text.charCodeAt(end - 1)
    const pair = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start && text.charCodeAt(end - 2) >= 0xd800 && text.charCodeAt(end - 2) <= 0xdbff
    const point = pair ? text.codePointAt(end - 2)! : low
    if (!isSpaceOrMark(point)) break
    end -= pair ? 2 : 1
  }
  return start === 0 && end === text.length ? text : text.slice(start, end)
}

/**
 * Whether `bare` is two or more words, all UI words ("facebook twitter email"), split where
 * `/[\s|/·•,]+/u` splits it; the first word that is not one ends the test.
 */
function shareBar(bare: string, ui: Set<string>): boolean {
  let count = 0
  let start = -1
  for (let i = 0; i <= bare.length; i++) {
    const code = i < bare.length ? bare.charCodeAt(i) : 32
    if (!(code === 124 || code === 47 || code === 0xb7 || code === 0x2022 || code === 44 || isSpace(code))) {
      if (start < 0) start = i
      continue
    }
    if (start < 0) continue
    if (!ui.has(bare.slice(start, i))) return false
    count++
    start = -1
  }
  return count >= 2
}
/** Short lines that begin like a call to action: `Share on Facebook`, `Sign up for our newsletter`. */
const UI_PREFIX = /^(?:share (?:this|on|via)|follow us|sign up|subscribe (?:to|for|now)|read more|click here|more from|see also|related:|you may also like|advertisement|join our|download the app|get the app|log in to|sign in to)\b/iu
/** First letters of `UI_PREFIX`'s phrases, lower case as `bare` is, and "ſ", which the pattern's case folding reads as "s". */
const UI_PREFIX_INITIALS = unitSet('sfrcmyajdglſ')
/**
 * A reading-time label: `Reading time: 3 minutes`, `Tempo de leitura: 1 minuto`, `Lesezeit: 4 Min.`
 * (English, German, French, Spanish, Portuguese, Italian, Dutch, Polish), on the line's
 * lower-cased, unframed form. A sentence about reading ("It takes 5 minutes to read.") has more
 * than the label. (`5 min read` is a date line's part: boilerplate/byline names it.)
 */
const READING_TIME =
  /^(?:(?:estimated )?reading time|read time|lesezeit|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|leestijd|czas czytania) ?:? ?\d+ ?(?:min|mins|minutes?|minuten|minutos?|minuti|minuty|minut)\b\.?$/u
/**
 * Languages by their own names, as a site's language menu lists them (lower case, as `bare` is).
 * A line that is one of these and, in brackets, the language's name in English or a region
 * (`日本語 (Japanese)`, `English (US)`, `Português (Brasil)`) is a link to another edition of the
 * page. A name alone is not enough: "English" or "Deutsch" heads a section of a bilingual text, and
 * a CV says "English (fluent)"; those are left to the classifier.
 */
const ENDONYMS = new Set([
  'english', 'deutsch', 'français', 'español', 'italiano', 'português', 'nederlands', 'polski', 'русский', 'українська', 'беларуская',
  'български', 'српски', 'srpski', 'hrvatski', 'slovenščina', 'slovenčina', 'čeština', 'magyar', 'română', 'ελληνικά', 'türkçe', 'svenska',
  'dansk', 'norsk', 'suomi', 'eesti', 'latviešu', 'lietuvių', 'íslenska', 'català', 'galego', 'euskara', 'עברית', 'العربية', 'فارسی', 'اردو',
  'हिन्दी', 'বাংলা', 'தமிழ்', 'ไทย', 'tiếng việt', 'bahasa indonesia', 'bahasa melayu', 'tagalog', 'kiswahili', '日本語', '中文', '简体中文',
  '繁體中文', '繁体中文', '한국어',
])
/** What the brackets of a language-menu link hold: the language's English name, or a region or script. */
const GLOSSES = new Set([
  'english', 'german', 'french', 'spanish', 'italian', 'portuguese', 'dutch', 'polish', 'russian', 'ukrainian', 'belarusian', 'bulgarian',
  'serbian', 'croatian', 'slovenian', 'slovak', 'czech', 'hungarian', 'romanian', 'greek', 'turkish', 'swedish', 'danish', 'norwegian',
  'finnish', 'estonian', 'latvian', 'lithuanian', 'icelandic', 'catalan', 'galician', 'basque', 'hebrew', 'arabic', 'persian', 'farsi',
  'urdu', 'hindi', 'bengali', 'bangla', 'tamil', 'thai', 'vietnamese', 'indonesian', 'malay', 'tagalog', 'filipino', 'swahili', 'japanese',
  'chinese', 'simplified chinese', 'traditional chinese', 'korean', 'us', 'usa', 'uk', 'brasil', 'brazil', 'portugal', 'españa', 'spain',
  'méxico', 'mexico', 'latinoamérica', 'latin america', 'canada', 'canadá', 'schweiz', 'suisse', 'belgique', 'belgië', 'österreich',
  'deutschland', 'france', 'international', 'global', 'simplified', 'traditional', '简体', '繁體', '繁体', '台灣', '台湾', '香港',
])
/** A name and a bracketed gloss: `日本語 (japanese)`, `português (brasil)` (the closing bracket is gone from `bare`: `unframe` took it). */
const GLOSSED = /^(.+?) ?[(（]([\p{L} ]{2,25})[)）]?$/u

/** Whether `bare` (a short line, lower case) is a language's own name with its gloss (see `ENDONYMS`). */
function languageLink(bare: string): boolean {
  if (bare.length > 60 || bare.charCodeAt(bare.length - 1) === 32) return false
  const glossed = GLOSSED.exec(bare)
  return glossed !== null && ENDONYMS.has(glossed[1]!) && GLOSSES.has(glossed[2]!.trim())
}

/**
 * What every `COPYRIGHT` form holds ("©", "(c", "yrig" of copyright, "rights reserv", "réserv",
 * "behal" of vorbehalten, "derech"): a cheaper scan that rules most lines out. Of the 36,858 lines
 * of at most 40 words of 5 MB of news, 83 hold one ("serv" alone let 940 through: service,
 * observers).
 */
const MAYBE_COPYRIGHT = /©|\(c|yrig|rights? reserv|réserv|behal|derech/iu
/**
 * A copyright notice: `©`, a line that starts with "Copyright", "subject to copyright", "Copyright"
 * before a year or `(c)`, "All rights reserved". Not the word inside a sentence: "The court found the providers guilty of
 * authorising copyright infringement…" is an article about copyright.
 */
const COPYRIGHT = /©|^\W*copyright\b|subject to copyright|\bcopyright\s*(?:©|\(c\)|\d{4})|all rights? reserved|\(c\)\s*\d{4}|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados/iu

/**
 * A site notice: a sentence the site shows every reader, not one of the text's. Cookie banners
 * ("This website uses cookies to improve your experience…", "We use cookies and other tracking
 * technologies…"), JavaScript and browser warnings ("We've detected you are on Internet Explorer.
 * … please update to a modern browser"), ad-blocker pleas, paywall and newsletter messages
 * ("You've reached your limit of free articles", "There was an error processing your
 * subscription.", "You have been successfully subscribed!"), affiliate disclosures ("If you click
 * on one and make a purchase we may receive a small commission"), archive warnings ("This article
 * is more than 5 years old"), and footer link rows naming both the privacy policy and the terms
 * of use. Each form is one only a site speaks in;
 * on the corpus none of them matches a line of prose (209,480 lines of lm-train-en.txt, the 5,493
 * lines of the human articles of mt-docs-dev.jsonl, the 2,222 content lines of boilerplate-dev).
 * Not flagged: an article about cookies or ad blockers ("Regulators say sites that use cookies
 * must ask first."), or help text ("If you already have an account, sign in."): the forms are
 * those of the notice, in the site's own voice, or the whole line of a button or a heading.
 */
const NOTICE = new RegExp(
  [
    // Cookie banners and their buttons.
    String.raw`\b(?:we|this (?:site|website)|our (?:site|website)s?) uses? cookies\b`,
    String.raw`^\W*(?:accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent|notice))\b|\bour cookie (?:policy|settings|notice)\b`,
    String.raw`\bby (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website|service)`,
    String.raw`\b(?:diese (?:website|seite)|wir) verwende[nt] cookies\b|\b(?:ce site|nous) utilis(?:e|ons) des cookies\b|\b(?:este sitio(?: web)?|utilizamos|usamos) (?:utiliza |usa )?cookies\b`,
    // Browser and ad-blocker messages.
    String.raw`\bplease (?:enable|turn on) javascript\b|\bjavascript is (?:disabled|turned off) in your browser\b`,
    String.raw`^\W*your browser (?:does not|doesn't|doesn’t) support (?:the )?(?:video|audio|iframes?|html5)\b`,
    String.raw`\byou(?:'|’)?(?:re| are) (?:using|on) (?:an? )?(?:outdated|older|old|unsupported) (?:version of (?:your )?)?browser\b|\bwe(?:'|’)?(?:ve| have) detected (?:that )?you(?:'|’)?(?:re| are) (?:using|on) internet explorer\b`,
    String.raw`\bplease (?:update|upgrade) (?:to )?(?:a |your )?(?:modern|newer|more recent|supported|the latest) (?:version of (?:your )?)?(?:web )?browser\b`,
    String.raw`\b(?:disable|turn off|pause) your ad ?-?block(?:er)?\b|\byour ad ?-?blocker\b`,
    // Paywall, account and newsletter messages.
    String.raw`\berror (?:processing|occurred while processing) your\b|\b(?:thank you|thanks) for (?:subscribing|signing up|your subscription)\b`,
    String.raw`\byou(?:'|’)?(?:ve| have) (?:been )?(?:successfully|succesfully|now) (?:subscribed|signed up)\b`,
    // Affiliate disclosures.
    String.raw`\bif you (?:click|buy|make a purchase)\b[^.]{0,80}\bwe (?:may |might )?(?:receive|earn|get) (?:a )?(?:small )?(?:commission|compensation)\b|\bas an amazon associate,? (?:we|i) earn\b`,
    String.raw`\b(?:we|this (?:site|website|article|post|page)) (?:may )?(?:contains?|includes?|uses?) affiliate links\b`,
    String.raw`\byou(?:'|’)?ve reached (?:your|the) (?:limit|maximum)\b|\bfree articles? (?:left|remaining)\b|^\W*already a subscriber\b`,
    String.raw`^\W*sign up for (?:our|the) (?:[\p{L}-]+ ){0,2}newsletters?\b`,
    // Archive warnings and footer link rows.
    String.raw`\bthis (?:article|story) is more than \d+ (?:years?|months?) old\b`,
    String.raw`\bprivacy policy\b.*\bterms of (?:use|service)\b|\bterms of (?:use|service)\b.*\bprivacy policy\b`,
  ].join('|'),
  'iu',
)
/**
 * A link of a blog's archive widget: a month (English, German, French, Spanish, Portuguese), a year,
 * or both, and the count of posts in brackets: `Dezembro (39)`, `October 2019 (12)`, `2018 (154)`.
 * No line of text is only that (177 junk lines of boilerplate-dev, no content line).
 */
const ARCHIVE_LINK = new RegExp(
  String.raw`^\W*(?:(?:${[
    'january|february|march|april|may|june|july|august|september|october|november|december',
    'januar|februar|märz|mai|juni|juli|oktober|dezember',
    'janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre',
    'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre',
    'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro',
  ].join('|')})(?:\s+\d{4})?|\d{4})\s*\(\d+\)$`,
  'iu',
)

/**
 * Words every `NOTICE` form holds one of, whole (as `measureLine` in features.ts reads words, or as
 * a part of a word joined by ' ’ . -: "ad-blocker"): "cookies", "javascript", "browser" (or
 * "explorer"), "blocker", "error", "thank" or "thanks", "reached", "articles", "already",
 * "subscribed" or "signed", "commission", "compensation", "associate" or "affiliate",
 * "newsletter", "old", "privacy", and for the "by continuing to use this site" form "continuing"
 * or "using". `measureLine` notes a line that
 * has one (`MARK_NOTICE_WORD`), and only such a line is scanned: a line of prose without any
 * skips the patterns (scanning every line cost about 6 ms per MB of prose; now about 4). Only ASCII words: a
 * line with a letter outside ASCII (ſ, which the case-blind patterns read as s) is always scanned.
 */
export const NOTICE_WORDS: readonly string[] = [
  'cookie', 'cookies', 'javascript', 'browser', 'block', 'blocker', 'adblock', 'adblocker', 'error', 'thank', 'reached', 'article',
  'articles', 'already', 'newsletter', 'newsletters', 'old', 'privacy', 'continuing', 'using', 'explorer', 'thanks', 'subscribed', 'signed',
  'commission', 'compensation', 'associate', 'affiliate',
]

/**
 * A phrase every `NOTICE` form holds, for a cheaper scan of the lines `NOTICE_WORDS` let through:
 * the full pattern, a dozen alternatives tried at every position, cost about 30 µs a line there.
 * Each phrase is as long as its form allows, so that prose rarely holds one: of the 38,725 lines
 * of 5 MB of news, 868 held one of the single words ("already" 321, "commission" 240, "reached"
 * 89, "error" 62, "years old" 63) and 25 hold one of these phrases. Tests name a line of every form.
 */
const MAYBE_NOTICE =
  /cookie|javascript|browser|internet explorer|ad ?-?block|error (?:processing|occurred)|thank you for|thanks for|subscribed|signed up|(?:receive|earn|get) (?:a )?(?:small )?(?:commission|compensation)|amazon associate|affiliate links|ve reached|articles? (?:left|remaining)|already a subscriber|newsletter|\d (?:years?|months?) old|privacy policy|terms of (?:use|service)|by (?:continuing|using)/iu

let longest: number | undefined

/** Letters and digits of the longest known UI string: a line with more cannot be one. */
function longestKnown(): number {
  if (longest === undefined) {
    longest = 0
    for (const entry of knownUiStrings()) longest = Math.max(longest, entry.length)
  }
  return longest
}

/**
 * What the line is when it is a UI string, else undefined. `alphanumerics` (letters and digits of
 * the line, when the caller counted them) lets a long line skip the list look-ups: a sentence of
 * 80 letters cannot equal "Advertisement". `marks` (the line's `LineHints.marks`, when the caller
 * read its words) lets a line without a `NOTICE_WORDS` word skip the site-notice patterns.
 */
export function uiString(text: string, words: number, alphanumerics?: number, marks?: number): string | undefined {
  const mayBeKnown = alphanumerics === undefined || alphanumerics <= longestKnown()
  if (mayBeKnown || words <= 8) {
    const short = shortUiString(text, words, mayBeKnown)
    if (short !== null) return short
  }
  if (words <= 40 && MAYBE_COPYRIGHT.test(text) && COPYRIGHT.test(text)) return 'copyright notice'
  const noticeWord = marks === undefined || (marks & MARK_NOTICE_WORD) !== 0
  if (noticeWord && words <= 80 && MAYBE_NOTICE.test(text) && NOTICE.test(text)) return 'site notice'
  return undefined
}

/**
 * The tests of `uiString` for a short line: its name, undefined when it is blank, null when the
 * copyright test is still to make. Apart: see `measureShapes` in features.ts on rare paths.
 */
function shortUiString(text: string, words: number, mayBeKnown: boolean): string | undefined | null {
  const unframed = unframe(text)
  const bare = normalize(unframed)
  if (bare === '') return undefined
  if (mayBeKnown) {
    const strings = knownUiStrings()
    // Without a frame, the line's own normal form is `bare`, already looked up.
    if (strings.has(bare) || (unframed.length !== text.length && strings.has(normalize(text)))) return 'UI string'
  }
  if (words <= 8) {
    if (shareBar(bare, knownUiWords())) return 'share bar'
    if (words <= 3 && text.charCodeAt(text.length - 1) === 41 /* ) */ && ARCHIVE_LINK.test(text.trim())) return 'archive link'
    if (UI_PREFIX_INITIALS.has(bare.charCodeAt(0)) && UI_PREFIX.test(bare)) return 'UI string'
    if (words <= 6 && hasAsciiDigit(bare) && READING_TIME.test(bare)) return 'reading time'
    if (words <= 4 && languageLink(bare)) return 'language link'
  }
  return null
}
