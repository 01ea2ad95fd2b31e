#!/usr/bin/env node
// Adds lock entries for platform-specific optional dependencies that the
// registry reachable from our machines does not serve (it answers 404 for
// non-Linux-x64 bindings). Without them `npm ci` on a clean clone fails with
// "Missing: <pkg> from lock file" (npm/cli#4828, #8320).
//
// Run after every dependency change:  npm run lock:fix
// Plain JavaScript with no dependencies so it runs on any Node.
import fs from 'node:fs';
import { missingOptionalEntries, parseLock } from './lib/lockfile.mjs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = parseLock(fs.readFileSync(file, 'utf8'));
const added = missingOptionalEntries(lock);
for (const [path, entry] of added) lock.packages[path] = entry;
if (added.length > 0) {
  const sorted = Object.fromEntries(
    Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
  );
  lock.packages = sorted;
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(`lock:fix: added ${added.length} platform entr${added.length === 1 ? 'y' : 'ies'}`);
for (const [path] of added) console.log(`  + ${path}`);
