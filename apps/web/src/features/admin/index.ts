export { default as ApiKeysPage } from './api-keys-page'
export { default as DepartmentsPage } from './departments-page'
export { default as UsersPage } from './users-page'
