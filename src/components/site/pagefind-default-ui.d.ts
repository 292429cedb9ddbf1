// @pagefind/default-ui ships no types; these are the few members the course's search dialog uses.
declare module '@pagefind/default-ui' {
  export interface PagefindResultLink {
    url: string;
    sub_results: { url: string }[];
  }

  export interface PagefindUIOptions {
    /** Where the UI mounts: a selector or the element itself. */
    element: string | HTMLElement;
    /** URL of the folder holding pagefind.js and the index, ending in `/`. */
    bundlePath: string;
    /** Prefix for result links: the site's base path. */
    baseUrl?: string;
    showImages?: boolean;
    showSubResults?: boolean;
    resetStyles?: boolean;
    translations?: Record<string, string>;
    processResult?: (result: PagefindResultLink) => PagefindResultLink | void;
    /** Anything else (ranking, indexWeight, mergeIndex) goes to the Pagefind search API unchanged. */
    [option: string]: unknown;
  }

  export class PagefindUI {
    constructor(options: PagefindUIOptions);
    /** Puts `term` in the search input and searches for it. */
    triggerSearch(term: string): void;
    destroy(): void;
  }
}
