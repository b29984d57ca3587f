/**
 * The progress line: `tq: 12/340 docs/guide.md`, rewritten in place on stderr while a long run
 * checks file after file. Only on a terminal, and only once the run has taken a moment, so short
 * runs and redirected stderr stay clean; the line is erased before the report is written.
 */
import type { Writable } from 'node:stream'

/** How long a run goes before the line appears. */
const DELAY_MS = 300

export class Progress {
  private readonly started = Date.now()
  private shown = false

  constructor(
    private readonly stream: Writable & { isTTY?: boolean; columns?: number },
    private readonly total: number,
    private readonly delayMs = DELAY_MS,
  ) {}

  /** About to check input `index` (0-based) named `name`. */
  update(index: number, name: string): void {
    if (!this.stream.isTTY || Date.now() - this.started < this.delayMs) return
    const width = Math.max(20, (this.stream.columns ?? 80) - 1)
    const line = `tq: ${index + 1}/${this.total} ${name}`
    this.stream.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`)
    this.shown = true
  }

  /** Erase the line, if it was shown. */
  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K')
    this.shown = false
  }
}
