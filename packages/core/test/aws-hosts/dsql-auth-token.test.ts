import { createSigner, dsqlAuthToken, InvalidArgumentError } from '@awssig/core'
import { verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, SESSION_CREDENTIALS } from '../support/verify'

const NOW = new Date('2026-11-22T12:00:00Z')
const now = () => NOW
const HOST = 'abc0def1baz2quux3quuux4.dsql.us-east-1.on.aws'

async function verify(token: string, credentials = CREDENTIALS) {
  return verifyRequest(new Request(`https://${token}`), {
    credentials: [credentials],
    endpoints: { [HOST]: { service: 'dsql', region: 'us-east-1' } },
    now,
  })
}

describe('dsqlAuthToken (https://docs.aws.amazon.com/aurora-dsql/latest/userguide/SECTION_authentication-token.html)', () => {
  it('is a presigned DbConnect URL for dsql without the scheme, accepted by the verifier', async () => {
    const token = await dsqlAuthToken(createSigner({ credentials: CREDENTIALS, now }), { hostname: HOST })
    expect(token.startsWith(`${HOST}/?Action=DbConnect&`)).toBe(true)
    expect(token).toContain('X-Amz-Expires=900')
    expect(token).toContain('%2Fus-east-1%2Fdsql%2Faws4_request')
    expect(await verify(token)).toMatchObject({ ok: true })
  })

  it('uses DbConnectAdmin for the admin role, the expiry asked for, and carries a session token', async () => {
    const signer = createSigner({ credentials: SESSION_CREDENTIALS, now })
    const token = await dsqlAuthToken(signer, { hostname: HOST, admin: true, expiresIn: 3600 })
    expect(token.startsWith(`${HOST}/?Action=DbConnectAdmin&`)).toBe(true)
    expect(token).toContain('X-Amz-Expires=3600')
    expect(token).toContain('X-Amz-Security-Token=')
    expect(await verify(token, SESSION_CREDENTIALS)).toMatchObject({ ok: true })
  })

  it.each([`https://${HOST}`, `${HOST}:5432`, `${HOST}/path`, ''])(
    'rejects the hostname %j with InvalidArgumentError naming the field',
    async (hostname) => {
      const signer = createSigner({ credentials: CREDENTIALS, now })
      const error = await dsqlAuthToken(signer, { hostname }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidArgumentError)
      expect(error).toMatchObject({ field: 'hostname' })
    },
  )
})
