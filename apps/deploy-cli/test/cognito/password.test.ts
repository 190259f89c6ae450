import { describe, expect, it } from 'vitest';

import { generatePassword } from '../../src/cognito/password.js';

describe('generatePassword', () => {
  it('makes 32-character passwords with every character class, different each time', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    for (const password of passwords) {
      expect(password).toHaveLength(32);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[^A-Za-z\d]/);
      expect(password).toMatch(/^[\w.!@#%^*+=~-]+$/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('honours a longer length and refuses one below 24', () => {
    expect(generatePassword(64)).toHaveLength(64);
    expect(generatePassword(24)).toHaveLength(24);
    expect(() => generatePassword(23)).toThrow(RangeError);
  });
});
