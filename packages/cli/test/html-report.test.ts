/// <reference lib="dom" />
/**
 * `--format html` in a real browser: the report of fixtures/seeds/npr-garbled.txt opened in
 * headless Chromium (Debian's `chromium`, driven by playwright-core), its highlights checked
 * against the JSON findings, and a screenshot taken. The screenshot goes to a temporary directory;
 * with TQ_UPDATE_SCREENSHOT=1 it replaces docs/html-report.png, the picture the README shows, so a
 * test run never changes a tracked file unless asked to.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`). Skipped where it is missing, except in
 * CI (CI=true), where a missing browser fails the run.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseJson, seed, tempDir, tq } from './helpers.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SCREENSHOT = process.env.TQ_UPDATE_SCREENSHOT === '1'
  ? resolve(import.meta.dirname, '../../../docs/html-report.png')
  : join(mkdtempSync(join(tmpdir(), 'tq-screenshot-')), 'html-report.png')
const available = existsSync(CHROMIUM)
const required = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false'

describe.skipIf(!available && !required)('--format html in headless Chromium', () => {
  let browser: Browser
  const dir = tempDir({ 'npr-garbled.txt': readFileSync(seed('npr-garbled.txt')) })
  const run = tq(['check', '--format', 'html', '-o', 'report.html', 'npr-garbled.txt'], { cwd: dir })
  const report = parseJson(tq(['check', '--format', 'json', 'npr-garbled.txt'], { cwd: dir }).stdout)
  const file = report.files[0]!
  const text = readFileSync(seed('npr-garbled.txt'), 'utf8').split('\n')

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('highlights each finding on its line, in its category, with the message on hover; strikes boilerplate lines', async () => {
    expect(run.status).toBe(report.files.every((entry) => entry.pass) ? 0 : 1)
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    const requests: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url())
    })
    await page.goto(pathToFileURL(join(dir, 'report.html')).href)

    const marks = await page.locator('mark[data-rules]').evaluateAll((elements) =>
      elements.map((element) => ({
        line: Number(element.closest('.line')?.getAttribute('data-line')),
        text: element.textContent ?? '',
        className: element.className,
        rules: element.getAttribute('data-rules') ?? '',
        title: element.getAttribute('title') ?? '',
        background: getComputedStyle(element).backgroundColor,
      })),
    )
    // Every finding is highlighted on each of its lines, covering exactly its text.
    for (const finding of file.findings) {
      const first = marks.filter((mark) => mark.line === finding.line && mark.rules.split(' ').includes(finding.ruleId))
      expect(first.length, `${finding.ruleId} at ${finding.line}:${finding.column}`).toBeGreaterThan(0)
      if (finding.line === finding.endLine) {
        const expected = text[finding.line - 1]!.slice(finding.column - 1, finding.endColumn - 1)
        expect(first.map((mark) => mark.text).join('')).toBe(expected)
      }
      expect(first[0]!.title).toContain(finding.message)
    }
    // Highlights are coloured by category, and the colours differ between categories.
    const colours = new Map<string, string>()
    for (const mark of marks) {
      const category = /cat-(\w+)/.exec(mark.className)![1]!
      expect(mark.background).not.toBe('rgba(0, 0, 0, 0)')
      colours.set(category, mark.background)
    }
    expect(new Set(colours.values()).size).toBe(colours.size)
    expect(colours.has('translation')).toBe(true)

    // Lines the classifier calls boilerplate are struck through; content lines are not.
    const lineStyles = await page.locator('.line').evaluateAll((elements) =>
      elements.map((element) => ({
        line: Number(element.getAttribute('data-line')),
        decoration: getComputedStyle(element.querySelector('.src')!).textDecorationLine,
      })),
    )
    expect(lineStyles).toHaveLength(text.length - (text[text.length - 1] === '' ? 1 : 0))
    for (const entry of file.lines) {
      const style = lineStyles.find((line) => line.line === entry.line)!
      expect(style.decoration, `line ${entry.line}`).toBe(entry.kind === 'boilerplate' ? 'line-through' : 'none')
    }

    // The scores, the legend, and the message on hover.
    await expect(page.locator('.score-overall dd').textContent()).resolves.toBe(String(file.scores.overall))
    await expect(page.locator('.legend mark').allTextContents()).resolves.toEqual(['translation', 'language', 'boilerplate', 'readability'])
    const quote = page.locator('mark[data-rules~="translation/quote-misplaced"]').first()
    await quote.hover()
    const tooltip = await quote.evaluate((element) => getComputedStyle(element, '::after').content)
    expect(tooltip).toContain('Closing quote written as an opening one')

    // Self-contained: nothing was fetched from the network.
    expect(requests).toEqual([])

    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true })
    // The top of the page with the misplaced quote's message shown, as the README shows it.
    await page.evaluate(() => window.scrollTo(0, 0))
    await quote.hover()
    await page.screenshot({ path: SCREENSHOT, fullPage: false })
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG')
    await page.close()
  }, 60_000)
})
