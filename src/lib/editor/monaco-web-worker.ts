/**
 * Stands in for Monaco's `vs/internal/common/workers.js` (see monaco-workers-plugin.ts): starts a language's
 * worker through `MonacoEnvironment.getWorker` (monaco-setup.ts sets it) or the language's own factory, and
 * hands it to Monaco — the same steps as Monaco's module, without its side imports.
 */
import { editor } from 'monaco-editor/editor/editor.api';

interface WorkerOptions {
  label?: string;
  moduleId?: string;
  createWorker?: () => Worker;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

interface Environment {
  getWorker?: (workerId: string, label: string) => Worker | Promise<Worker>;
}

function startWorker(label: string, createWorker: (() => Worker) | undefined): Worker | Promise<Worker> {
  const environment = (globalThis as { MonacoEnvironment?: Environment }).MonacoEnvironment;
  if (typeof environment?.getWorker === 'function') return environment.getWorker('workerMain.js', label);
  if (createWorker) return createWorker();
  throw new Error('Monaco needs MonacoEnvironment.getWorker to start its workers.');
}

export function createWebWorker(options: WorkerOptions) {
  const worker = Promise.resolve(startWorker(options.label ?? 'monaco-editor-worker', options.createWorker)).then((started) => {
    // What Monaco's own module sends first: the worker's protocol expects it.
    started.postMessage('ignore');
    started.postMessage(options.createData);
    return started;
  });
  return editor.createWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels } as Parameters<typeof editor.createWebWorker>[0]);
}
