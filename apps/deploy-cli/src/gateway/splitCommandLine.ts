import { CliError } from '../errors.js';

/**
 * Splits a command line the way a POSIX shell splits words, without expanding anything: spaces
 * separate words, `'…'` is literal, `"…"` keeps spaces and honours `\"` and `\\`, and a backslash
 * outside quotes escapes the next character.
 *
 * @param text - e.g. `node server.js --root "my files"`.
 * @returns The words, e.g. `['node', 'server.js', '--root', 'my files']`.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for an unterminated quote.
 * @example
 * ```ts
 * splitCommandLine(`npx -y '@modelcontextprotocol/server-everything' stdio`);
 * ```
 */
export function splitCommandLine(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && /["\\$`]/.test(text.charAt(index + 1)))
        word += text.charAt(++index);
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && index + 1 < text.length) {
      word += text.charAt(++index);
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote !== undefined) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `Unterminated ${quote} quote in the command "${text}"; close the quote`,
    );
  }
  if (inWord) words.push(word);
  return words;
}
