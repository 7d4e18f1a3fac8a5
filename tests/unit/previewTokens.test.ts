/** The pure token rules of preview links: signature, shape, expiry, and the hour-rounded expiry. */
import {
  previewKey,
  readPreviewToken,
  roundedExpiry,
  signPreviewToken,
  type PreviewClaims,
} from '../../src/preview/tokens'

const key = previewKey('a-test-secret-that-is-long-enough-0123456789')
const now = 1_800_000_000
const claims: PreviewClaims = { c: 'articles', i: 12, e: now + 60, g: 0, d: 3 }

describe('preview tokens', () => {
  it('read back the claims they were signed with', () => {
    expect(readPreviewToken(key, signPreviewToken(key, claims), now)).toEqual({ valid: true, claims })
  })

  it('are refused once expired, at the second they expire', () => {
    const token = signPreviewToken(key, claims)
    expect(readPreviewToken(key, token, now + 59).valid).toBe(true)
    expect(readPreviewToken(key, token, now + 60)).toEqual({ valid: false, reason: 'expired' })
  })

  it('are refused when their claims were changed (another id, a later expiry)', () => {
    const [, signature] = signPreviewToken(key, claims).split('.')
    for (const changed of [
      { ...claims, i: 13 },
      { ...claims, e: now + 999_999 },
      { ...claims, c: 'techniques' },
    ]) {
      const text = Buffer.from(JSON.stringify(changed)).toString('base64url')
      expect(readPreviewToken(key, `${text}.${signature}`, now)).toEqual({ valid: false, reason: 'altered' })
    }
  })

  it('are refused when signed with another secret', () => {
    const other = signPreviewToken(previewKey('another-secret-that-is-long-enough-98765'), claims)
    expect(readPreviewToken(key, other, now)).toEqual({ valid: false, reason: 'altered' })
  })

  it.each(['', 'abc', 'a.b', `${'x'.repeat(20)}.${'y'.repeat(10)}`, `${'x'.repeat(20)}.${'+'.repeat(43)}`])(
    'are refused when malformed: %p',
    (token) => {
      expect(readPreviewToken(key, token, now)).toEqual({ valid: false, reason: 'malformed' })
    },
  )

  it('are refused when well signed but without the claims of a link', () => {
    for (const odd of [
      { ...claims, i: -1 },
      { ...claims, i: 1.5 },
      { ...claims, c: 7 },
      { ...claims, e: undefined },
    ]) {
      expect(readPreviewToken(key, signPreviewToken(key, odd as unknown as PreviewClaims), now)).toEqual({
        valid: false,
        reason: 'malformed',
      })
    }
  })

  it("round the admin's expiry up to the hour, so the address stays the same within it", () => {
    expect(roundedExpiry(3600 * 10 + 1, 86_400)).toBe(3600 * 11 + 86_400)
    expect(roundedExpiry(3600 * 10 + 3599, 86_400)).toBe(3600 * 11 + 86_400)
    expect(roundedExpiry(3600 * 10, 86_400)).toBe(3600 * 10 + 86_400)
  })
})
