/**
 * A 100 MB input must complete without running out of memory. Slow (minutes), so opt-in:
 * TQ_TEST_HUGE=1 npx vitest run test/huge.test.ts
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, SEED_FILES, seed, tempDir } from './helpers.js'

describe.skipIf(!process.env.TQ_TEST_HUGE)('a 100 MB file', () => {
  it('is checked to the end', { timeout: 60 * 60 * 1000 }, () => {
    const sample = SEED_FILES.map((name) => readFileSync(seed(name), 'utf8')).join('\n') + '\n'
    const copies = Math.ceil(100_000_000 / Buffer.byteLength(sample))
    const dir = tempDir()
    writeFileSync(join(dir, 'huge.txt'), sample.repeat(copies))

    const result = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', 'huge.txt'], { cwd: dir, encoding: 'utf8', maxBuffer: 2 ** 30 })
    expect(result.stderr).toBe('')
    expect([0, 1]).toContain(result.status)
    const report = JSON.parse(result.stdout) as { files: Array<{ lines: unknown[] }> }
    const perCopy = sample.split('\n').filter((line) => line.trim() !== '').length
    expect(report.files[0]!.lines).toHaveLength(perCopy * copies)
  })
})
