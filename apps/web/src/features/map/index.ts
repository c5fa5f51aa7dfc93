export { OperationsMap } from './operations-map'
