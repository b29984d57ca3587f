/**
 * Writing to stdout with backpressure. A reader that goes away (`tq check … | head`) is not an
 * error: the rest of the output is dropped quietly and the exit code stays what the check decided.
 */
import type { Writable } from 'node:stream'

/** Write `text`; when the stream's buffer is full, wait until it drains (or closes). */
export async function write(stream: Writable, text: string): Promise<void> {
  if (stream.destroyed || stream.write(text)) return
  await drained(stream)
}

/** Write every piece in order, respecting backpressure. */
export async function writeAll(stream: Writable, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) await write(stream, piece)
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('close', done)
      stream.off('error', failed)
      resolve()
    }
    const failed = (error: Error): void => {
      done()
      if (!isBrokenPipe(error)) reject(error)
    }
    stream.on('drain', done)
    stream.on('close', done)
    stream.on('error', failed)
  })
}

/** The reader closed its end of the pipe. */
export function isBrokenPipe(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED'
}
