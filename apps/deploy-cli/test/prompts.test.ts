import { beforeEach, describe, expect, it, vi } from 'vitest';

const inquirer = vi.hoisted(() => ({ input: vi.fn(), confirm: vi.fn(), select: vi.fn() }));
vi.mock('@inquirer/prompts', () => inquirer);

const { createTerminalPrompts } = await import('../src/prompts.js');

/** What @inquirer/prompts rejects with on Ctrl-C. */
function exitPromptError(): Error {
  return Object.assign(new Error('User force closed the prompt with SIGINT'), {
    name: 'ExitPromptError',
  });
}

describe('createTerminalPrompts', () => {
  beforeEach(() => {
    for (const question of Object.values(inquirer)) question.mockReset();
  });

  it('asks through @inquirer/prompts with the question as given', async () => {
    inquirer.input.mockResolvedValue(' us-west-2 ');
    inquirer.confirm.mockResolvedValue(false);
    inquirer.select.mockResolvedValue('stdio');
    const prompts = createTerminalPrompts();
    const validate = (value: string) => value !== '' || 'A value is required';

    expect(await prompts.input({ message: 'AWS region:', default: 'us-east-1', validate })).toBe(
      ' us-west-2 ',
    );
    expect(await prompts.confirm({ message: 'Delete?', default: false })).toBe(false);
    expect(
      await prompts.select({
        message: 'How?',
        choices: [
          { name: 'HTTP', value: 'http' },
          { name: 'stdio', value: 'stdio' },
        ],
      }),
    ).toBe('stdio');
    expect(inquirer.input).toHaveBeenCalledWith({
      message: 'AWS region:',
      default: 'us-east-1',
      validate,
    });
    expect(inquirer.confirm).toHaveBeenCalledWith({ message: 'Delete?', default: false });
    expect(inquirer.select).toHaveBeenCalledWith({
      message: 'How?',
      choices: [
        { name: 'HTTP', value: 'http' },
        { name: 'stdio', value: 'stdio' },
      ],
    });
  });

  it('turns Ctrl-C at any prompt into one ERR_INVALID_INPUT line, and lets other errors through', async () => {
    const cancelled = exitPromptError();
    inquirer.input.mockRejectedValue(cancelled);
    inquirer.confirm.mockRejectedValue(exitPromptError());
    inquirer.select.mockRejectedValue(new TypeError('broken terminal'));
    const prompts = createTerminalPrompts();

    const failure = await prompts
      .input({ message: 'App directory:' })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'ERR_INVALID_INPUT',
      message:
        'Cancelled at the prompt, nothing was written: pass the values as flags to skip the prompts',
      cause: cancelled,
    });
    await expect(prompts.confirm({ message: 'Delete?' })).rejects.toMatchObject({
      code: 'ERR_INVALID_INPUT',
    });
    await expect(prompts.select({ message: 'How?', choices: [] })).rejects.toThrow(
      'broken terminal',
    );
  });
});
