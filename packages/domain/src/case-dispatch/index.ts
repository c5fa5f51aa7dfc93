export * from './category-routes'
export * from './dispatch-suggestion'
