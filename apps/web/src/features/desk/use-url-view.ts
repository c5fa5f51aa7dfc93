import { useCallback, useMemo } from 'react'
import { useLocation, useNavigate } from 'react-router'

/**
 * A desk's view state kept in the URL query (filters, open case, tab): read on every
 * navigation, patched with `replace` so filter changes do not pile up in the history.
 */
export function useUrlView<V>(
  read: (search: URLSearchParams) => V,
  write: (view: V) => URLSearchParams,
) {
  const location = useLocation()
  const navigate = useNavigate()
  const view = useMemo(() => read(new URLSearchParams(location.search)), [read, location.search])
  const update = useCallback(
    (patch: Partial<V>) => {
      const text = write({ ...view, ...patch }).toString()
      void navigate({ search: text ? `?${text}` : '' }, { replace: true })
    },
    [view, write, navigate],
  )
  return [view, update] as const
}
