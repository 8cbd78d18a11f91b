/**
 * The TypeScript type of a value a JSON Schema (written `as const`) accepts once Ajv has filled
 * in the defaults, so the configuration's type is read from its schema instead of being kept in
 * step by hand. Covers the keywords schema.ts uses: type, enum, properties, required, default,
 * items.
 */

type Primitive<S> = S extends { enum: ReadonlyArray<infer E> }
  ? E
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'integer' | 'number' }
      ? number
      : S extends { type: 'boolean' }
        ? boolean
        : S extends { type: 'array'; items: infer I }
          ? Array<SchemaValue<I>>
          : unknown

type Props<S> = S extends { properties: infer P } ? P : never
type Required<S> = S extends { required: ReadonlyArray<infer R> } ? R : never
/** Properties that are always there after validation: required ones and those with a default. */
type Present<S> = {
  [K in keyof Props<S>]: K extends Required<S> ? K : Props<S>[K] extends { default: unknown } ? K : never
}[keyof Props<S>]

type Flatten<T> = { [K in keyof T]: T[K] }

type ObjectValue<S> = Flatten<
  { -readonly [K in Present<S> & keyof Props<S>]: SchemaValue<Props<S>[K]> } & {
    -readonly [K in Exclude<keyof Props<S>, Present<S>>]?: SchemaValue<Props<S>[K]>
  }
>

export type SchemaValue<S> = S extends { type: 'object'; properties: unknown } ? ObjectValue<S> : Primitive<S>
