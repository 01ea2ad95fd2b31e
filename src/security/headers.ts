/**
 * The site's HTTP headers as a `_headers` file (the Netlify and Cloudflare
 * Pages format; other hosts can copy the lines). Astro writes the Content
 * Security Policy into each page as a <meta> tag, which a browser applies to
 * that page only: not to an SVG, a PDF or any other file opened directly, and
 * `frame-ancestors` is ignored in a <meta>. Sent as a header for every
 * response, the policy covers them all. It is the union of the pages' policies
 * (each page's hashes are allowed everywhere), plus `frame-ancestors 'none'`.
 */

/** Directive → sources, in the order first seen. */
export type Policy = Map<string, string[]>;

/** Parses a policy string (`default-src 'self'; script-src 'self' 'sha256-…'`). */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const directive = name.toLowerCase();
    policy.set(directive, [...new Set([...(policy.get(directive) ?? []), ...sources])]);
  }
  return policy;
}

/** The union of several policies; hashes are sorted so the result does not depend on page order. */
export function mergePolicies(policies: Iterable<Policy>): Policy {
  const merged: Policy = new Map();
  for (const policy of policies) {
    for (const [directive, sources] of policy) merged.set(directive, [...new Set([...(merged.get(directive) ?? []), ...sources])]);
  }
  for (const [directive, sources] of merged) {
    const plain = sources.filter((source) => !/^'sha\d+-/.test(source));
    const hashes = sources.filter((source) => /^'sha\d+-/.test(source)).sort();
    merged.set(directive, [...plain, ...hashes]);
  }
  return merged;
}

export const formatPolicy = (policy: Policy): string =>
  [...policy].map(([directive, sources]) => [directive, ...sources].join(' ')).join('; ');

/** The Content Security Policy of a page's <meta> tag, or null. */
export function metaPolicy(html: string): string | null {
  const tag = /<meta\s+http-equiv=["']content-security-policy["']\s+content=(["'])([\s\S]*?)\1/i.exec(html);
  return tag ? (tag[2] ?? null) : null;
}

/** Headers for every path of the site. */
export function headersFile(policy: Policy): string {
  const withFrames: Policy = new Map([...policy, ['frame-ancestors', ["'none'"]]]);
  return [
    "# Written by the build (src/security/headers.ts) from the pages' own policies. Netlify and Cloudflare Pages read this file.",
    '/*',
    `  Content-Security-Policy: ${formatPolicy(withFrames)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
