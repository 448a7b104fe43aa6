import { oneLine } from '../shared/displayText'
import { ENVIRONMENT_IDS, type EnvironmentId } from '../shared/environments'
import { UsageError } from './io'

/** The --env option as an environment id; any other value is a usage error naming the environments there are. */
export function envOption(value: string | undefined): EnvironmentId {
  if ((ENVIRONMENT_IDS as readonly string[]).includes(value ?? '')) return value as EnvironmentId
  throw new UsageError(`--env must be one of ${ENVIRONMENT_IDS.join(', ')} (got "${oneLine(value ?? '', 40)}").`)
}
