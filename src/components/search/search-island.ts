/**
 * The search page's island. It keeps the query and filters in the address
 * (state.ts), loads Pagefind's `pagefind.js` only when there is something to
 * search, and renders results with DOM nodes: titles and metadata as text,
 * excerpts split into text and <mark> nodes (excerpt.ts), never innerHTML.
 *
 * History: the first change after a committed search (a load, Enter, a filter,
 * the back button) pushes an entry and further typing replaces it, so Back
 * returns to the previous search rather than to every keystroke.
 */
import { excerptParts, sentenceExcerpt } from '../../search/excerpt.ts';
import { PAGE_SIZE, TYPING_DELAY, type PagefindApi, type PagefindResult, type PagefindResultData } from '../../search/pagefind-api.ts';
import { parseSearchState, sameSearch, searchFilters, serializeSearchState, type SearchState } from '../../search/state.ts';
import { el, fill } from '../../lib/dom.ts';

interface Strings {
  found: string;
  foundOne: string;
  none: string;
  corrected: string;
  correctedOne: string;
  didYouMean: string;
  inFilters: string;
  searching: string;
  unavailable: string;
  typeOne: Record<string, string>;
  themes: Record<string, string>;
  types: Record<string, string>;
}

export function mountSearch(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  const form = q<HTMLFormElement>('[data-form]');
  const input = q<HTMLInputElement>('input[name=q]');
  const typeSelect = q<HTMLSelectElement>('select[name=type]');
  const themeSelect = q<HTMLSelectElement>('select[name=theme]');
  const status = q<HTMLElement>('[data-status]');
  const empty = q<HTMLElement>('[data-empty]');
  const none = q<HTMLElement>('[data-none]');
  const clear = q<HTMLAnchorElement>('[data-clear]');
  const list = q<HTMLOListElement>('[data-results]');
  const suggestion = q<HTMLElement>('[data-suggest]');
  const more = q<HTMLButtonElement>('[data-more]');
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const bundle = root.dataset.bundle ?? '/pagefind/';
  const optionValues = (select: HTMLSelectElement) => [...select.options].map((o) => o.value).filter(Boolean);
  const allowed = { types: optionValues(typeSelect), themes: optionValues(themeSelect) };

  let state: SearchState = parseSearchState(location.search, allowed);
  /** Whether the next change of address starts a new history entry. */
  let committed = true;
  let run = 0;
  let hits: PagefindResult[] = [];
  let shown = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Loaded on first need and kept: the page costs nothing until someone searches.
  let api: Promise<PagefindApi> | undefined;
  const pagefind = () => (api ??= import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindApi>);

  /**
   * "Did you mean": the spelling code and the site's vocabulary load only
   * after a query found nothing. Resolves to the corrected query, or null.
   */
  let speller: Promise<(query: string) => string | null> | undefined;
  const correct = (query: string): Promise<string | null> => {
    speller ??= Promise.all([
      import('../../search/spelling.ts'),
      fetch(`${bundle}vocabulary.txt`).then((response) => (response.ok ? response.text() : '')),
    ]).then(([spelling, text]) => {
      const vocabulary = spelling.readVocabulary(text);
      return (typed: string) => spelling.suggestQuery(typed, vocabulary);
    });
    return speller.then(
      (suggest) => suggest(query),
      () => null,
    );
  };

  const showControls = () => {
    input.value = state.q;
    typeSelect.value = state.type ?? '';
    themeSelect.value = state.theme ?? '';
  };

  const writeAddress = (mode: 'push' | 'replace') => {
    const address = `${location.pathname}${serializeSearchState(state)}`;
    if (address === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', address);
    else history.replaceState(null, '', address);
  };

  const filterLabel = () => {
    const names = [state.type && strings.types[state.type], state.theme && strings.themes[state.theme]].filter(Boolean);
    return names.length > 0 ? fill(strings.inFilters, { filters: names.join(', ') }) : '';
  };

  const reset = () => {
    hits = [];
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    none.hidden = true;
    suggestion.hidden = true;
  };

  /** "Did you mean <a>schwerpunkt</a>?": the link searches for it as if typed. */
  const offer = (corrected: string) => {
    const [before = '', after = ''] = strings.didYouMean.split('{suggestion}');
    const link = el('a', corrected);
    link.href = `${location.pathname}${serializeSearchState({ ...state, q: corrected })}`;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      input.value = corrected;
      update('commit');
      input.focus();
    });
    suggestion.replaceChildren(before, link, after);
    suggestion.hidden = false;
  };

  const renderResult = (data: PagefindResultData): HTMLLIElement => {
    const item = el('li', undefined, 'result');
    const heading = el('h2');
    const link = el('a', data.meta.title ?? data.url);
    link.href = data.url;
    heading.append(link);
    const meta = el('p', undefined, 'meta');
    const type = data.meta.type ?? data.filters.type?.[0];
    if (type) meta.append(el('span', strings.typeOne[type] ?? type));
    const themes = (data.filters.theme ?? []).map((theme) => strings.themes[theme] ?? theme);
    if (themes.length > 0) meta.append(el('span', themes.join(', ')));
    const excerpt = el('p', undefined, 'excerpt');
    const parts =
      data.content && data.locations
        ? sentenceExcerpt({
            content: data.content,
            locations: data.locations,
            weighted_locations: data.weighted_locations,
            anchors: data.anchors,
            title: data.meta.title,
          })
        : excerptParts(data.excerpt);
    for (const part of parts) excerpt.append(part.marked ? el('mark', part.text) : document.createTextNode(part.text));
    item.append(heading, meta, excerpt);
    return item;
  };

  /** Loads and shows the next page of results; returns the first new link, for focus. */
  const showMore = async (id: number): Promise<HTMLAnchorElement | null> => {
    const page = await Promise.all(hits.slice(shown, shown + PAGE_SIZE).map((hit) => hit.data()));
    if (id !== run) return null;
    const items = page.map(renderResult);
    list.append(...items);
    shown += page.length;
    more.hidden = shown >= hits.length;
    return items[0]?.querySelector('a') ?? null;
  };

  const search = async () => {
    const id = ++run;
    clearTimeout(timer);
    empty.hidden = state.q !== '';
    if (!state.q) {
      reset();
      status.textContent = '';
      list.removeAttribute('aria-busy');
      return;
    }
    if (shown === 0) status.textContent = strings.searching;
    list.setAttribute('aria-busy', 'true');
    try {
      const pf = await pagefind();
      const response = await pf.search(state.q, { filters: searchFilters(state) });
      if (id !== run) return;
      let results = response.results;
      let corrected: string | null = null;
      if (results.length === 0) {
        // Nothing found: perhaps a typo. Search for the nearest known words instead.
        corrected = await correct(state.q);
        if (id !== run) return;
        if (corrected) {
          results = (await pf.search(corrected, { filters: searchFilters(state) })).results;
          if (id !== run) return;
          if (results.length === 0) corrected = null;
        }
      }
      reset();
      hits = results;
      await showMore(id);
      if (id !== run) return;
      const values = { count: String(hits.length), query: state.q, filters: filterLabel(), suggestion: corrected ?? '' };
      if (corrected) {
        status.textContent = fill(hits.length === 1 ? strings.correctedOne : strings.corrected, values);
        offer(corrected);
      } else status.textContent = fill(hits.length === 0 ? strings.none : hits.length === 1 ? strings.foundOne : strings.found, values);
      none.hidden = hits.length > 0;
      clear.hidden = !state.type && !state.theme;
      clear.href = `${location.pathname}${serializeSearchState({ q: state.q, type: null, theme: null })}`;
    } catch (error) {
      if (id !== run) return;
      reset();
      status.textContent = strings.unavailable;
      // Kept for whoever opens the console; the page itself says what happened.
      console.warn('search: Pagefind did not load or failed', error);
    } finally {
      if (id === run) list.removeAttribute('aria-busy');
    }
  };

  /**
   * Applies the form to the state and the address. Typing searches once it
   * pauses; a commit (Enter, a filter) searches at once. Either way a search
   * still under way is dropped, so older results never replace newer ones.
   */
  const update = (how: 'type' | 'commit') => {
    const next: SearchState = { q: input.value.trim(), type: typeSelect.value || null, theme: themeSelect.value || null };
    if (sameSearch(next, state) && how === 'type') return;
    state = next;
    writeAddress(committed || how === 'commit' ? 'push' : 'replace');
    committed = how === 'commit';
    clearTimeout(timer);
    run += 1;
    if (how === 'type' && state.q) {
      void pagefind().then(
        (pf) => pf.preload(state.q, { filters: searchFilters(state) }),
        () => undefined,
      );
      timer = setTimeout(() => void search(), TYPING_DELAY);
    } else void search();
  };

  input.addEventListener('input', () => update('type'));
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) update('commit');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update('commit');
  });
  more.addEventListener('click', () => {
    void showMore(run).then((link) => link?.focus());
  });
  window.addEventListener('popstate', () => {
    const next = parseSearchState(location.search, allowed);
    // Following an in-page link (the skip link) also fires popstate; the search is unchanged then.
    if (sameSearch(next, state)) return;
    state = next;
    committed = true;
    showControls();
    void search();
  });

  showControls();
  q<HTMLElement>('[data-app]').hidden = false;
  void search();
}
