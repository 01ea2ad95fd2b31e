/** Turns issues found inside a Markdown pipeline into an error that fails the build with file:line. */
import path from 'node:path';
import type { VFile } from 'vfile';
import { ContentError, type Finding } from '../content/finding.ts';

export interface PipelineIssue {
  rule: string;
  message: string;
  fix: string;
  line: number;
  column: number;
}

export function failWith(file: VFile, issues: readonly PipelineIssue[]): never {
  const filePath = file.path ? path.relative(process.cwd(), file.path) : '(unknown file)';
  const findings: Finding[] = issues.map((issue) => ({ ...issue, file: filePath, severity: 'error' }));
  throw new ContentError(findings);
}
