/**
 * Whether a page may fetch the editor ahead of the learner's click (about 2.5 MB gz, once per device), and
 * which files: pure decisions, so they are tested without a browser.
 */

/** What the browser says about the connection (the Network Information API; absent in Firefox and Safari). */
export interface ConnectionHints {
  readonly saveData?: boolean;
  /** `wifi`, `ethernet`, `cellular`, … (Chromium on Android and ChromeOS). */
  readonly type?: string;
  /** `slow-2g`, `2g`, `3g`, `4g`: Chromium's estimate from the round trips and throughput it measured. */
  readonly effectiveType?: string;
}

export type FetchAheadVerdict = { readonly fetch: true } | { readonly fetch: false; readonly reason: string };

/**
 * Fetch ahead unless the learner asked to save data, the connection is metered (a phone's mobile data), or
 * so slow that the download would crowd out the lesson itself. No hints at all (most browsers) means no
 * reason to hold back.
 */
export function fetchAheadVerdict(connection: ConnectionHints | undefined, prefersReducedData = false): FetchAheadVerdict {
  if (connection?.saveData === true || prefersReducedData) return { fetch: false, reason: 'the browser asks to save data' };
  if (connection?.type === 'cellular') return { fetch: false, reason: 'the connection is mobile data' };
  if (connection?.effectiveType === 'slow-2g' || connection?.effectiveType === '2g') {
    return { fetch: false, reason: 'the connection is too slow to fetch ahead' };
  }
  return { fetch: true };
}

/** The runtime cache the service worker keeps the editor's files in (the page looks there before fetching). */
export const EDITOR_CACHE = 'endpoints-editor';

/** The most files the editor bundle may list: a bound, since the list comes over the network. */
export const MAX_EDITOR_FILES = 64;
const SAFE_PATH = /^_astro\/[\w.-]{1,200}$/;

/**
 * The files of `editor-bundle.json`, read as untrusted: only built asset paths (`_astro/name`), at most
 * MAX_EDITOR_FILES, duplicates dropped. Anything else in the file is ignored; a file that is not the expected
 * shape gives an empty list (nothing is fetched ahead, nothing breaks).
 */
export function editorFilesFrom(json: unknown): string[] {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { files?: unknown }).files)) return [];
  const files = new Set<string>();
  for (const path of (json as { files: unknown[] }).files) {
    if (files.size >= MAX_EDITOR_FILES) break;
    if (typeof path === 'string' && SAFE_PATH.test(path) && !path.includes('..')) files.add(path);
  }
  return [...files];
}
