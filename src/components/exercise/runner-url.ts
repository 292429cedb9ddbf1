/**
 * The URL of the built runner worker (src/lib/runner/worker-entry.ts, bundled by Vite as one classic
 * script). The page fetches it as text and hands it to the sandbox frame, which starts it from a blob URL.
 */
const builds = import.meta.glob<string>('../../lib/runner/worker-entry.ts', {
  query: '?worker&url',
  import: 'default',
  eager: true,
});

export function runnerWorkerUrl(): string {
  const url = Object.values(builds)[0];
  if (!url) throw new Error('this build has no runner: src/lib/runner/worker-entry.ts is missing');
  return url;
}
