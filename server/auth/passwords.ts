/**
 * Password hashing with argon2id at OWASP's minimum recommendation (m=19 MiB, t=2, p=1): about
 * 10 ms per hash on these machines, slow enough for an offline attacker, cheap enough per login.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: the package declares a const enum, which verbatimModuleSyntax cannot read. */
const ARGON2ID = 2 as Algorithm;

const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a stored hash that is not a valid argon2 string. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password. Login calls it when no account matches, so
 * the response time does not tell an attacker whether a username or email exists.
 */
export async function verifyDummyPassword(password: string): Promise<void> {
  dummyHash ??= hashPassword('dominoml-dummy-password-for-even-timing');
  await verifyPassword(await dummyHash, password);
}
