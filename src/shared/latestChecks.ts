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

export interface LatestCheck {
  kind: LiveCheckKind
  title: string
  /** For the login check only: where the checked SAML response came from. */
  source?: LoginCheckSource
  run: CheckRun
}

/** The last result of every live check the setup has run, in wizard order; checks never run are left out. */
export function latestChecksOf(setup: SetupState): LatestCheck[] {
  const found: LatestCheck[] = []
  const add = (kind: LiveCheckKind, run: CheckRun | null, source?: LoginCheckSource) => {
    if (run) found.push({ kind, title: LIVE_CHECK_TITLES[kind], ...(source === undefined ? {} : { source }), run })
  }
  add('sso-services', setup.sso.lastServicesCheck)
  add('sso-login', setup.sso.lastLoginCheck?.run ?? null, setup.sso.lastLoginCheck?.source)
  add('scim-connection', setup.scim.lastConnectionTest)
  add('scim-lifecycle', setup.scim.lastLifecycleTest)
  return found
}
