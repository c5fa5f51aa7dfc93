export * from './case-status'
export * from './case-codes'
export * from './city-case'
export * from './case-urgency'
