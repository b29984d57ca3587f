#!/usr/bin/env node
// The `tq` command. It runs bundle/tq.js, dist/ bundled by esbuild (build-bundle.mjs): a few
// files to load instead of hundreds of modules, which is most of a short run's time. If a module
// the bundle was made of has changed since (a package rebuilt with tsc alone), or there is no
// bundle, it runs dist/main.js, the same code unbundled: slower to start, never stale.
import { readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bundle = fileURLToPath(new URL('../bundle/', import.meta.url))
let entry = '../dist/main.js'
try {
  // Each module's path (relative to bundle/) → [modification time, SHA-1] when the bundle was
  // made. About 100 stats; a file whose time moved (restored from turbo's cache, touched) is
  // compared by content.
  const { files } = JSON.parse(readFileSync(`${bundle}sources.json`, 'utf8'))
  const moved = Object.keys(files).filter((file) => statSync(bundle + file).mtimeMs !== files[file][0])
  if (moved.length > 0) {
    const { createHash } = await import('node:crypto')
    const sha1 = (file) => createHash('sha1').update(readFileSync(bundle + file)).digest('hex')
    if (moved.every((file) => sha1(file) === files[file][1])) entry = '../bundle/tq.js'
  } else entry = '../bundle/tq.js'
} catch {
  // No bundle, or a module gone: run dist.
}
const { run } = await import(entry)
await run()
