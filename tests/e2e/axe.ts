/** axe over a page at the level the project promises: WCAG 2.2 A and AA. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The page's axe violations, a line each (`id: help (targets)`); `extraTags` adds rule sets such as
 * `best-practice`. Only violations are collected: axe then skips the details of passing nodes,
 * which is about 10% faster and finds the same violations.
 */
export async function axeViolations(page: Page, extraTags: readonly string[] = []): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags([...WCAG_22_AA, ...extraTags])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
