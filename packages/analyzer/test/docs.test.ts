import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectors, docsUrl, renderRuleDocs, ruleById } from '../src/index.js'

const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('rule documentation', () => {
  it('README holds the catalogue rendered from the rules (run `node scripts/rule-docs.mjs` after changing a rule)', () => {
    expect(readme).toContain(renderRuleDocs(detectors))
  })

  it('every rule id has its file at src/rules/<id>.ts and a heading its url points to', () => {
    for (const id of ruleById.keys()) {
      expect(fs.existsSync(new URL(`../src/rules/${id}.ts`, import.meta.url)), id).toBe(true)
      expect(readme).toContain(`### \`${id}\``)
      expect(docsUrl(id)).toMatch(new RegExp(`#${id.replace('/', '')}$`))
    }
  })

  it('rule ids read category/what-it-sees and are unique', () => {
    const ids = detectors.flatMap((detector) => detector.rules.map((rule) => rule.id))
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^(translation|boilerplate|readability|language)\/[a-z]+(-[a-z]+)*$/)
  })
})
