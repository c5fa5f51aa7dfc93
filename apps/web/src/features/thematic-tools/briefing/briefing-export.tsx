import type { BriefingExportProps } from './types'

export function BriefingExport(props: BriefingExportProps) {
  void props
  return <div />
}
