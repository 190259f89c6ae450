#!/usr/bin/env node
// The `agentcore-mcp-bundle` bin. A committed launcher rather than a bin pointing into dist/: pnpm
// links a workspace package's bins at install time, before this package is built.
import '../dist/cli.js';
