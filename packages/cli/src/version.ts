/** Name and version of the tool, read once from this package's package.json. */
import { readFileSync } from 'node:fs'

export const TOOL_NAME = 'tq'

let cached: string | undefined

/** The version in packages/cli/package.json (dist/version.js → ../package.json). */
export function toolVersion(): string {
  if (cached === undefined) {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown }
    cached = typeof manifest.version === 'string' ? manifest.version : '0.0.0'
  }
  return cached
}
