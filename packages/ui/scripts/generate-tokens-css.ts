/// <reference types="node" />
// Writes src/tokens.css from src/tokens.ts, formatted with the repo's Prettier config.
// Run: npm run tokens --workspace @cityops/ui
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { renderTokensCss } from '../src/tokens-css'

const target = fileURLToPath(new URL('../src/tokens.css', import.meta.url))
const options = (await resolveConfig(target)) ?? {}
writeFileSync(target, await format(renderTokensCss(), { ...options, filepath: target }))
console.log(`wrote ${target}`)
