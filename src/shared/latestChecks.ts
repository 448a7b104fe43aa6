import type { CheckRun } from './checkRun'
import type { LiveCheckKind } from './liveCheck'
import type { LoginCheckSource, SetupState } from './setupState'

/** What each live check is called in bundles, reports and the CLI. */
export const LIVE_CHECK_TITLES: Record<LiveCheckKind, string> = {
  'scim-connection': 'SCIM connection test',
  'scim-lifecycle': 'SCIM user lifecycle test',
  'sso-services': 'Dialpad SAML services check',
  'sso-login': 'SSO login check',
}

/** The live checks in wizard order. */
export const LIVE_CHECKS_IN_ORDER: readonly LiveCheckKind[] = ['sso-services', 'sso-login', 'scim-connection', 'scim-lifecycle']

export interface LatestCheck {
  kind: LiveCheckKind
  title: string
  /** For the login check only: where the checked SAML response came from. */
  source?: LoginCheckSource
  run: CheckRun
}

/** The saved result of one live check (and, for the login check, where its response came from), or null. */
export function savedRun(setup: SetupState, kind: LiveCheckKind): { run: CheckRun; source?: LoginCheckSource } | null {
  switch (kind) {
    case 'sso-services':
      return setup.sso.lastServicesCheck ? { run: setup.sso.lastServicesCheck } : null
    case 'sso-login':
      return setup.sso.lastLoginCheck
    case 'scim-connection':
      return setup.scim.lastConnectionTest ? { run: setup.scim.lastConnectionTest } : null
    case 'scim-lifecycle':
      return setup.scim.lastLifecycleTest ? { run: setup.scim.lastLifecycleTest } : null
  }
}

/** The last result of every live check the setup has run, in wizard order; checks never run are left out. */
export function latestChecksOf(setup: SetupState): LatestCheck[] {
  return LIVE_CHECKS_IN_ORDER.flatMap((kind) => {
    const saved = savedRun(setup, kind)
    return saved ? [{ kind, title: LIVE_CHECK_TITLES[kind], ...(saved.source === undefined ? {} : { source: saved.source }), run: saved.run }] : []
  })
}
