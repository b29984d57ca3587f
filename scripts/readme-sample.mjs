#!/usr/bin/env node
// Rewrite the sample output in the root README from a real run of
// `tq check fixtures/seeds/npr-garbled.txt` (run `pnpm build` first).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const root = new URL('..', import.meta.url)
const run = spawnSync(process.execPath, ['packages/cli/bin/tq.js', 'check', 'fixtures/seeds/npr-garbled.txt'], {
  cwd: root,
  env: { ...process.env, NO_COLOR: '1' },
})
const start = '<!-- npr-output:start -->'
const end = '<!-- npr-output:end -->'
const block = [
  start,
  'What the first command prints (exit code ' + run.status + '):',
  '',
  '```text',
  '$ npx tq check fixtures/seeds/npr-garbled.txt',
  run.stdout.toString().trimEnd(),
  '```',
  end,
].join('\n')
const path = new URL('README.md', root)
const readme = fs.readFileSync(path, 'utf8')
fs.writeFileSync(path, readme.slice(0, readme.indexOf(start)) + block + readme.slice(readme.indexOf(end) + end.length))
console.log(`README sample rewritten (exit code ${run.status})`)
