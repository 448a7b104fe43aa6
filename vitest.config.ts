import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/shell/**/*.test.ts', 'test/security/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/buildCli.ts'],
    testTimeout: 20_000,
    // The security gate test runs the real scanner; keep it and the rest from starving each other on 2 cores.
    maxWorkers: 2,
  },
})
