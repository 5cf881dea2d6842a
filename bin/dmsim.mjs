#!/usr/bin/env node
// `dmsim`: runs the TypeScript CLI through tsx, so `npx dmsim run FILE…` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../workers/cli.ts');
