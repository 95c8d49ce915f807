import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenVerifier, VERIFIED_TOKENS_MAX } from './access-token-verifier.js';

const secret = 'a-test-secret-that-is-long-enough-1234';
const jwt = new JwtService({});
const sign = (payload: object, options: { expiresIn?: number; secret?: string } = {}) =>
  jwt.sign(payload, { secret: options.secret ?? secret, expiresIn: options.expiresIn ?? 900, algorithm: 'HS256' });
const access = () => ({ sub: randomUUID(), tid: randomUUID(), typ: 'access', sv: 0 });

describe('AccessTokenVerifier', () => {
  it('accepts an access token it signed and gives back its claims', () => {
    const claims = access();
    expect(new AccessTokenVerifier(secret, jwt).verify(sign(claims))).toEqual(claims);
  });

  it('refuses tokens signed with another secret, altered, of another type or with bad ids', () => {
    const verifier = new AccessTokenVerifier(secret, jwt);
    const good = sign(access());
    const [h, p, s] = good.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...access(), exp: 9999999999 })).toString('base64url');
    expect(verifier.verify(sign(access(), { secret: 'another-secret-that-is-long-enough-123' }))).toBeNull();
    expect(verifier.verify(`${h}.${otherPayload}.${s}`)).toBeNull();
    expect(verifier.verify(sign({ ...access(), typ: 'refresh' }))).toBeNull();
    expect(verifier.verify(sign({ ...access(), sub: 'not-a-uuid' }))).toBeNull();
    const { sv: _sv, ...withoutSessionVersion } = access();
    expect(verifier.verify(sign(withoutSessionVersion))).toBeNull();
    expect(verifier.verify('garbage')).toBeNull();
    expect(verifier.verify(`${h}.${p}.${s}`)).not.toBeNull();
  });

  it('refuses an expired token, also one it verified while it was valid', () => {
    const verifier = new AccessTokenVerifier(secret, jwt);
    const token = sign(access(), { expiresIn: 60 });
    expect(verifier.verify(token)).not.toBeNull();
    expect(verifier.verify(token, Date.now() + 61_000)).toBeNull();
    expect(verifier.verify(sign(access(), { expiresIn: -1 }))).toBeNull();
  });

  it('remembers a bounded number of tokens and still verifies the ones it forgot', () => {
    const verifier = new AccessTokenVerifier(secret, jwt);
    const first = sign(access());
    expect(verifier.verify(first)).not.toBeNull();
    for (let i = 0; i < VERIFIED_TOKENS_MAX; i += 1) verifier.verify(sign(access()));
    expect((verifier as unknown as { verified: Map<string, unknown> }).verified.size).toBe(VERIFIED_TOKENS_MAX);
    expect(verifier.verify(first)).not.toBeNull();
  });
});
