/** Which files `tq check` reads: files, directories, --ext, globs, ignore, BOM, empty files. */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseJson, seed, tempDir, tq } from './helpers.js'

const TEXT = readFileSync(seed('aljazeera-rewrite.txt'), 'utf8')

/** A tree with text files at several depths and files tq must not pick up by default. */
function tree(extra: Record<string, string> = {}): string {
  return tempDir({
    'a.txt': TEXT,
    'sub/b.md': TEXT,
    'sub/c.rst': TEXT,
    'sub/deeper/d.TXT': TEXT,
    'sub/photo.png': 'not really an image',
    'node_modules/pkg/readme.md': TEXT,
    '.hidden/e.txt': TEXT,
    ...extra,
  })
}

function checkedPaths(args: string[], cwd: string): string[] {
  const result = tq(['check', '--format', 'json', '--min-score', '0', ...args], { cwd })
  expect(result.stderr).toBe('')
  return parseJson(result.stdout).files.map((file) => file.path)
}

describe('inputs', () => {
  it('expands directories recursively to .txt and .md files, skipping node_modules and hidden entries', () => {
    expect(checkedPaths(['.'], tree())).toEqual(['a.txt', 'sub/b.md', 'sub/deeper/d.TXT'])
  })

  it('takes other extensions with --ext', () => {
    const dir = tree()
    expect(checkedPaths(['--ext', 'rst', '.'], dir)).toEqual(['sub/c.rst'])
    expect(checkedPaths(['--ext', '.rst,txt', 'sub'], dir)).toEqual(['sub/c.rst', 'sub/deeper/d.TXT'])
  })

  it('checks a file named on the command line whatever its extension', () => {
    expect(checkedPaths(['sub/c.rst'], tree())).toEqual(['sub/c.rst'])
  })

  it('expands globs', () => {
    const dir = tree()
    expect(checkedPaths(['sub/*.{md,rst}'], dir)).toEqual(['sub/b.md', 'sub/c.rst'])
    expect(checkedPaths(['**/*.md'], dir)).toEqual(['sub/b.md'])
  })

  it('checks each file once, in the order named', () => {
    expect(checkedPaths(['sub/b.md', 'a.txt', 'a.txt', '.'], tree())).toEqual(['sub/b.md', 'a.txt', 'sub/deeper/d.TXT'])
  })

  it('shows paths outside the working directory in full', () => {
    const dir = tree()
    const other = tempDir({ 'x.txt': TEXT })
    expect(checkedPaths([join(other, 'x.txt')], dir)).toEqual([join(other, 'x.txt')])
  })

  it('skips config ignore patterns in directories and globs, but not named files', () => {
    const dir = tree({ 'tq.config.json': JSON.stringify({ ignore: ['sub/deeper', '**/*.md'] }) })
    expect(checkedPaths(['.'], dir)).toEqual(['a.txt'])
    // A glob matches what it says, whatever the extension; ignore still applies.
    expect(checkedPaths(['sub/*'], dir)).toEqual(['sub/c.rst', 'sub/photo.png'])
    expect(checkedPaths(['sub/b.md'], dir)).toEqual(['sub/b.md'])
  })

  it('takes extensions from the config, and --ext over it', () => {
    const dir = tree({ 'tq.config.json': JSON.stringify({ extensions: ['rst'] }) })
    expect(checkedPaths(['.'], dir)).toEqual(['sub/c.rst'])
    expect(checkedPaths(['--ext', 'md', '.'], dir)).toEqual(['sub/b.md'])
  })

  it('stops at an empty file found in a directory, as at any bad input, before printing anything', () => {
    const dir = tempDir({ 'a.txt': TEXT, 'b.txt': '' })
    for (const format of ['stylish', 'json']) {
      const run = tq(['check', '--format', format, '.'], { cwd: dir })
      expect(run.status).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe('tq: b.txt is empty: there is no text to check\n')
    }
  })

  it('strips a UTF-8 byte-order mark', () => {
    const dir = tempDir({ 'plain.txt': TEXT, 'bom.txt': `\uFEFF${TEXT}` })
    const report = parseJson(tq(['check', '--format', 'json', 'plain.txt', 'bom.txt'], { cwd: dir }).stdout)
    const [plain, bom] = report.files
    expect({ ...bom, path: '' }).toEqual({ ...plain, path: '' })
  })

  it('never writes to the files it checks or next to them', () => {
    const dir = tree({ 'tq.config.json': '{"minScore": 50}' })
    const before = snapshot(dir)
    for (const format of ['stylish', 'json']) tq(['check', '--format', format, '.', 'sub/c.rst'], { cwd: dir })
    expect(snapshot(dir)).toEqual(before)
  })
})

/** Every file below `dir` with its size, modification time and content. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) walk(full)
      else files[relative(dir, full)] = `${statSync(full).mtimeMs}:${readFileSync(full, 'base64')}`
    }
  }
  walk(dir)
  return files
}
