import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFile } from '../../src/lib/static-server.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
fs.mkdirSync(path.join(root, 'notes/a'), { recursive: true });
fs.writeFileSync(path.join(root, 'index.html'), 'home');
fs.writeFileSync(path.join(root, 'notes/a/index.html'), 'a');

describe('resolveFile', () => {
  it.each([
    ['/', '/', 'index.html'],
    ['/notes/a/', '/', 'notes/a/index.html'],
    ['/notes/a/?q=1', '/', 'notes/a/index.html'],
    ['/playbook/notes/a/', '/playbook', 'notes/a/index.html'],
  ])('%s with base %s → %s', (request, base, expected) => {
    expect(resolveFile(root, base, request)).toBe(path.join(root, expected));
  });

  it.each([['/missing/'], ['/../../etc/passwd'], ['/%2e%2e/%2e%2e/etc/passwd'], ['/notes/a/'.replace('/', '/other/')]])('refuses %s', (request) => {
    expect(resolveFile(root, '/', request)).toBeNull();
  });

  it('refuses paths outside the base path', () => {
    expect(resolveFile(root, '/playbook', '/notes/a/')).toBeNull();
  });
});
