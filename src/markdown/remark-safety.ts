/**
 * remark-safety: the MDX safety policy inside the build's own pipeline. It runs
 * on the tree the MDX compiler parsed, before that tree is turned into code, and
 * fails the build on any construct outside the policy. See ./safety.ts.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { failWith } from './report.ts';
import { inspectTree } from '../content/safety.ts';

export default function remarkSafety() {
  return (tree: Root, file: VFile) => {
    const issues = inspectTree(tree);
    if (issues.length > 0) failWith(file, issues);
  };
}
