/**
 * `-o FILE`: the report written to a file atomically. The pieces go to a temporary file beside
 * the target, which is renamed over it only when complete: a reader never sees half a report, and
 * a failed run leaves the old file as it was. The inputs are never written to.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { finished } from 'node:stream/promises'
import { TqError } from './errors.js'
import { writeAll } from './output.js'

export async function writeReportFile(path: string, pieces: Iterable<string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  const stream = createWriteStream(temporary, { flags: 'wx' })
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve())
      stream.once('error', reject)
    })
    await writeAll(stream, pieces)
    stream.end()
    await finished(stream)
    renameSync(temporary, path)
  } catch (error) {
    stream.destroy()
    rmSync(temporary, { force: true })
    const code = error instanceof Error && 'code' in error ? String(error.code) : ''
    throw new TqError(`cannot write ${path}: ${code || (error instanceof Error ? error.message : String(error))}`)
  }
}
