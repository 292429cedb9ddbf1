/**
 * Taking in many hand-ins at once — a folder of files from an LMS, a box of pasted codes — without freezing
 * the page: one hand-in at a time, the page given back its turn whenever a slice of work has run long, each
 * hand-in read or refused on its own so a bad one never stops the rest. A file past the size limit is
 * refused from its size alone, before a byte of it is read.
 */
import type { Course } from './catalog';
import { HAND_IN_CODE, HAND_IN_LIMITS, decodeHandInCode, readHandInText, type ReadHandIn, type RefusalKind } from './hand-in';
import { amount } from './read';

export type Source =
  | { kind: 'file'; name: string; size: number; read(): Promise<string> }
  | { kind: 'code'; label: string; text: string };

export interface Accepted extends ReadHandIn {
  /** Its position in the intake: stable, so results can find it. */
  index: number;
  /** "ada.endpoints.json", "pasted code 3". */
  source: string;
}

export interface Refused {
  source: string;
  kind: RefusalKind;
  reason: string;
}

export type IntakeResult = { ok: true; accepted: Accepted } | { ok: false; refused: Refused };

/** Where each code in a pasted text starts: `EPH1.`, `EPA1.` (codes of any kind, so a wrong one is named). */
const CODE_START = /EP[A-Z]\d{1,3}\./g;

/**
 * The codes in a pasted text, each with its label. Codes may be separated by anything (spaces, new lines,
 * commas) and may themselves be wrapped over lines. Text that is not a code is reported once, not dropped
 * silently. Found by a native scan, not by splitting the text: 50 MB of paste costs one pass.
 */
export function codesIn(text: string): Source[] {
  const sources: Source[] = [];
  const starts: number[] = [];
  CODE_START.lastIndex = 0;
  for (let match = CODE_START.exec(text); match; match = CODE_START.exec(text)) starts.push(match.index);
  const before = text.slice(0, starts[0] ?? text.length).trim();
  if (before) {
    // A hand-in file's JSON pasted into the box is read as a file.
    if (before.startsWith('{')) sources.push({ kind: 'file', name: 'pasted text', size: before.length, read: () => Promise.resolve(before) });
    else sources.push({ kind: 'code', label: 'pasted text before the first code', text: before.slice(0, 200) });
  }
  starts.forEach((start, i) => {
    sources.push({ kind: 'code', label: `pasted code ${i + 1}`, text: text.slice(start, starts[i + 1] ?? text.length).replace(/[\s,;]+$/, '') });
  });
  return sources;
}

export async function readSource(source: Source, course: Course): Promise<{ source: string } & ({ ok: true; read: ReadHandIn } | { ok: false; kind: RefusalKind; reason: string })> {
  if (source.kind === 'file') {
    if (source.size > HAND_IN_LIMITS.fileBytes) {
      return { source: source.name, ok: false, kind: 'huge', reason: `is ${(source.size / 1e6).toFixed(1)} MB; a hand-in file is at most ${HAND_IN_LIMITS.fileBytes / 1e6} MB (a real one is a few kilobytes)` };
    }
    let text: string;
    try {
      text = await source.read();
    } catch (error) {
      return { source: source.name, ok: false, kind: 'malformed', reason: `could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
    const read = readHandInText(text, course);
    return read.ok ? { source: source.name, ok: true, read } : { source: source.name, ...read };
  }
  if (!/^EP[A-Z]\d/.test(source.text)) {
    return { source: source.label, ok: false, kind: 'not-a-hand-in', reason: `is not a hand-in code (codes start with ${HAND_IN_CODE.prefix}${HAND_IN_CODE.version}.)` };
  }
  const read = await decodeHandInCode(source.text, course);
  return read.ok ? { source: source.label, ok: true, read } : { source: source.label, ...read };
}

export interface IntakeOptions {
  /** Gives the page its turn (a macrotask in the browser). */
  pause(): Promise<void>;
  /** Longest slice of work between two pauses, in ms. */
  sliceMs?: number;
  now?: () => number;
  signal?: AbortSignal;
  onResult(result: IntakeResult): void;
}

/** Reads every source in order, `onResult` for each, pausing between slices. Never throws for a bad hand-in. */
export async function takeIn(sources: Iterable<Source>, course: Course, options: IntakeOptions, firstIndex = 0): Promise<{ accepted: number; refused: number }> {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 8;
  let sliceStart = now();
  let index = firstIndex;
  let accepted = 0;
  let refused = 0;
  for (const source of sources) {
    if (options.signal?.aborted) break;
    const result = await readSource(source, course).catch((error: unknown) => ({
      source: source.kind === 'file' ? source.name : source.label,
      ok: false as const,
      kind: 'malformed' as const,
      reason: `could not be read (${error instanceof Error ? error.message : String(error)})`,
    }));
    if (result.ok) {
      accepted++;
      options.onResult({ ok: true, accepted: { ...result.read, index: index++, source: result.source } });
    } else {
      refused++;
      options.onResult({ ok: false, refused: { source: result.source, kind: result.kind, reason: result.reason } });
    }
    if (now() - sliceStart >= sliceMs) {
      await options.pause();
      sliceStart = now();
    }
  }
  return { accepted, refused };
}

/** "3 hand-ins read, 1 not read (the list below says why)."; with `when`: "… read this time, …", no pointer to the list. */
export function intakeSummary(accepted: number, refused: number, when?: string): string {
  const read = `${amount(accepted)} hand-in${accepted === 1 ? '' : 's'} read${when ? ` ${when}` : ''}`;
  if (refused === 0) return `${read}.`;
  return when ? `${read}, ${amount(refused)} not read.` : `${read}, ${amount(refused)} not read (the list below says why).`;
}
