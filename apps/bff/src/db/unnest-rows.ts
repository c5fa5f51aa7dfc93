import { sql, type SQL } from 'drizzle-orm'

export type ColumnType = 'text' | 'integer' | 'double precision' | 'jsonb'
type Scalar = string | number | null

/** A column of an unnested batch: its type and how to read it from a row. */
export type UnnestColumn<R> =
  | readonly ['text' | 'integer' | 'double precision', (row: R) => Scalar]
  | readonly ['jsonb', (row: R) => unknown]

/**
 * `(select … from rows from (unnest($1::text[]), …)) as alias`: a batch of rows as ONE bind
 * parameter per column. A multi-row VALUES list needs one per cell; PGlite fails silently past
 * 32,767 of them, and parsing thousands of parameters costs more than a few arrays. Scalars go
 * as array literals, jsonb columns as one JSON array (JSON null becomes SQL NULL); both are
 * plain text parameters, which both drivers pass through unchanged.
 */
export function unnestRows<R>(
  rows: readonly R[],
  alias: string,
  columns: Record<string, UnnestColumn<R>>,
): SQL {
  const entries = Object.entries(columns)
  const sources = entries.map(([, column]) =>
    column[0] === 'jsonb'
      ? sql`jsonb_array_elements(${JSON.stringify(rows.map((r) => column[1](r) ?? null))}::jsonb)`
      : sql`unnest(${arrayLiteral(rows.map(column[1]))}::${sql.raw(column[0])}[])`,
  )
  const picks = entries.map(([name, [type]]) =>
    type === 'jsonb'
      ? sql`nullif(t.${sql.identifier(name)}, 'null'::jsonb) as ${sql.identifier(name)}`
      : sql`t.${sql.identifier(name)}`,
  )
  const names = entries.map(([name]) => sql.identifier(name))
  return sql`(select ${sql.join(picks, sql`, `)}
    from rows from (${sql.join(sources, sql`, `)}) as t(${sql.join(names, sql`, `)})
  ) as ${sql.identifier(alias)}`
}

const NEEDS_ESCAPE = /[\\"]/

/** `{"a","b\"c",NULL,1.5}`: strings quoted, with `"` and `\` escaped; numbers as written. */
export function arrayLiteral(cells: readonly Scalar[]): string {
  let out = '{'
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] ?? null
    if (i > 0) out += ','
    if (c === null) out += 'NULL'
    else if (typeof c === 'number') out += String(c)
    else out += `"${NEEDS_ESCAPE.test(c) ? c.replace(/[\\"]/g, '\\$&') : c}"`
  }
  return `${out}}`
}
