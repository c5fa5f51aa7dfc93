import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { z } from 'zod'

// The repo root is the nearest folder above this file whose package.json has workspaces; the
// GeoReport v2 schemas (open311/schema-validation) live beside the repo in ../shared.
function findRepoRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"workspaces"')) return dir
  }
  throw new Error(`no workspace root above ${from}`)
}

export const SCHEMA_DIR = path.resolve(
  findRepoRoot(path.dirname(fileURLToPath(import.meta.url))),
  '../shared/standards/open311/schema/georeport-v2',
)

const SCHEMA_FILES = [
  'request.json',
  'requests.json',
  'service.json',
  'services.json',
  'service-definition.json',
] as const

const Swagger = z.object({
  definitions: z.object({ RequestResponse: z.record(z.string(), z.unknown()) }),
})

// GeoReport v2 errors: a list of {code, description}; the schema set has none, so it is ours.
const ERRORS_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['code', 'description'],
    properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
  },
}

function read(name: string): Record<string, unknown> {
  const file = path.join(SCHEMA_DIR, name)
  if (!existsSync(file)) {
    throw new Error(
      `Open311 GeoReport v2 schema ${file} is missing: the tests validate against the copies in shared/standards/open311 (see shared/standards/SOURCES.md).`,
    )
  }
  return z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(file, 'utf8')))
}

export interface GeoReportValidators {
  services: ValidateFunction
  serviceDefinition: ValidateFunction
  requests: ValidateFunction
  postResponse: ValidateFunction
  errors: ValidateFunction
}

/**
 * Compiles the upstream schemas. `strict: false` because they put `minItems` beside `$ref`
 * (ignored in draft-07) and the swagger uses the non-standard format `uid`.
 */
export function geoReportValidators(): GeoReportValidators {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv)
  ajv.addFormat('uid', true)
  for (const name of SCHEMA_FILES) ajv.addSchema(read(name), name)
  const swagger = Swagger.parse(read('swagger.json'))
  const get = (name: string) => {
    const validate = ajv.getSchema(name)
    if (!validate) throw new Error(`schema ${name} did not compile`)
    return validate
  }
  return {
    services: get('services.json'),
    serviceDefinition: get('service-definition.json'),
    requests: get('requests.json'),
    // swagger.json's RequestResponse is the POST answer; GeoReport v2 answers with a list
    postResponse: ajv.compile({ type: 'array', items: swagger.definitions.RequestResponse }),
    errors: ajv.compile(ERRORS_SCHEMA),
  }
}

/** Schema errors as readable text, so a failing expectation says what is wrong. */
export function schemaErrors(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}
