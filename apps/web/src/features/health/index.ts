export { ConnectionBanner } from './connection-banner'
export { HealthBadge } from './health-badge'
