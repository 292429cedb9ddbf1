/**
 * A small kit for reading untrusted JSON (localStorage, an imported file) into a typed value, field by field,
 * with bounds, and for merging two valid values into a valid one. `record.ts` declares the progress record
 * with it; nothing else in the page reads stored progress.
 *
 * Reading salvages what it can and sets aside the rest: a field that is out of bounds falls back to its
 * default (or is left out when optional), a map entry with a bad name or value is left out, an unknown field
 * is dropped unread; each of these is reported as a Problem in the learner's words. Reading never goes deeper
 * than the declared shape, so a value nested 10,000 levels deep in an unknown field costs one look.
 */

/** One thing that was not used, in the learner's words: where it was and what was wrong with it. */
export interface Problem {
  /** "exercise “echo-server”"; empty for the record itself. */
  where: string;
  /** "hints opened is 1e+308, not a whole number from 0 to 3". */
  what: string;
}

/** Kinds of names whose valid values the page may know (the course's exercise ids). */
export type NameKind = 'exercise';

export interface ReadContext {
  /** The names the course knows, when the page knows them; otherwise only the name's pattern applies. */
  readonly known: Partial<Record<NameKind, ReadonlySet<string>>>;
  report(problem: Problem): void;
}

export interface MergeContext {
  /** The other record was changed after this one: its drafts win. */
  readonly theirsNewer: boolean;
  /** An incoming part that was not merged because a bound would be exceeded; `kind`: the map's kind of names. */
  skipped(problem: Problem, kind?: NameKind): void;
}

export type Read<T> = { ok: true; value: T } | { ok: false; what: string };

export interface Field<T> {
  /** Checks an untrusted value. A failure's `what` is a predicate: "is 1e+308, not …". */
  read(raw: unknown, where: string, context: ReadContext): Read<T>;
  /** Combines two valid values into one that is valid too (it never leaves the field's bounds). */
  merge(mine: T, theirs: T, where: string, context: MergeContext): T;
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(what: string): Read<T> => ({ ok: false, what });

export const within = (where: string, part: string): string => (where ? `${where}, ${part}` : part);

/** A number with thousands separators, as the learner reads it. */
export const amount = (n: number): string => n.toLocaleString('en-US');

/** A short, safe description of any value: never its whole text, never a walk into it. */
export function describe(raw: unknown): string {
  if (raw === null) return 'empty (null)';
  if (typeof raw === 'number') return String(raw);
  if (typeof raw === 'string') return raw.length <= 40 && /^[\x20-\x7e]*$/.test(raw) ? JSON.stringify(raw) : `a text of ${amount(raw.length)} characters`;
  if (typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object') return 'a group of fields';
  return typeof raw;
}

/** A name as the learner reads it: quoted when short and plain, else its length only. */
export function displayName(name: string): string {
  return name.length <= 60 && /^[\x20-\x7e]*$/.test(name) ? `“${name}”` : `a name of ${amount(name.length)} characters`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property lookup: `constructor` or `__proto__` never reach the prototype. */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Names that would change an object's prototype or shadow its methods, refused whatever the pattern says. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

// ---------------------------------------------------------------------------------------------- scalars

/** A whole number from 0 to `max`; merging keeps the larger. */
export function count(max: number): Field<number> {
  return {
    read: (raw) =>
      typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= max
        ? ok(raw)
        : fail(`is ${describe(raw)}, not a whole number from 0 to ${amount(max)}`),
    merge: (mine, theirs) => Math.min(Math.max(mine, theirs), max),
  };
}

/**
 * Times a record may mention. Fixed, not taken from this computer's clock: a school computer whose clock is
 * years off must neither lose the learner's progress nor refuse to save it.
 */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
export const LATEST_TIME = Date.UTC(2200, 0, 1);
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;

/** An ISO time (`2026-11-25T09:00:00.000Z`) from 2000 to 2200; merging keeps the earliest or the latest. */
export function time(keep: 'earliest' | 'latest'): Field<string> {
  return {
    read(raw) {
      const at = typeof raw === 'string' && raw.length <= 30 && ISO_TIME.test(raw) ? Date.parse(raw) : NaN;
      if (!Number.isFinite(at)) return fail(`is ${describe(raw)}, not a date and time`);
      if (at < EARLIEST_TIME || at >= LATEST_TIME) return fail(`is ${raw as string}, not a time between the years 2000 and 2200`);
      return ok(new Date(at).toISOString());
    },
    merge: (mine, theirs) => ((keep === 'earliest' ? theirs < mine : theirs > mine) ? theirs : mine),
  };
}

/** A text of at most `maxLength` characters; merging keeps the text of the record changed last. */
export function text(maxLength: number): Field<string> {
  return {
    read: (raw) => {
      if (typeof raw !== 'string') return fail(`is ${describe(raw)}, not a text`);
      if (raw.length > maxLength) return fail(`has ${amount(raw.length)} characters; at most ${amount(maxLength)} are kept`);
      return ok(raw);
    },
    merge: (mine, theirs, _where, context) => (context.theirsNewer ? theirs : mine),
  };
}

/** Exactly `value` (the record's version). */
export function literal<T extends string | number | boolean>(value: T): Field<T> {
  return {
    read: (raw) => (raw === value ? ok(value) : fail(`is ${describe(raw)}, not ${JSON.stringify(value)}`)),
    merge: (mine) => mine,
  };
}

/** One of a few words (an outcome, a choice); merging keeps the record changed last. */
export function oneOf<const T extends readonly string[]>(values: T): Field<T[number]> {
  return {
    read: (raw) => (typeof raw === 'string' && (values as readonly string[]).includes(raw) ? ok(raw as T[number]) : fail(`is ${describe(raw)}, not one of ${values.join(', ')}`)),
    merge: (mine, theirs, _where, context) => (context.theirsNewer ? theirs : mine),
  };
}

/** Yes or no; merging keeps yes (a box once ticked stays ticked). */
export function flag(): Field<boolean> {
  return {
    read: (raw) => (typeof raw === 'boolean' ? ok(raw) : fail(`is ${describe(raw)}, not true or false`)),
    merge: (mine, theirs) => mine || theirs,
  };
}

/**
 * A value that is kept whole, never mixed with another: merging keeps the one whose `at` is later. For a
 * record of one moment (a run's results, the code a reset replaced), where parts of two would describe neither.
 */
export function newest<T extends { at: string }>(field: Field<T>): Field<T> {
  return { read: (raw, where, context) => field.read(raw, where, context), merge: (mine, theirs) => (theirs.at > mine.at ? theirs : mine) };
}

/**
 * A value that merges as one piece: `keep` picks mine or theirs whole. For a group of fields that only make sense
 * together (an answer and whether it was right), which merging field by field could mix into a pair that never
 * existed.
 */
export function whole<T>(field: Field<T>, keep: (mine: T, theirs: T, context: MergeContext) => 'mine' | 'theirs'): Field<T> {
  return {
    read: (raw, where, context) => field.read(raw, where, context),
    merge: (mine, theirs, _where, context) => (keep(mine, theirs, context) === 'theirs' ? theirs : mine),
  };
}

// ---------------------------------------------------------------------------------------------- maps

export interface NameRule {
  /** What the name stands for, given the name as `displayName` shows it: `(shown) => \`exercise ${shown}\``. */
  label: (shown: string) => string;
  /** Names must match this (and be at most `maxLength` long). */
  pattern: RegExp;
  maxLength: number;
  /** When the page knows the valid names of this kind, a name must be one of them. */
  kind?: NameKind;
  /** Says why a name the course does not know is refused: "is not an exercise of this course". */
  unknown?: string;
}

export interface MapOptions<T> {
  name: NameRule;
  value: Field<T>;
  maxEntries: number;
  /** Most characters all entries may take as JSON; later entries past it are set aside. */
  maxChars?: number;
  /** "exercises", "files": used in the sentence when there are too many. */
  noun: string;
}

/**
 * Characters a valid value takes in the stored JSON (a text with its escapes, so a draft full of control
 * characters counts six per character). Reading and merging measure alike, so a merge never makes a record
 * that reading would cut. Only ever given values that were read already, so its depth is the declared shape's.
 */
export function sizeOf(value: unknown): number {
  if (typeof value === 'string') return JSON.stringify(value).length;
  if (typeof value !== 'object' || value === null) return 8;
  let size = 2;
  for (const [name, inner] of Object.entries(value)) size += name.length + 4 + sizeOf(inner);
  return size;
}

const entryChars = (name: string, value: unknown): number => name.length + 4 + sizeOf(value);

/**
 * Name → value. Entries are read one by one: a bad name or value sets that entry aside and keeps the others.
 * Merging adds the other side's entries and merges shared ones, skipping (and reporting) what would exceed
 * the entry or size bound, so the result always reads back whole.
 */
export function map<T>(options: MapOptions<T>): Field<Record<string, T>> {
  const { name: rule, value: field, maxEntries, maxChars = Infinity, noun } = options;

  const nameProblem = (name: string, context: ReadContext): string | undefined => {
    if (name.length > rule.maxLength || RESERVED_NAMES.has(name) || !rule.pattern.test(name)) return 'is not a valid name';
    const known = rule.kind ? context.known[rule.kind] : undefined;
    if (known && !known.has(name)) return rule.unknown ?? 'is not known to this course';
    return undefined;
  };

  return {
    read(raw, where, context) {
      if (!isObject(raw)) return fail(`is ${describe(raw)}, not a group of ${noun}`);
      const out: Record<string, T> = {};
      let entries = 0;
      let chars = 0;
      let overflow = 0;
      for (const name of Object.keys(raw)) {
        const label = rule.label(displayName(name));
        const problem = nameProblem(name, context);
        if (problem) {
          context.report({ where, what: `${label} ${problem}, so it was left out` });
          continue;
        }
        const read = field.read(raw[name], within(where, label), context);
        if (!read.ok) {
          context.report({ where, what: `${label} ${read.what}, so it was left out` });
          continue;
        }
        const size = maxChars === Infinity ? 0 : entryChars(name, read.value);
        if (entries >= maxEntries || chars + size > maxChars) {
          overflow++;
          continue;
        }
        entries++;
        chars += size;
        out[name] = read.value;
      }
      if (overflow > 0) {
        const limit = entries >= maxEntries ? `at most ${amount(maxEntries)} ${noun}` : `at most ${amount(maxChars)} characters of ${noun}`;
        context.report({ where, what: `${amount(overflow)} more ${noun} were left out: progress keeps ${limit}` });
      }
      return ok(out);
    },
    merge(mine, theirs, where, context) {
      const out: Record<string, T> = { ...mine };
      let entries = Object.keys(out).length;
      const measure = (name: string, value: T) => (maxChars === Infinity ? 0 : entryChars(name, value));
      let chars = Object.entries(out).reduce((sum, [name, value]) => sum + measure(name, value), 0);
      for (const [name, incoming] of Object.entries(theirs)) {
        const label = rule.label(displayName(name));
        const current = own(out, name);
        const next = current === undefined ? incoming : field.merge(current, incoming, within(where, label), context);
        const grows = measure(name, next) - (current === undefined ? 0 : measure(name, current));
        if ((current === undefined && entries >= maxEntries) || chars + grows > maxChars) {
          const limit = current === undefined && entries >= maxEntries ? `at most ${amount(maxEntries)} ${noun}` : `at most ${amount(maxChars)} characters of ${noun}`;
          context.skipped({ where, what: `${label} was not merged: progress keeps ${limit}` }, rule.kind);
          continue;
        }
        if (current === undefined) entries++;
        chars += grows;
        out[name] = next;
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------- objects

/** A field of an object: its label for the learner, and what to use when it is absent or unusable. */
export interface Member<T, Optional extends boolean = boolean> {
  label: string;
  field: Field<T>;
  optional: Optional;
  fallback?: () => T;
}

/** A field that is always there: when absent or out of bounds, `fallback()` is used (and the value set aside). */
export function member<T>(label: string, field: Field<T>, fallback: () => NoInfer<T>): Member<T, false> {
  return { label, field, optional: false, fallback };
}

/** A field that may be absent: when out of bounds, it is left out (and the value set aside). */
export function optional<T>(label: string, field: Field<T>): Member<T, true> {
  return { label, field, optional: true };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Members = Record<string, Member<any>>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The value an object of these members reads as: fields with a fallback always there, optional ones maybe. */
export type ObjectOf<M extends Members> = Simplify<
  { [K in keyof M as M[K] extends Member<unknown, false> ? K : never]: M[K] extends Member<infer T, false> ? T : never } & {
    [K in keyof M as M[K] extends Member<unknown, false> ? never : K]?: M[K] extends Member<infer T> ? T : never;
  }
>;

/**
 * A group of named fields. Unknown fields are dropped unread (and reported); a field that cannot be used falls
 * back as its member says; the object itself fails only when it is not an object at all.
 */
export function object<M extends Members>(members: M): Field<ObjectOf<M>> & { members: M } {
  const names = Object.keys(members);
  return {
    members,
    read(raw, where, context) {
      if (!isObject(raw)) return fail(`is ${describe(raw)}, not a group of fields`);
      const out: Record<string, unknown> = {};
      for (const name of names) {
        const { label, field, fallback } = members[name]!;
        if (Object.hasOwn(raw, name)) {
          // Problems inside a member are about the object itself (`exercise “x”: file “a.ts” …`).
          const read = field.read(raw[name], where, context);
          if (read.ok) {
            out[name] = read.value;
            continue;
          }
          context.report({ where, what: `${label} ${read.what}${fallback ? '' : ', so it was left out'}` });
        }
        if (fallback) out[name] = fallback();
      }
      let unknown = 0;
      for (const name of Object.keys(raw)) {
        if (Object.hasOwn(members, name)) continue;
        if (unknown++ < 3) context.report({ where, what: `${displayName(name)} is not something the course saves, so it was left out` });
      }
      if (unknown > 3) context.report({ where, what: `${amount(unknown - 3)} more unknown fields were left out` });
      return ok(out as ObjectOf<M>);
    },
    merge(mine, theirs, where, context) {
      const out: Record<string, unknown> = {};
      const a = mine as Record<string, unknown>;
      const b = theirs as Record<string, unknown>;
      for (const name of names) {
        const { field } = members[name]!;
        const hasA = Object.hasOwn(a, name) && a[name] !== undefined;
        const hasB = Object.hasOwn(b, name) && b[name] !== undefined;
        if (hasA && hasB) out[name] = field.merge(a[name], b[name], where, context);
        else if (hasA) out[name] = a[name];
        else if (hasB) out[name] = b[name];
      }
      return out as ObjectOf<M>;
    },
  };
}
