// The READMEs of the packages a checkout installed (node_modules/.pnpm, fixed by the lockfile):
// real English documentation for scripts/eval-technical.mjs and scripts/snapshot.mjs to read.
// Read for measuring only, never shipped or trained on.
import fs from 'node:fs'
import path from 'node:path'

const root = new URL('..', import.meta.url).pathname

/** [package name, README path] of each package under node_modules/.pnpm, one per name, in name order. */
export function readmes() {
  const store = path.join(root, 'node_modules/.pnpm')
  const byName = new Map()
  for (const entry of fs.readdirSync(store).sort()) {
    const modules = path.join(store, entry, 'node_modules')
    if (!fs.existsSync(modules)) continue
    for (const scope of fs.readdirSync(modules)) {
      const names = scope.startsWith('@') ? fs.readdirSync(path.join(modules, scope)).map((name) => `${scope}/${name}`) : [scope]
      for (const name of names) {
        if (byName.has(name)) continue
        let files
        try {
          files = fs.readdirSync(path.join(modules, name))
        } catch {
          continue
        }
        const readme = files.find((file) => /^readme\.(md|markdown)$/i.test(file))
        if (readme) byName.set(name, path.join(modules, name, readme))
      }
    }
  }
  return [...byName].sort(([a], [b]) => (a < b ? -1 : 1))
}
