// Enumerations exactly as in the OASIS CAP 1.2 XSD (/work/shared/standards/cap/CAP-v1.2.xsd);
// section numbers refer to the CAP 1.2 specification, §3.2.1 <alert> and §3.2.2 <info>.
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2'
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#'

export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const
export type CapStatus = (typeof CAP_STATUSES)[number]

export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const
export type CapMsgType = (typeof CAP_MSG_TYPES)[number]

export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const
export type CapScope = (typeof CAP_SCOPES)[number]

export const CAP_CATEGORIES = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const
export type CapCategory = (typeof CAP_CATEGORIES)[number]

export const CAP_RESPONSE_TYPES = [
  'Shelter',
  'Evacuate',
  'Prepare',
  'Execute',
  'Avoid',
  'Monitor',
  'Assess',
  'AllClear',
  'None',
] as const
export type CapResponseType = (typeof CAP_RESPONSE_TYPES)[number]

export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const
export type CapUrgency = (typeof CAP_URGENCIES)[number]

export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const
export type CapSeverity = (typeof CAP_SEVERITIES)[number]

export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const
export type CapCertainty = (typeof CAP_CERTAINTIES)[number]
