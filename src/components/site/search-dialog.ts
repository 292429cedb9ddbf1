/**
 * The header's search: a button and a modal dialog. Only this small controller ships with every page; the
 * Pagefind UI (./search-ui) is fetched the first time the learner opens search — by the button, Ctrl/Cmd+K or
 * "/" — never at idle, so a lesson page stays within its JavaScript budget until the learner asks for search.
 */
import { isEditableEvent } from './editable-target';
import type { SearchUi, SearchUiSettings } from './search-ui';

type Phase = 'unloaded' | 'loading' | 'ready' | 'failed';

const LOAD_FAILED = 'Search could not be loaded. Check your connection, then close and open search again.';

function isSearchShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

function parseJson<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

export class SiteSearch extends HTMLElement {
  #phase: Phase = 'unloaded';
  #ui: SearchUi | null = null;
  /** Characters typed while the UI was loading, handed to the search box once it exists. */
  #typedWhileLoading = '';
  #abort = new AbortController();

  connectedCallback(): void {
    const openButton = this.querySelector<HTMLButtonElement>('[data-search-open]');
    const dialog = this.querySelector('dialog');
    const closeButton = this.querySelector<HTMLButtonElement>('[data-search-close]');
    if (!openButton || !dialog || !closeButton) return;
    const signal = (this.#abort = new AbortController()).signal;

    openButton.addEventListener('click', () => this.open(), { signal });
    closeButton.addEventListener('click', () => dialog.close(), { signal });
    dialog.addEventListener(
      'click',
      (event) => {
        // A click on the backdrop targets the dialog itself (its frame fills it); a result link may point into
        // the current page, where no navigation would take the dialog away.
        const target = event.target as Element;
        if (target === dialog || target.closest('a[href]')) dialog.close();
      },
      { signal },
    );
    dialog.addEventListener('keydown', (event) => this.#rememberTyping(event), { signal });
    dialog.addEventListener(
      'close',
      () => {
        document.body.removeAttribute('data-search-open');
        openButton.focus();
      },
      { signal },
    );
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.isComposing || event.defaultPrevented) return;
        if (isSearchShortcut(event)) {
          event.preventDefault();
          if (dialog.open) dialog.close();
          else this.open();
        } else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !dialog.open && !isEditableEvent(event)) {
          event.preventDefault();
          this.open();
        }
      },
      { signal },
    );
    openButton.disabled = false;
  }

  disconnectedCallback(): void {
    this.#abort.abort();
  }

  /** Opens the dialog; the first time, also starts loading the Pagefind UI into it. */
  open(): void {
    const dialog = this.querySelector('dialog');
    if (!dialog || dialog.open) return;
    dialog.showModal();
    document.body.setAttribute('data-search-open', '');
    if (this.dataset.dev !== undefined) return; // `astro dev` builds no index: the dialog says so.
    if (this.#phase === 'ready') {
      this.#ui?.input?.focus();
      return;
    }
    if (this.#phase !== 'loading') void this.#load(); // shows the status line before its first await
    // Until the search box exists, focus the status line so a screen reader announces "Loading search…".
    this.#status()?.focus();
  }

  async #load(): Promise<void> {
    const host = this.querySelector<HTMLElement>('[data-search-host]');
    if (!host) return;
    this.#show('loading');
    try {
      const { mountSearchUi } = await import('./search-ui');
      this.#ui = mountSearchUi(host, this.#settings());
    } catch (error) {
      console.warn('Endpoints search: the search UI did not load', error);
      this.#show('failed');
      return;
    }
    this.#show('ready');
    const dialog = this.querySelector('dialog');
    if (!dialog?.open) return;
    if (this.#typedWhileLoading) this.#ui.search(this.#typedWhileLoading);
    this.#typedWhileLoading = '';
    this.#ui.input?.focus();
  }

  #settings(): SearchUiSettings {
    return {
      basePath: import.meta.env.BASE_URL,
      translations: parseJson(this.dataset.translations, {}),
      searchOptions: parseJson(this.dataset.searchOptions, {}),
      stripTrailingSlash: this.dataset.stripTrailingSlash !== undefined,
    };
  }

  #rememberTyping(event: KeyboardEvent): void {
    if (this.#phase !== 'loading' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length === 1) this.#typedWhileLoading += event.key;
    else if (event.key === 'Backspace') this.#typedWhileLoading = this.#typedWhileLoading.slice(0, -1);
  }

  #status(): HTMLElement | null {
    return this.querySelector<HTMLElement>('[data-search-status]');
  }

  #show(phase: Phase): void {
    this.#phase = phase;
    const status = this.#status();
    if (!status) return;
    status.hidden = phase === 'ready';
    if (phase === 'failed') status.textContent = LOAD_FAILED;
    if (phase === 'loading') status.textContent = status.dataset.loadingText ?? 'Loading search…';
    // After a failure, the next open tries again.
    if (phase === 'failed') this.#phase = 'unloaded';
  }
}

if (!customElements.get('site-search-dialog')) customElements.define('site-search-dialog', SiteSearch);
