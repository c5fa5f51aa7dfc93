import { LineChart } from 'echarts/charts'
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { init, use as registerEcharts } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

// Only the line chart and the parts the trend charts use, so the bundle carries nothing else.
registerEcharts([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer])

export { init as initLineChart }
export type { EChartsType } from 'echarts/core'
