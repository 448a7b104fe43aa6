import type { Api, Method, MethodInput, MethodOutput } from '../../../shared/contract'
import type { ApiFailure } from '../../../shared/envelope'
import { createHttpApi } from './httpApi'

/** A failed call, carrying the message written for the admin. */
export class ApiError extends Error {
  readonly code: ApiFailure['code']
  constructor(failure: ApiFailure) {
    super(failure.message)
    this.name = 'ApiError'
    this.code = failure.code
  }
}

const api: Api = window.api ?? createHttpApi()

export async function call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const envelope = await api[method](input)
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value
}
