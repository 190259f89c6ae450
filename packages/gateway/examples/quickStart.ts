// The README's Quick start, kept compiling by `typecheck` (STYLE.md §7).
import assert from 'node:assert/strict';

import { assertTargetName, formatGatewayToolName, parseGatewayToolName } from '../src/index.js';

assertTargetName('github'); // throws ERR_CONFIG_INVALID for names such as 'git___hub'

const exposed = formatGatewayToolName('github', 'search_issues');
assert.equal(exposed, 'github___search_issues');

const parsed = parseGatewayToolName(exposed);
assert.deepEqual(parsed, { target: 'github', tool: 'search_issues' });

assert.equal(parseGatewayToolName('search_issues'), undefined); // no target prefix
