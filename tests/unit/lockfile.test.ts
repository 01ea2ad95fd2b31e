import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingOptionalEntries, parseLock, platformOf } from '../../scripts/lib/lockfile.mjs';

describe('platformOf', () => {
  it.each([
    ['@astrojs/compiler-binding-darwin-arm64', { os: ['darwin'], cpu: ['arm64'] }],
    ['@astrojs/compiler-binding-linux-arm64-musl', { os: ['linux'], cpu: ['arm64'], libc: ['musl'] }],
    ['@astrojs/compiler-binding-win32-x64-msvc', { os: ['win32'], cpu: ['x64'] }],
    ['@astrojs/compiler-binding-wasm32-wasi', { cpu: ['wasm32'] }],
    ['@pagefind/windows-arm64', { os: ['win32'], cpu: ['arm64'] }],
  ])('%s', (name, expected) => {
    expect(platformOf(name)).toEqual(expected);
  });
});

describe('package-lock.json', () => {
  it('holds an entry for every optional platform dependency, so `npm ci` works on a clean clone (run `npm run lock:fix`)', () => {
    const lock = parseLock(fs.readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));
    expect(missingOptionalEntries(lock).map(([path]) => path)).toEqual([]);
  });

  it('refuses a lock without a packages object', () => {
    expect(() => parseLock('{"lockfileVersion": 1, "dependencies": {}}')).toThrow(/no "packages" object/);
  });

  it('finds what is missing in a lock that lacks an entry', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/a': { optionalDependencies: { 'a-linux-x64': '1.0.0', 'a-darwin-arm64': '1.0.0' } },
        'node_modules/a-linux-x64': { version: '1.0.0' },
      },
    };
    expect(missingOptionalEntries(lock)).toEqual([
      ['node_modules/a-darwin-arm64', { version: '1.0.0', optional: true, os: ['darwin'], cpu: ['arm64'] }],
    ]);
  });
});
