import { Table } from '@cityops/ui'
import { useT } from '../../i18n'
import type { TableRows } from './table-rows'
import type { SortKey } from './thematic-url'

type Props = {
  table: TableRows
  isCompare: boolean
  sort: SortKey
  dir: 'asc' | 'desc'
  onSort: (sort: SortKey, dir: 'asc' | 'desc') => void
  /** A row with focus (keyboard) or under the pointer rings its area on the map. */
  onFocusArea: (code: string | null) => void
}

// The sort key behind each column, in table order; the class sorts like the value.
const COLUMNS: Record<'plain' | 'compare', (SortKey | null)[]> = {
  plain: ['code', 'name', 'value', 'value'],
  compare: ['code', 'name', 'value', null, 'change', 'change'],
}

// A new column starts with the largest numbers first and names in order; again flips it.
const nextDir = (key: SortKey, isSorted: boolean, dir: 'asc' | 'desc') =>
  isSorted ? (dir === 'desc' ? 'asc' : 'desc') : key === 'name' || key === 'code' ? 'asc' : 'desc'

/** The areas with their numbers, sortable by column; exactly what the CSV export writes. */
export function AreaTable({ table, isCompare, sort, dir, onSort, onFocusArea }: Props) {
  const t = useT()
  const keys = COLUMNS[isCompare ? 'compare' : 'plain']
  // The class column shares its key with value/change: only the first column shows the arrow.
  const owner = keys.indexOf(sort)
  return (
    <Table caption={t('thematic.table')} data-testid="area-table" className="thematic-table">
      <thead>
        <tr>
          {table.header.map((text, i) => {
            const key = keys[i] ?? null
            const isSorted = key !== null && i === owner
            return (
              <th
                key={text}
                scope="col"
                aria-sort={isSorted ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {key === null ? (
                  text
                ) : (
                  <button
                    type="button"
                    className="thematic-table__sort"
                    title={t('thematic.table.sort', { column: text })}
                    onClick={() => onSort(key, nextDir(key, isSorted, dir))}
                  >
                    {text}
                    <span aria-hidden="true" className="thematic-table__arrow">
                      {isSorted ? (dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                )}
              </th>
            )
          })}
        </tr>
      </thead>
      <tbody onMouseLeave={() => onFocusArea(null)}>
        {table.rows.map((row) => (
          <tr
            key={row.code}
            tabIndex={0}
            data-code={row.code}
            onFocus={() => onFocusArea(row.code)}
            onBlur={() => onFocusArea(null)}
            onMouseEnter={() => onFocusArea(row.code)}
          >
            {row.cells.map((cell, i) => (
              <td key={i} className={i >= 2 ? 'thematic-table__number' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
