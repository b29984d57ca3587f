/**
 * boilerplate/ticker
 *
 * Stock tickers and market widgets that news sites print above the article:
 *
 * ```text
 * NYSE - LSE                 ← flagged: exchange names and nothing else
 * BP 0.44% 29.76 $           ← flagged: symbol, change, price
 * ```
 *
 * Not flagged: figures inside a sentence ("Shares of BP rose 0.44% to $29.76 on Monday."): a ticker
 * line is mostly numbers, has a percent or currency sign and no sentence around it.
 */
import type { RuleMeta } from '../../rule.js'
import { isSpace, MARK_EXCHANGE_SEPARATOR, MARK_SIGN, unitSet, type LineHints } from './chars.js'

export const meta: RuleMeta = {
  id: 'boilerplate/ticker',
  category: 'boilerplate',
  severity: 'warning',
  description: 'A stock ticker or market widget ("BP 0.44% 29.76 $", "NYSE - LSE") copied from the page around the text.',
  invalid: [
    'NYSE - LSE\nBP 0.44% 29.76 $\nGSK 1.33% 37.64 $\nRIO -0.18% 62.64 $\nUS President Donald Trump will hold a phone call with Russia’s Vladimir Putin on Monday as part of his effort to end the war.',
  ],
  valid: [
    'Shares of BP rose 0.44% to 29.76 dollars on Monday after the company reported higher profits.',
    'The index closed 1.2% higher.\nAnalysts had expected a fall of about 0.5% after the weak data.',
  ],
}

const EXCHANGE = '(?:NYSE|NASDAQ|Nasdaq|LSE|AMEX|TSX|ASX|DAX|FTSE(?: 100)?|CAC(?: 40)?|Nikkei(?: 225)?|Hang Seng|Dow(?: Jones)?|S&P(?: 500)?|Euro Stoxx(?: 50)?|IBEX(?: 35)?|SMI|BSE|NSE|Sensex|MOEX|Bovespa)'
const EXCHANGES = new RegExp(`^${EXCHANGE}(?:\\s*[-–|/·,]\\s*${EXCHANGE})+$`, 'u')
const NUMBER = /^[-+−]?[\d.,]+%?$/u
const SIGN = /^[$€£¥%]$|%$|^[$€£¥]/u
const SYMBOL = /^[A-Z][A-Z0-9.&^-]{0,7}$/u

/** First letters of the exchange names (`EXCHANGE`): a list of them starts with one. */
const EXCHANGE_INITIALS = unitSet('NLATDFCHSEIBM')

/** Whether `text` holds a separator of `EXCHANGES`: - – | / · , */
function holdsSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 45 || code === 0x2013 || code === 124 || code === 47 || code === 0xb7 || code === 44) return true
  }
  return false
}

/**
 * What the line is when it looks like a ticker, else undefined. `hints` (what the caller saw on its
 * pass over the trimmed line) spare the scans for separators, signs and gaps.
 */
export function ticker(text: string, hints?: LineHints): string | undefined {
  const trimmed = text.trim()
  // Cheap tests before each pattern: a list of exchanges starts with one's initial and holds a
  // separator; a ticker has at most ten tokens and a percent or currency sign (`SIGN`).
  const separator = hints ? (hints.marks & MARK_EXCHANGE_SEPARATOR) !== 0 : holdsSeparator(trimmed)
  if (separator && EXCHANGE_INITIALS.has(trimmed.charCodeAt(0)) && EXCHANGES.test(trimmed)) return 'list of stock exchanges'
  if (hints) {
    if (hints.spaceRuns < 1 || hints.spaceRuns > 9 || (hints.marks & MARK_SIGN) === 0) return undefined
  } else {
    // At most ten tokens: count the gaps before splitting (a sentence has dozens), and look for a
    // sign of `SIGN` ($ € £ ¥ %) on the way.
    let gaps = 0
    let sign = false
    for (let i = 0; i < trimmed.length; i++) {
      const code = trimmed.charCodeAt(i)
      if (isSpace(code)) {
        if (i > 0 && !isSpace(trimmed.charCodeAt(i - 1)) && ++gaps > 9) return undefined
      } else if (code === 36 || code === 37 || code === 0x20ac || code === 0xa3 || code === 0xa5) sign = true
    }
    if (gaps < 1 || !sign) return undefined
  }
  const tokens = trimmed.split(/\s+/u)
  if (tokens.length < 2 || tokens.length > 10) return undefined
  let numbers = 0
  let signs = 0
  let symbols = 0
  for (const token of tokens) {
    if (NUMBER.test(token.replace(/^[$€£¥]|[$€£¥]$/gu, ''))) numbers++
    else if (SYMBOL.test(token)) symbols++
    if (SIGN.test(token)) signs++
  }
  if (numbers >= 2 && signs >= 1 && symbols >= 1 && numbers + symbols + signs >= tokens.length) return 'stock ticker'
  return undefined
}
