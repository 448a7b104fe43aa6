import { describe, expect, it } from 'vitest'
import {
  LoginCancelledError,
  LoginCaptureError,
  LoginPageFailedError,
  LoginResponseUnreadableError,
  LoginWindowClosedError,
} from '../../src/core/sso/loginCapture'
import { UserFacingError } from '../../src/core/userFacingError'

describe('login capture errors', () => {
  it.each([
    [new LoginWindowClosedError(), 'closed', LoginWindowClosedError],
    [new LoginResponseUnreadableError('x'), 'unreadable', LoginResponseUnreadableError],
    [new LoginPageFailedError('x'), 'page-failed', LoginPageFailedError],
    [new LoginCancelledError(), 'cancelled', LoginCancelledError],
  ])('%s is a user-facing LoginCaptureError with reason %s', (error, reason, type) => {
    expect(error).toBeInstanceOf(type)
    expect(error).toBeInstanceOf(LoginCaptureError)
    expect(error).toBeInstanceOf(UserFacingError)
    expect(error.reason).toBe(reason)
  })

  it('tells an admin who closed the window what happened and what to do', () => {
    const { message } = new LoginWindowClosedError()
    expect(message).toContain('closed before JumpCloud sent the SAML response')
    expect(message).toContain('Run the test again and sign in at JumpCloud as the test user')
    expect(message).not.toContain('tried to open')
  })

  it('names the addresses the window refused, as the likely reason the login stalled', () => {
    const error = new LoginWindowClosedError(['https://accounts.google.com', 'https://api-1.duosecurity.com'])
    expect(error.blockedNavigations).toEqual(['https://accounts.google.com', 'https://api-1.duosecurity.com'])
    expect(error.message).toContain('tried to open https://accounts.google.com, https://api-1.duosecurity.com')
    expect(error.message).toContain('test with a user who signs in with a JumpCloud password')
  })

  it('names the first five refused addresses of a page that tried thousands, and counts the rest', () => {
    const origins = Array.from({ length: 5000 }, (_, i) => `https://a${i}.evil.example`)
    const { message } = new LoginWindowClosedError(origins)
    expect(message).toContain('tried to open https://a0.evil.example, https://a1.evil.example, https://a2.evil.example, https://a3.evil.example, https://a4.evil.example and 4995 more,')
    expect(message.length).toBeLessThan(2000)
  })
})
