/** `--explain`, the `why:` line of stylish, and per-sub-score bars (`--min`, config `minScores`). */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectInputError, parseJson, seed, tempDir, tq } from './helpers.js'

interface Deduction {
  ruleId: string
  reason: string
  points: number
  lines: number[]
}
type Explanation = Record<'translation' | 'boilerplate' | 'readability', Deduction[]>

function explained(args: string[]): { scores: Record<string, number>; pass: boolean; explain: Explanation } {
  const result = tq(['check', '--format', 'json', '--explain', ...args])
  expect(result.stderr).toBe('')
  return parseJson(result.stdout).files[0] as unknown as { scores: Record<string, number>; pass: boolean; explain: Explanation }
}

describe('--explain', () => {
  it('adds an explain field to the JSON only when asked, leaving the rest as it was', () => {
    const plain = parseJson(tq(['check', '--format', 'json', 'npr-garbled.txt']).stdout)
    expect(Object.keys(plain.files[0]!)).toEqual(['path', 'language', 'scores', 'pass', 'findings', 'lines', 'notes'])
    const withExplain = parseJson(tq(['check', '--format', 'json', '--explain', 'npr-garbled.txt']).stdout)
    const { explain, ...rest } = withExplain.files[0] as unknown as { explain: Explanation }
    expect(rest).toEqual(plain.files[0])
    expect(Object.keys(explain)).toEqual(['translation', 'boilerplate', 'readability'])
  })

  it('names, per sub-score and biggest first, what pulled it down, with points that add up and the lines involved', () => {
    const file = explained(['npr-garbled.txt'])
    for (const name of ['translation', 'boilerplate', 'readability'] as const) {
      const deductions = file.explain[name]
      const lost = 100 - file.scores[name]!
      if (lost === 0) continue
      expect(deductions.length, name).toBeGreaterThan(0)
      const points = deductions.map((deduction) => deduction.points)
      expect(points).toEqual([...points].sort((a, b) => b - a))
      expect(Math.abs(points.reduce((sum, value) => sum + value, 0) - lost), name).toBeLessThan(1)
      for (const deduction of deductions) expect(deduction.lines.length).toBeGreaterThan(0)
    }
    // The labelled UI strings of npr-garbled.txt (lines 1, 2) are among the boilerplate lines named.
    const junkLines = file.explain.boilerplate.flatMap((deduction) => deduction.lines)
    expect(junkLines).toEqual(expect.arrayContaining([1, 2]))
  })

  it('lists every cause under each lowered sub-score in stylish output', () => {
    const result = tq(['check', '--explain', 'npr-garbled.txt'])
    const file = explained(['npr-garbled.txt'])
    const lines = result.stdout.split('\n')
    const scoreLine = lines.findIndex((line) => /^ {2}FAIL {2}overall/.test(line))
    expect(lines[scoreLine + 1]).toMatch(/^ {2}boilerplate \d+ \(−\d+\)$/)
    for (const deduction of file.explain.boilerplate) expect(result.stdout).toContain(`−${deduction.points.toFixed(1)}  ${deduction.reason}`)
    expect(result.stdout).not.toContain('why:')
  })
})

describe('the why: line of stylish output', () => {
  it('gives a failing file the biggest cause of each lowered sub-score, worst sub-score first', () => {
    const result = tq(['check', 'npr-garbled.txt'])
    const file = explained(['npr-garbled.txt'])
    const why = result.stdout.split('\n').find((line) => line.startsWith('  why: '))
    expect(why, result.stdout).toBeDefined()
    const order = (['translation', 'boilerplate', 'readability'] as const).filter((name) => file.scores[name]! < 100).sort((a, b) => file.scores[a]! - file.scores[b]!)
    expect(why!.slice(7).split(' · ').map((part) => part.split(' ')[0])).toEqual(order)
    expect(why).toContain(`${order[0]} −${100 - file.scores[order[0]!]!} ${file.explain[order[0]!][0]!.reason}`)
  })

  it('is not shown for a file that passes', () => {
    const result = tq(['check', 'aljazeera-rewrite.txt'])
    expect(result.status).toBe(0)
    expect(result.stdout).not.toContain('why:')
  })
})

describe('per-sub-score bars', () => {
  it('fails a file below a --min bar even when overall reaches --min-score, and shows the bars', () => {
    const { scores } = explained(['aljazeera-rewrite.txt'])
    const at = tq(['check', '--min', `translation=${scores.translation},readability=${scores.readability}`, 'aljazeera-rewrite.txt'])
    expect(at.status).toBe(0)
    expect(at.stdout).toContain(`(bar 70, translation ${scores.translation}, readability ${scores.readability})`)
    const above = tq(['check', '--format', 'json', '--min', `readability=${scores.readability! + 1}`, 'aljazeera-rewrite.txt'])
    expect(above.status).toBe(1)
    expect(parseJson(above.stdout).files[0]!.pass).toBe(false)
  })

  it('reads minScores from the config file, each overridden by the same name in --min', () => {
    const { scores } = explained(['aljazeera-rewrite.txt'])
    const text = readFileSync(seed('aljazeera-rewrite.txt'), 'utf8')
    const dir = tempDir({ 'tq.config.json': JSON.stringify({ minScores: { translation: scores.translation! + 1 } }), 'a.txt': text })
    expect(tq(['check', 'a.txt'], { cwd: dir }).status).toBe(1)
    expect(tq(['check', '--min', `translation=${scores.translation}`, 'a.txt'], { cwd: dir }).status).toBe(0)
  })

  it.each([
    ['an unknown score', ['--min', 'fluency=80'], /--min takes bars such as 'translation=80,boilerplate=90'/],
    ['overall, which is --min-score', ['--min', 'overall=80'], /--min takes bars/],
    ['a bar out of range', ['--min', 'translation=101'], /--min takes bars/],
    ['a score named twice', ['--min', 'translation=80,translation=90'], /--min names translation twice/],
  ])('rejects %s', (_, args, pattern) => {
    expectInputError(tq(['check', ...args, 'aljazeera-rewrite.txt']), pattern)
  })

  it('rejects a bad minScores in the config file', () => {
    const dir = tempDir({ 'tq.config.json': JSON.stringify({ minScores: { fluency: 80 } }), 'a.txt': 'Some text.\n' })
    expectInputError(tq(['check', 'a.txt'], { cwd: dir }), /unknown score "fluency" in "minScores"/)
    const range = tempDir({ 'tq.config.json': JSON.stringify({ minScores: { translation: 120 } }), 'a.txt': 'Some text.\n' })
    expectInputError(tq(['check', 'a.txt'], { cwd: range }), /"minScores.translation" must be a number from 0 to 100/)
  })
})
