/**
 * Terminal colour: whether to use it, and the few styles the stylish format needs (plain ANSI).
 *
 * Colour is on when the stream is a TTY (and TERM is not `dumb`). `FORCE_COLOR` turns it on
 * (`FORCE_COLOR=0` or `false` turns it off); `NO_COLOR` (any non-empty value) turns it off and
 * wins over everything else.
 */

export interface ColorStream {
  isTTY?: boolean
}

export function useColor(stream: ColorStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  return stream.isTTY === true && env.TERM !== 'dumb'
}

export type StyleName = 'bold' | 'dim' | 'underline' | 'red' | 'green' | 'yellow' | 'cyan'

const CODES: Record<StyleName, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
}

export type Paint = (style: StyleName, text: string) => string

/** A painter that wraps text in ANSI codes, or leaves it alone when colour is off. */
export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text
  return (style, text) => {
    const [open, close] = CODES[style]
    return `\u001b[${open}m${text}\u001b[${close}m`
  }
}
