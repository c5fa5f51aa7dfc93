import { defineConfig } from 'drizzle-kit'

// Generation only (no database needed). Migrations are applied by the app at start-up
// with the driver's own migrator: drizzle-kit cannot load PGlite's PostGIS extension.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  extensionsFilters: ['postgis'],
})
