import { readFileSync } from 'node:fs'
import path from 'node:path'
import { prepareDatabase } from '../db/prepare-database'
import { importPopulation, parsePopulationCsv } from '../services/analytics/import-population'
import { runWithConfiguredDatabase } from './open-configured-database'

// `npm run import:population -- population.csv`: resident population per area for the
// thematic map's incidents per 10,000 residents (README "Population"). CSV header:
// code,population,year,source. The file is checked before the database is opened; the
// import is one transaction, so a bad row leaves the table as it was.
const fail = (message: string): never => {
  console.error(`cityops: ${message}`)
  process.exit(1)
}
const positionals = process.argv.slice(2)
const [given] = positionals
if (given === undefined || positionals.length > 1)
  fail('give one CSV file: npm run import:population -- population.csv')
// npm runs workspace scripts in apps/bff; the path is the user's, relative to where they ran npm.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), given ?? '')
const name = path.basename(file)

let text = ''
try {
  text = readFileSync(file, 'utf8')
} catch (error) {
  const code = (error as { code?: string }).code
  fail(`cannot read ${file}${code === 'ENOENT' ? ': there is no such file' : ` (${code})`}`)
}
try {
  parsePopulationCsv(text)
} catch (error) {
  fail(`${name}: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`)
}

await runWithConfiguredDatabase(async (handle, publicDir) => {
  await prepareDatabase(handle, publicDir) // a fresh database gets its schema and areas first
  try {
    const { imported } = await importPopulation(handle.db, text)
    return `imported the population of ${imported} areas from ${name}`
  } catch (error) {
    if (error instanceof Error && !('code' in error))
      fail(`${name}: ${error.message}. Nothing was imported.`)
    throw error
  }
})
