import { EN_FIELD } from './en-field'
import { EN_ADMIN } from './en-admin'
import { EN_CASES } from './en-cases'
import { EN_SESSION } from './en-session'
import { EN_WORK } from './en-work'
import { EN_WALL } from './en-wall'
import { EN_THEMATIC } from './en-thematic'
import { EN_THEMATIC_TOOLS } from './en-thematic-tools'
import { EN_INCIDENTS } from './en-incidents'
import type { Messages } from './messages'

export const EN: Messages = {
  'app.name': 'City Operations Center',
  'app.documentTitle': 'City Operations Center · Zhengzhou',
  'app.skipToMain': 'Skip to main content',
  'app.nav': 'Main navigation',
  'nav.overview': 'Overview',

  'locale.switchTo': '中文',
  'locale.switchHint': 'Switch the interface to Chinese',
  'theme.group': 'Display theme',
  'theme.wall': 'Wall',
  'theme.desk': 'Desk',
  'theme.wallHint': 'Dark video-wall theme',
  'theme.deskHint': 'Light desk theme',

  'health.loading': 'Checking system…',
  'health.ok': 'System OK · {database}',
  'health.degraded': 'System degraded · {database}',
  'health.degradedUnknownDb': 'System degraded',
  'health.offline': 'Server offline',
  'health.detailOk': 'Migrations {migrations} · version {version}',
  'health.detailDegraded': 'Reason: {reason}',
  'health.detailOffline': 'Cannot reach the server; retrying every 10 s',
  'health.reasonUnexpected': 'Unexpected response from the server (HTTP {status})',

  'offline.server': 'Cannot reach the server',
  'offline.network': 'The network is down',
  'offline.detail': 'The basemap still works; live data is unavailable. Retrying automatically.',
  'offline.retry': 'Retry now',

  'map.label': 'Zhengzhou city operations map',
  'map.loading': 'Loading the map…',
  'map.unavailable': 'Map unavailable',
  'map.unavailableWebgl':
    'This browser or graphics card does not support WebGL2, so the map cannot be drawn.',
  'map.unavailableLoad': 'The map data failed to load: {message}',
  'map.retry': 'Reload',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.attribution': 'Show or hide data sources',

  'overview.title': 'Operations overview',
  'overview.emptyTitle': 'No live data yet',
  'overview.emptyDescription':
    'Incidents, city assets and monitoring data are not connected yet. Key figures will appear here once they are.',

  'error.title': 'Something went wrong',
  'error.description':
    'The interface hit an unexpected error. Reload the page; if it persists, call the technician on duty.',
  'error.reload': 'Reload page',

  'notFound.title': 'Page not found',
  'notFound.description': 'There is no page at {path}.',
  'notFound.home': 'Go to my home page',

  ...EN_SESSION,
  ...EN_WORK,
  ...EN_CASES,
  ...EN_WALL,
  ...EN_FIELD,
  ...EN_ADMIN,
  ...EN_THEMATIC,
  ...EN_THEMATIC_TOOLS,
  ...EN_INCIDENTS,
}
