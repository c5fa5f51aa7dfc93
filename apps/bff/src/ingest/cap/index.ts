// CAP 1.2 codec: safe parsing of inbound alerts, XSD-valid building of outbound ones, and
// the mappings to and from incidents. No I/O and no database; routes and storage wire it.
export * from './cap-error'
export * from './cap-enums'
export * from './cap-schema'
export { parseCapAlert, type ParseCapOptions } from './parse-cap'
export { buildCapAlert, type BuildCapOptions } from './build-cap'
export { validateCapAlert } from './validate-cap'
export { DEFAULT_MAX_CAP_BYTES } from './xml-input'
export { CAP_DATE_TIME_PATTERN, formatCapDateTime } from './cap-time'
export { buildCapIdentifier, CapIdentifierParts, GBT_35965_IDENTIFIER } from './cap-identifier'
export * from './cap-mappings'
export * from './incident-to-cap'
export * from './cap-to-incident'
