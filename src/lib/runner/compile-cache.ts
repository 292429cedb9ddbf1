/**
 * Compiled programs kept for the life of one runner realm, keyed by file name and source text.
 *
 * A grading runs the same programs under several seeds, and the exercise's drivers are the same on every
 * run: compiling (sucrase) and evaluating (importScripts) each of them again per run was most of a run's
 * cost in a fresh realm. A program's compiled function holds no state of its own — each call is a new
 * activation with its own top-level bindings — so calling it again is the same as evaluating it again.
 * The cache lives in the worker's closure: no program can reach it.
 */
import type { TranspileResult } from './transpile';

export interface CompiledEntry {
  result: TranspileResult;
  /** The evaluated program (a function), or the engine's error when evaluating it threw. */
  evaluated?: { ok: true; start: unknown } | { ok: false; error: unknown };
}

/** Enough for an exercise's programs under every seed and the reference solution's warm-up run. */
const MAX_ENTRIES = 24;

export class CompileCache {
  readonly #entries = new Map<string, CompiledEntry>();
  /** Per file, the key of the draft compiled ahead (see ahead()). */
  readonly #ahead = new Map<string, string>();

  /** The entry for this program, made with `compile` when it is not kept yet. */
  entry(file: string, source: string, compile: () => TranspileResult): CompiledEntry {
    const key = `${file}\u0000${source}`;
    const kept = this.#entries.get(key);
    if (kept) {
      // Most recently used last: the oldest entry is the first to go.
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return kept;
    }
    const made: CompiledEntry = { result: compile() };
    this.#entries.set(key, made);
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    return made;
  }

  /**
   * The entry for a draft compiled ahead of its run. Only the latest draft of each file is kept this way: a
   * learner pausing thirty times while typing does not push the drivers out.
   */
  ahead(file: string, source: string, compile: () => TranspileResult): CompiledEntry {
    const key = `${file}\u0000${source}`;
    const before = this.#ahead.get(file);
    if (before !== undefined && before !== key) this.#entries.delete(before);
    this.#ahead.set(file, key);
    return this.entry(file, source, compile);
  }

  get size(): number {
    return this.#entries.size;
  }
}
