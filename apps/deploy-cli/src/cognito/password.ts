import { randomInt } from 'node:crypto';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
// Symbols Cognito accepts that need no quoting in a shell or JSON.
const SYMBOLS = '-_.!@#%^*+=~';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/**
 * Generates a random password from the OS CSPRNG (`crypto.randomInt`) with at least one upper-case
 * letter, lower-case letter, digit and symbol, so it meets any Cognito password policy.
 *
 * @param length - How many characters; at least 24. Default: 32 (about 200 bits).
 * @returns The password.
 * @throws RangeError when `length` is below 24.
 * @example
 * ```ts
 * const password = generatePassword(); // e.g. 'q7K!m…' (32 characters)
 * ```
 */
export function generatePassword(length = 32): string {
  if (!Number.isInteger(length) || length < 24) {
    throw new RangeError(`Password length must be an integer of at least 24, got ${length}`);
  }
  const characters = [UPPER, LOWER, DIGITS, SYMBOLS].map(pick);
  while (characters.length < length) characters.push(pick(ALL));
  // Fisher–Yates, so the guaranteed classes are not always first.
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j] ?? '', characters[i] ?? ''];
  }
  return characters.join('');
}

function pick(alphabet: string): string {
  return alphabet.charAt(randomInt(alphabet.length));
}
