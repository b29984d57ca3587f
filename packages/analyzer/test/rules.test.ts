/**
 * Every rule's own examples, from its `meta`: each `invalid` text must trigger the rule, each
 * `valid` text must not. Adding a rule adds its cases here without touching this file.
 */
import { describe, expect, it } from 'vitest'
import { analyze, detectors } from '../src/index.js'

const rules = detectors.flatMap((detector) => detector.rules)

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it('has documentation and examples both ways', () => {
    expect(rule.description.length).toBeGreaterThan(10)
    expect(rule.invalid.length).toBeGreaterThan(0)
    expect(rule.valid.length).toBeGreaterThan(0)
  })

  it.each(rule.invalid)('flags %j', (text) => {
    const ids = analyze(text, { lang: rule.category === 'language' ? undefined : 'en' }).findings.map((f) => f.ruleId)
    expect(ids).toContain(id)
  })

  it.each(rule.valid)('accepts %j', (text) => {
    const ids = analyze(text, { lang: rule.category === 'language' ? undefined : 'en' }).findings.map((f) => f.ruleId)
    expect(ids).not.toContain(id)
  })
})
