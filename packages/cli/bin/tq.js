#!/usr/bin/env node
// The `tq` command: everything lives in dist/main.js (built from src/main.ts).
import { run } from '../dist/main.js'

await run()
