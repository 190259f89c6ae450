import { describe, expect, it } from 'vitest';

import { createOutput } from '../src/output.js';

function capture(): {
  stdout: string[];
  stderr: string[];
  output: ReturnType<typeof createOutput>;
} {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output = createOutput({
    stdout: { write: (text: string) => stdout.push(text) > 0 },
    stderr: { write: (text: string) => stderr.push(text) > 0 },
  });
  return { stdout, stderr, output };
}

describe('createOutput', () => {
  it('writes results to stdout, one line each', () => {
    const { stdout, stderr, output } = capture();
    output.result('https://example.com/mcp');
    expect(stdout).toEqual(['https://example.com/mcp\n']);
    expect(stderr).toEqual([]);
  });

  it.each([
    {
      message: 'Invalid runtime name "a-b": try "a_b"',
      line: 'error: Invalid runtime name "a-b": try "a_b"\n',
    },
    { message: 'first\n  second\n', line: 'error: first second\n' },
  ])('writes error $message to stderr on one line', ({ message, line }) => {
    const { stdout, stderr, output } = capture();
    output.error(message);
    expect(stderr).toEqual([line]);
    expect(stdout).toEqual([]);
  });

  it("keeps commander's usage errors on one error line", () => {
    const { stderr, output } = capture();
    output.commander.outputError?.(
      "error: unknown command 'ur'\n(Did you mean url?)\n",
      () => undefined,
    );
    expect(stderr).toEqual(["error: unknown command 'ur' (Did you mean url?)\n"]);
  });

  it('writes notes to stderr, indented, on one line', () => {
    const { stdout, stderr, output } = capture();
    output.note('requestId: abc\n  more');
    expect(stderr).toEqual(['  requestId: abc more\n']);
    expect(stdout).toEqual([]);
  });
});
