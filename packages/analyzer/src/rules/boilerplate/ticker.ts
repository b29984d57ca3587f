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

/** The white space of `\s`, by code unit. */
function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}

/** What the line is when it looks like a ticker, else undefined. */
export function ticker(text: string): string | undefined {
  const trimmed = text.trim()
  if (EXCHANGES.test(trimmed)) return 'list of stock exchanges'
  // At most ten tokens: count the gaps before splitting (a sentence has dozens).
  let gaps = 0
  for (let i = 1; i < trimmed.length && gaps <= 9; i++) {
    if (isSpace(trimmed.charCodeAt(i)) && !isSpace(trimmed.charCodeAt(i - 1))) gaps++
  }
  if (gaps < 1 || gaps > 9) return undefined
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
