/**
 * Routes of the site that do not come from a single content entry. Content
 * may link to these; anything else must resolve to an entry.
 */
export const STATIC_ROUTES = [
  '/',
  '/notes/',
  '/themes/',
  '/plays/',
  '/plays/compose/',
  '/glossary/',
  '/timeline/',
  '/sources/',
  '/tags/',
  '/paths/',
  '/search/',
  '/map/',
  '/rss.xml',
] as const;

/**
 * Routes under which the site generates pages of its own (filtered views of
 * the plays): no entry may take them, and content links to them are not checked.
 */
export const RESERVED_ROUTES = ['/plays/filter/'] as const;

/** Adds a trailing slash to page paths (not to files such as `/rss.xml`). */
export function normalizeRoute(pathname: string): string {
  if (pathname === '') return '/';
  const last = pathname.split('/').pop() ?? '';
  if (last.includes('.')) return pathname;
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** Joins the configured base path (e.g. `/playbook`) and a site route (e.g. `/notes/x/`). */
export function withBase(base: string, route: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${route.startsWith('/') ? route : `/${route}`}`;
}
