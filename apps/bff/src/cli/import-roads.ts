import { CRS_IDS, ROAD_CLASS_LABELS, ROAD_CLASSES, type CrsId } from '@cityops/domain'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { prepareDatabase } from '../db/prepare-database'
import { replaceRoadNetwork } from '../db/reference/replace-road-network'
import { parseRoadNetwork, type ParsedRoadNetwork } from '../db/reference/road-import'
import { runWithConfiguredDatabase } from './open-configured-database'

// `npm run import:roads -- roads.geojson [--crs GCJ02|BD09]`: replaces the road network with a
// city's real one (README "Importing a road network"). The file is checked completely before
// the database is opened; the replacement is one transaction.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { crs: { type: 'string', default: 'WGS84' } },
})
const fail = (message: string): never => {
  console.error(`cityops: ${message}`)
  process.exit(1)
}
const [given] = positionals
if (given === undefined || positionals.length > 1)
  fail('give one GeoJSON file: npm run import:roads -- roads.geojson [--crs GCJ02|BD09]')
const crs =
  CRS_IDS.find((c) => c === values.crs) ?? fail(`--crs must be one of ${CRS_IDS.join(', ')}`)
// npm runs workspace scripts in apps/bff; the path is the user's, relative to where they ran npm.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), given ?? '')

const text = readText(file)
const network = parse(text, crs)

await runWithConfiguredDatabase(async (handle, publicDir) => {
  await prepareDatabase(handle, publicDir) // a fresh database gets its schema and districts first
  const s = await replaceRoadNetwork(
    handle.db,
    network,
    { file: path.basename(file), sha256: createHash('sha256').update(text).digest('hex') },
    new Date(),
  )
  for (const c of ROAD_CLASSES) {
    const { segments, km } = s.byClass[c]
    console.log(
      `cityops:   ${ROAD_CLASS_LABELS[c].zh} ${c}: ${segments} segments, ${km.toFixed(1)} km`,
    )
  }
  const left = [
    network.skipped > 0 ? `${network.skipped} features that are not city roads` : '',
    s.outside > 0 ? `${s.outside} segments outside Zhengzhou` : '',
  ].filter(Boolean)
  return (
    `road network replaced: ${s.segments} segments, ${s.km.toFixed(1)} km from ${network.features} features ` +
    `(${s.previous} segments before${left.length > 0 ? `; left out ${left.join(' and ')}` : ''}; ` +
    `${s.readingsDeleted} traffic readings of removed segments deleted); restart the BFF to use it`
  )
})

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as { code?: string }).code
    return fail(
      `cannot read ${file}${code === 'ENOENT' ? ': there is no such file' : ` (${code})`}`,
    )
  }
}

function parse(text: string, crs: CrsId): ParsedRoadNetwork {
  try {
    return parseRoadNetwork(text, crs)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return fail(`${path.basename(file)}: ${reason}. Nothing was imported.`)
  }
}
