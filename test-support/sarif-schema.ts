/**
 * Validates a SARIF log against the official SARIF 2.1.0 JSON schema (draft-04), the copy
 * Microsoft ships in @microsoft/jest-sarif. Returns the schema errors, none when valid.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'

// CommonJS packages: under NodeNext the class and the function are their `default`.
const Ajv = ajvDraft04.default
const addFormats = ajvFormats.default

const require = createRequire(import.meta.url)
const schemaPath = join(
  dirname(require.resolve('@microsoft/jest-sarif/package.json')),
  'lib/schemas/sarif-2.1.0-rtm.5.json'
)

let validate: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined

export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    // The schema's language pattern ("...[a-zA-Z]{2}]?$") is not valid in unicode mode.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
    addFormats(ajv)
    // Ajv checks uniqueItems by deep-comparing every pair: seconds on a run of thousands of
    // rules. The same rule in linear time: two JSON values are equal exactly when their
    // key-sorted serialisations are.
    ajv.removeKeyword('uniqueItems')
    ajv.addKeyword({
      keyword: 'uniqueItems',
      type: 'array',
      schemaType: 'boolean',
      validate: (unique: boolean, items: unknown[]) =>
        !unique || new Set(items.map(canonicalJson)).size === items.length
    })
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')))
  }
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
}

/** JSON with every object's keys in one order, so equal values serialise alike. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item
  )
}
