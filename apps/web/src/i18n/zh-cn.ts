import { ZH_CN_FIELD } from './zh-cn-field'
import { ZH_CN_ADMIN } from './zh-cn-admin'
import { ZH_CN_CASES } from './zh-cn-cases'
import { ZH_CN_SESSION } from './zh-cn-session'
import { ZH_CN_WORK } from './zh-cn-work'
import { ZH_CN_WALL } from './zh-cn-wall'
import { ZH_CN_THEMATIC } from './zh-cn-thematic'
import { ZH_CN_THEMATIC_TOOLS } from './zh-cn-thematic-tools'
import { ZH_CN_INCIDENTS } from './zh-cn-incidents'

// The reference dictionary: its keys define `MessageKey`, and every other locale must have
// exactly these keys. `{name}` placeholders are filled by `translate`. Feature areas live in
// their own parts (zh-cn-*.ts), each mirrored by an en-*.ts part.
export const ZH_CN = {
  'app.name': '城市运行指挥中心',
  'app.documentTitle': '城市运行指挥中心 · 郑州',
  'app.skipToMain': '跳到主要内容',
  'app.nav': '主导航',
  'nav.overview': '运行总览',

  'locale.switchTo': 'English',
  'locale.switchHint': '切换为英文界面',
  'theme.group': '显示主题',
  'theme.wall': '大屏',
  'theme.desk': '桌面',
  'theme.wallHint': '深色大屏主题',
  'theme.deskHint': '浅色桌面主题',

  'health.loading': '正在检查系统…',
  'health.ok': '系统正常 · {database}',
  'health.degraded': '系统降级 · {database}',
  'health.degradedUnknownDb': '系统降级',
  'health.offline': '服务器离线',
  'health.detailOk': '数据库迁移 {migrations} · 版本 {version}',
  'health.detailDegraded': '原因：{reason}',
  'health.detailOffline': '无法连接到服务器，每 10 秒重试一次',
  'health.reasonUnexpected': '服务器返回了意外的响应（HTTP {status}）',

  'offline.server': '无法连接到服务器',
  'offline.network': '网络已断开',
  'offline.detail': '地图底图仍可使用，实时数据暂不可用，系统会自动重试。',
  'offline.retry': '立即重试',

  'map.label': '郑州市运行态势地图',
  'map.loading': '正在加载地图…',
  'map.unavailable': '地图不可用',
  'map.unavailableWebgl': '此浏览器或显卡不支持 WebGL2，无法绘制地图。',
  'map.unavailableLoad': '地图数据加载失败：{message}',
  'map.retry': '重新加载',
  'map.zoomIn': '放大',
  'map.zoomOut': '缩小',
  'map.attribution': '显示或隐藏数据来源',

  'overview.title': '运行概览',
  'overview.emptyTitle': '暂无实时数据',
  'overview.emptyDescription': '尚未接入事件、部件和监测数据。接入后，关键指标将显示在这里。',

  'error.title': '页面出错了',
  'error.description': '界面遇到意外错误。请重新加载；如果问题仍然存在，请联系值班技术人员。',
  'error.reload': '重新加载页面',

  'notFound.title': '页面不存在',
  'notFound.description': '地址 {path} 没有对应的页面。',
  'notFound.home': '返回我的首页',

  ...ZH_CN_SESSION,
  ...ZH_CN_WORK,
  ...ZH_CN_CASES,
  ...ZH_CN_WALL,
  ...ZH_CN_FIELD,
  ...ZH_CN_ADMIN,
  ...ZH_CN_THEMATIC,
  ...ZH_CN_THEMATIC_TOOLS,
  ...ZH_CN_INCIDENTS,
} as const
