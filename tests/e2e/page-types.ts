/** The fixture site's page types (tests/fixtures/site), one route each, for the browser tests. */

/** Every page type of the site. */
export const PAGE_TYPES: Record<string, string> = {
  home: '/',
  'notes index': '/notes/',
  note: '/notes/alpha-note/',
  'plain-Markdown note': '/notes/beta-note/',
  theme: '/themes/customer-obsession/',
  'themes index': '/themes/',
  tag: '/tags/trust/',
  'tags index': '/tags/',
  source: '/sources/fixture-text/',
  'sources index': '/sources/',
  glossary: '/glossary/',
  timeline: '/timeline/',
  'reading path': '/paths/fixture-path/',
  'concept map': '/map/',
  'theme book': '/themes/customer-obsession/book/',
  plays: '/plays/',
  'filtered plays': '/plays/filter/cheng-chi/any-length/any-size/',
  play: '/plays/fixture-play/',
  worksheet: '/plays/fixture-play/worksheet/',
  composer: '/plays/compose/?plays=fixture-play&start=09:30',
  search: '/search/?q=customers',
  '404': '/404.html',
};

/** The page types the responsive test opens at every width and scheme. */
export const RESPONSIVE_PAGES: Record<string, string> = {
  home: '/',
  note: '/notes/alpha-note/',
  theme: '/themes/customer-obsession/',
  'theme book': '/themes/customer-obsession/book/',
  play: '/plays/fixture-play/',
  'play run': '/plays/fixture-play/run/',
  composer: '/plays/compose/?plays=fixture-play&start=09:30',
  search: '/search/?q=customers',
  map: '/map/',
  timeline: '/timeline/',
  glossary: '/glossary/',
  tag: '/tags/trust/',
  'reading path': '/paths/fixture-path/',
  'reading paths': '/paths/',
  sources: '/sources/',
  '404': '/404.html',
};
