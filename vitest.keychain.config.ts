import { defineConfig } from 'vitest/config'

/** Real-keychain tests; run them through scripts/keychain-tests.sh (npm run test:keychain), which provides the keyring. */
export default defineConfig({
  test: {
    include: ['test/keychain/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // One process talks to the one test keyring; the native keytar module stays out of worker threads.
    pool: 'forks',
    fileParallelism: false,
  },
})
