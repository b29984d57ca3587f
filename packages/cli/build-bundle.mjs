#!/usr/bin/env node
/**
 * Bundle the built CLI (dist/, after tsc) into bundle/ with esbuild, for start-up time: Node
 * resolves, reads and compiles each ES module on its own, and tq is several hundred of them
 * (unified, retext, franc, …); loading dist/main.js alone takes half a second before any text
 * is read. Bundled, it is a handful of files.
 *
 *   bundle/tq.js       the command (bin/tq.js imports it): the command line parser only
 *   bundle/worker.js   a worker thread of `tq check --jobs N` (see src/pool.ts)
 *   bundle/chunk-*.js  loaded on demand: each command, each output format, the analyzer, and the
 *                      Markdown and HTML front ends (only for such input)
 *   bundle/sources.json  the dist files the bundle was made of, with their times and hashes:
 *                      bin/tq.js runs dist/main.js instead when one of them has changed since (a
 *                      package rebuilt with tsc alone), so it never runs stale code
 *
 * Paths: a module that reads a file next to it finds it through `import.meta.url` (the analyzer
 * reads `../../../data/boilerplate-model.json` from dist/rules/boilerplate/model.js). In a bundle,
 * `import.meta.url` is the bundle's, so every module outside this package gets its own original
 * URL back, written relative to the bundle: `new URL("../../analyzer/dist/rules/boilerplate/model.js",
 * import.meta.url).href`. The data stays where it is, and moving the whole checkout still works.
 * This package's own modules keep the bundle's URL: bundle/ sits beside dist/, so their relative
 * paths (`../package.json`, `./worker.js`) mean the same from either.
 *
 * Run by `pnpm build` (package.json: `tsc && node build-bundle.mjs`). Fails when a plain-text
 * check would load the Markdown or HTML parsers, or `tq --version` the analyzer.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const dist = join(here, 'dist')
const outdir = join(here, 'bundle')

/** Packages a run over plain text must not load (the Markdown, MDX and HTML parsers). */
const MARKUP_ONLY = /[\\/]node_modules[\\/](micromark[^\\/]*|mdast-[^\\/]*|hast-[^\\/]*|parse5|acorn[^\\/]*|estree-[^\\/]*)[\\/]/
/** The front ends that load them, each its own chunk. */
const FRONT_ENDS = /analyzer[\\/]dist[\\/]markup[\\/](markdown|html)\.js$/

/** Give each module outside this package the `import.meta` it had before bundling. */
const originalLocations = {
  name: 'original-locations',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      if (isInside(dist, args.path)) return undefined
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import.meta')) return undefined
      const url = `new URL(${JSON.stringify(relative(outdir, args.path).split(sep).join('/'))}, import.meta.url)`
      let helpers = false
      const contents = text.replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (_, property) => {
        if (property === 'url') return `${url}.href`
        helpers = true
        return property === 'filename' ? `__tqFileURLToPath(${url})` : `__tqDirname(__tqFileURLToPath(${url}))`
      })
      const prelude = helpers ? `import { fileURLToPath as __tqFileURLToPath } from 'node:url'\nimport { dirname as __tqDirname } from 'node:path'\n` : ''
      return { contents: prelude + contents, loader: 'js', resolveDir: dirname(args.path) }
    })
  },
}

rmSync(outdir, { recursive: true, force: true })
mkdirSync(outdir)
const result = await esbuild.build({
  entryPoints: { tq: join(dist, 'main.js'), worker: join(dist, 'worker.js'), 'large-worker': join(dist, 'large-worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  metafile: true,
  logLevel: 'warning',
  plugins: [originalLocations],
})

checkLoading(result.metafile)
writeSources(result.metafile)

/** Fail the build when the laziness start-up time depends on is lost. */
function checkLoading(metafile) {
  const entry = relative(process.cwd(), join(outdir, 'tq.js')).split(sep).join('/')
  const outputs = metafile.outputs
  const inputsOf = (output) => Object.keys(outputs[output].inputs).map((input) => resolve(input))
  const closure = (follow) => {
    const seen = new Set([entry])
    const stack = [entry]
    while (stack.length > 0) {
      for (const imported of outputs[stack.pop()].imports) {
        if (imported.external || seen.has(imported.path) || !follow(imported)) continue
        seen.add(imported.path)
        stack.push(imported.path)
      }
    }
    return [...seen].flatMap(inputsOf)
  }
  const problems = []
  // `tq --version`, `tq --help`: the parser and the names it validates against, nothing else.
  for (const input of closure((imported) => imported.kind === 'import-statement')) {
    const ok = isInside(dist, input) || /scoring[\\/]dist[\\/]index\.js$/.test(input) || /analyzer[\\/]dist[\\/]markup[\\/]types\.js$/.test(input)
    if (!ok) problems.push(`tq --version would load ${relative(here, input)}`)
  }
  // `tq check file.txt`: anything but the Markdown and HTML front ends.
  const frontEnd = (imported) => imported.kind === 'dynamic-import' && FRONT_ENDS.test(outputs[imported.path].entryPoint ?? '')
  for (const input of closure((imported) => !frontEnd(imported))) {
    if (MARKUP_ONLY.test(input)) problems.push(`tq check file.txt would load ${relative(here, input)}`)
  }
  if (problems.length > 0) {
    const shown = [...new Set(problems)].slice(0, 5).join('\n  ')
    throw new Error(`the bundle loads too much at start-up:\n  ${shown}\n(the CLI imports '@tq/analyzer/lazy', never '@tq/analyzer', and the command modules only with import())`)
  }
}

/** bundle/sources.json: every workspace module in the bundle, its modification time and SHA-1. */
function writeSources(metafile) {
  const files = {}
  for (const input of Object.keys(metafile.inputs)) {
    const path = resolve(input)
    if (path.includes(`${sep}node_modules${sep}`)) continue
    const sha1 = createHash('sha1').update(readFileSync(path)).digest('hex')
    files[relative(outdir, path).split(sep).join('/')] = [statSync(path).mtimeMs, sha1]
  }
  writeFileSync(join(outdir, 'sources.json'), JSON.stringify({ files }, null, 1) + '\n')
}

function isInside(dir, path) {
  const rel = relative(dir, path)
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep)
}
