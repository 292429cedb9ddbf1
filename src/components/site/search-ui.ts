/**
 * The Pagefind search UI, mounted into the search dialog. This module is the expensive part of search (the
 * Pagefind UI is ~26 KB gz with its styles), so the dialog imports it only when the learner first opens search.
 */
import { PagefindUI, type PagefindResultLink } from '@pagefind/default-ui';
// As a string, not a stylesheet import: Astro would otherwise link the stylesheet from every page's head.
import searchStyles from './search-ui.css?inline';

export interface SearchUiSettings {
  /** The site's base path (`/` or `/endpoints/`), as `import.meta.env.BASE_URL` gives it. */
  readonly basePath: string;
  /** Pagefind's UI strings that the site overrides (the placeholder, in the site's language). */
  readonly translations: Record<string, string>;
  /** Starlight's `pagefind` options (ranking, indexWeight, mergeIndex), passed on unchanged. */
  readonly searchOptions: Record<string, unknown>;
  /** True when the site serves pages without a trailing slash, so result links must not end in one. */
  readonly stripTrailingSlash: boolean;
}

export interface SearchUi {
  /** The search box, to move focus into. */
  readonly input: HTMLInputElement | null;
  /** Searches for `term` as if the learner had typed it. */
  search(term: string): void;
}

/** `/endpoints` or `/endpoints/` → `/endpoints/`: Pagefind joins file names straight onto the bundle path. */
export function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** `/endpoints/nic/#ports` → `/endpoints/nic#ports`; the root `/` stays. */
export function stripTrailingSlash(url: string): string {
  return url.replace(/(.)\/(#.*)?$/, '$1$2');
}

/** Adds the search styles to the document once, before the UI first renders (so it never shows unstyled). */
function addStyles(): void {
  if (document.querySelector('style[data-search-styles]')) return;
  const style = document.createElement('style');
  style.dataset.searchStyles = '';
  style.textContent = searchStyles;
  document.head.append(style);
}

export function mountSearchUi(host: HTMLElement, settings: SearchUiSettings): SearchUi {
  addStyles();
  const base = withTrailingSlash(settings.basePath);
  const fixLinks = (result: PagefindResultLink): PagefindResultLink => {
    if (!settings.stripTrailingSlash) return result;
    result.url = stripTrailingSlash(result.url);
    for (const sub of result.sub_results) sub.url = stripTrailingSlash(sub.url);
    return result;
  };
  const ui = new PagefindUI({
    ...settings.searchOptions,
    element: host,
    bundlePath: `${base}pagefind/`,
    baseUrl: base,
    // Lessons have no thumbnails; headings inside a page are what a learner looks for.
    showImages: false,
    showSubResults: true,
    translations: settings.translations,
    processResult: fixLinks,
  });
  return {
    input: host.querySelector<HTMLInputElement>('input.pagefind-ui__search-input') ?? host.querySelector('input'),
    search: (term) => ui.triggerSearch(term),
  };
}
