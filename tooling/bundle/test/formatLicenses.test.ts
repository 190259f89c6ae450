import { describe, expect, it } from 'vitest';

import { formatThirdPartyLicenses } from '../src/formatLicenses.js';

describe('formatThirdPartyLicenses', () => {
  const text = formatThirdPartyLicenses({
    app: { name: '@agentcore-mcp/example', version: '1.2.3' },
    bundle: 'main.js',
    packages: [
      {
        name: 'apache',
        version: '3.0.0',
        dir: '/x/apache',
        license: 'Apache-2.0',
        files: [
          { name: 'LICENSE', text: 'Apache License\n' },
          { name: 'NOTICE', text: 'Notice text' },
        ],
      },
      { name: 'bare', version: '0.0.1', dir: '/x/bare', license: 'MIT', files: [] },
    ],
  });

  it('names the app and indexes every package with its licence', () => {
    expect(text.split('\n').slice(0, 9)).toEqual([
      'Third-party software in main.js of @agentcore-mcp/example 1.2.3',
      '',
      "main.js is one file built with esbuild. Besides the app's own code and that of the",
      '@agentcore-mcp packages it uses, it holds code from the 2 npm packages below,',
      'each under its own licence, reproduced as the package ships it.',
      '',
      '  apache 3.0.0 (Apache-2.0)',
      '  bare 0.0.1 (MIT)',
      '',
    ]);
  });

  it('reproduces each licence and notice file, and says when a package ships none', () => {
    expect(text).toContain(
      `apache 3.0.0 (Apache-2.0)\n${'-'.repeat(80)}\nLICENSE:\n\nApache License\n\n${'-'.repeat(80)}\nNOTICE:\n\nNotice text\n`,
    );
    expect(text).toContain(
      'bare 0.0.1 (MIT)\n' +
        `${'-'.repeat(80)}\n` +
        'The package ships no licence file; its package.json declares MIT.\n',
    );
    expect(text.endsWith('\n')).toBe(true);
  });
});
