import { defineConfig } from '@playwright/test'

/**
 * The packaged-app smoke test (test/smoke), run by the release workflow on Linux, macOS and Windows against the
 * installed app: DPSSO_PACKAGED_APP is the path of its executable. Not part of `npm test`: the Electron binary cannot
 * be downloaded on this project's own machines.
 */
export default defineConfig({
  testDir: 'test/smoke',
  outputDir: 'test-results/smoke',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
})
