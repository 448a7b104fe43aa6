import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startScimServer, type ScimServer } from '../support/scimServer'

/** The fake Dialpad must behave like a SCIM 2.0 server, or the checks prove nothing. */
const TOKEN = 'server-test-token'
let server: ScimServer

async function call(method: string, path: string, body?: unknown, token = TOKEN) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : undefined }
}

beforeAll(async () => {
  server = await startScimServer({ token: TOKEN })
})
afterAll(() => server.close())

describe('local SCIM server', () => {
  it('implements users per RFC 7644: create, conflict, filter, paging, replace, patch, delete, bearer auth', async () => {
    expect((await call('GET', '/Users', undefined, 'wrong')).status).toBe(401)
    const a = await call('POST', '/Users', { userName: 'a@example.com', active: true })
    const b = await call('POST', '/Users', { userName: 'b@example.com', active: true })
    expect(a).toMatchObject({ status: 201, json: { userName: 'a@example.com', active: true } })
    expect((await call('POST', '/Users', { userName: 'A@EXAMPLE.COM' })).status).toBe(409)

    const filtered = await call('GET', `/Users?filter=${encodeURIComponent('userName eq "A@example.com"')}`)
    expect(filtered.json).toMatchObject({ totalResults: 1, Resources: [{ id: a.json.id }] })
    expect((await call('GET', '/Users?filter=active%20eq%20true')).status).toBe(400)
    expect((await call('GET', '/Users?startIndex=2&count=1')).json).toMatchObject({ totalResults: 2, startIndex: 2, itemsPerPage: 1, Resources: [{ id: b.json.id }] })

    expect((await call('PUT', `/Users/${b.json.id}`, { userName: 'a@example.com' })).status).toBe(409)
    expect(await call('PUT', `/Users/${b.json.id}`, { userName: 'c@example.com', active: true })).toMatchObject({ status: 200, json: { userName: 'c@example.com' } })
    const patch = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] }
    expect(await call('PATCH', `/Users/${a.json.id}`, patch)).toMatchObject({ status: 200, json: { active: false } })
    expect((await call('DELETE', `/Users/${a.json.id}`)).status).toBe(204)
    expect((await call('GET', `/Users/${a.json.id}`)).status).toBe(404)
    expect((await call('GET', '/ServiceProviderConfig')).json).toMatchObject({ patch: { supported: true }, filter: { supported: true } })
    expect(server.requests.every((r) => r.connectionId > 0 && r.status !== undefined)).toBe(true)
  })
})
