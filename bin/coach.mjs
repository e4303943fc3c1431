#!/usr/bin/env node
// Kept so that `node bin/coach.mjs` goes on working: the command itself is bin/coach.cjs.
import './coach.cjs';
