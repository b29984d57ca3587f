#!/usr/bin/env node
// Rewrite the rule catalogue in packages/analyzer/README.md from each rule's meta.
// Run after `pnpm build`: node scripts/rule-docs.mjs
import fs from 'node:fs'
import { RULES_END, RULES_START, detectors, renderRuleDocs } from '../packages/analyzer/dist/index.js'

const path = new URL('../packages/analyzer/README.md', import.meta.url)
const readme = fs.readFileSync(path, 'utf8')
const start = readme.indexOf(RULES_START)
const end = readme.indexOf(RULES_END)
if (start === -1 || end === -1) throw new Error('README has no rules markers')
fs.writeFileSync(path, readme.slice(0, start) + renderRuleDocs(detectors) + readme.slice(end + RULES_END.length))
console.log('rules section rewritten')
