import { defineProject } from 'vitest/config'

// Integration tests talk to real databases (PGlite, and PostgreSQL when TEST_DATABASE_URL
// is set); PGlite with PostGIS takes seconds to start, hence the long timeouts.
export default defineProject({
  test: {
    name: 'bff',
    environment: 'node',
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
