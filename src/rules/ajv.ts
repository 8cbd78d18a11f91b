/**
 * The one Ajv configuration every rule schema is compiled with: JSON Schema draft 2020-12,
 * all errors (ajv-errors needs it), formats (`date`, `date-time`, ...), `errorMessage`
 * (ajv-errors), and chartclerk's date keywords. Strict, so a misspelt keyword or an
 * unknown format is an error in the rule file, never a silently ignored check.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import ajvErrorsModule from 'ajv-errors'
import ajvFormatsModule from 'ajv-formats'
import { addDateKeywords } from './keywords.js'

// Both plugins are CommonJS; under NodeNext their default import may arrive wrapped.
type Plugin = (ajv: Ajv2020) => Ajv2020
const unwrap = (m: unknown): Plugin => ((m as { default?: unknown }).default ?? m) as Plugin
export const ajvErrors = unwrap(ajvErrorsModule)
export const ajvFormats = unwrap(ajvFormatsModule)

/**
 * A fresh Ajv for one rule set (a new set never inherits schemas from an old one).
 * `validateSchema: false` is for an Ajv whose schemas are checked against the draft 2020-12
 * meta-schema beforehand by {@link shippedSchemaAjv} (same options, so the same errors): compiling
 * that meta-schema, which `addKeyword` and the first `compile` otherwise do in every new instance,
 * is most of what setting up an Ajv costs (about 0.1 s of CPU per rule set). The custom keywords'
 * own meta-schemas still check their values when a schema is compiled.
 */
export function createRuleAjv(opts: { validateSchema?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    validateSchema: opts.validateSchema ?? true,
    allErrors: true,
    strict: true,
    // Records leads write small schemas; demanding `type: object` beside every `properties`
    // or a `properties` entry for every `required` name would be noise, not safety.
    strictTypes: false,
    strictRequired: false,
    strictTuples: false,
    allowUnionTypes: true,
    allowMatchingProperties: true,
    messages: true,
  })
  ajvFormats(ajv)
  ajvErrors(ajv)
  addDateKeywords(ajv)
  return ajv
}

let shipped: Ajv2020 | undefined

/**
 * The one Ajv (same configuration) for the schemas shipped with chartclerk: the rule-file schema of
 * each kind and the custom keywords' meta-schemas. They never change while chartclerk runs and
 * their $ids differ, so one instance compiles them all: setting up an Ajv (formats, ajv-errors and
 * the date keywords, with their meta-schemas) costs about as much as compiling a schema.
 */
export function shippedSchemaAjv(): Ajv2020 {
  return (shipped ??= createRuleAjv())
}
