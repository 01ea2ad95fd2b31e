/** The walker every hash, read and removal of a folder's files goes through (src/util/walk-tree.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVersion } from '../../src/util/code-version.ts';
import { walkTree } from '../../src/util/walk-tree.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('walk-tree-');

describe('walking a folder', () => {
  it('lists files at every depth and links as they are, never what a link leads to', () => {
    const inside = tempDir();
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    fs.mkdirSync(path.join(inside, 'a/b'), { recursive: true });
    fs.writeFileSync(path.join(inside, 'top.txt'), '1');
    fs.writeFileSync(path.join(inside, 'a/b/deep.txt'), '2');
    fs.symlinkSync(outside, path.join(inside, 'a/to-folder'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(inside, 'to-file.txt'));
    const found = walkTree(inside)
      .map(({ absolute, file }) => [path.relative(inside, absolute), file])
      .sort();
    expect(found).toEqual([
      ['a/b/deep.txt', true],
      ['a/to-folder', false],
      ['to-file.txt', false],
      ['top.txt', true],
    ]);
  });

  it('finds nothing in a folder that is not there', () => {
    expect(walkTree(path.join(tempDir(), 'missing'))).toEqual([]);
  });

  it("gives our code's version from the files in the folder, not from a folder a link leads to", () => {
    const root = tempDir();
    const outside = tempDir();
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src/a.ts'), 'export {};');
    const before = codeVersion(root, ['src']);
    fs.writeFileSync(path.join(outside, 'b.ts'), 'export {};');
    fs.symlinkSync(outside, path.join(root, 'src/linked'));
    // The version is kept per root and list of parts: naming the list differently computes it again.
    expect(codeVersion(root, ['src', 'src/missing'])).toBe(before);
  });
});
