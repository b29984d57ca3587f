/**
 * The names of the output formats, apart from the formats themselves: the command line validates
 * `--format` with these, and only the chosen format's module is loaded (format/index.ts).
 */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'html'] as const

export type FormatName = (typeof FORMAT_NAMES)[number]
export const DEFAULT_FORMAT: FormatName = 'stylish'

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name)
}
