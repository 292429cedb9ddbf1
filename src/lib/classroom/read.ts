/**
 * Reading untrusted JSON (an assignment link, a hand-in) field by field: every text bounded, every time in
 * range, every list checked for length before it is walked. Nothing here recurses into unread data.
 */

// Formatters made once: a toLocale…String call builds one each time, which a gradebook of 1,000 rows cannot afford.
const AMOUNT = new Intl.NumberFormat('en-US');
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const NAMES = new Intl.Collator('en');

export const amount = (n: number): string => AMOUNT.format(n);

/** "3 Dec", in this computer's time zone. */
export const shortDay = (time: string): string => SHORT_DAY.format(new Date(time));

/** Compares names as people sort them. */
export const compareNames = (a: string, b: string): number => NAMES.compare(a, b);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property only: `__proto__`, `constructor` never reach a prototype. */
export function own(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

// Control characters and the bidirectional overrides that could make a name read as something else.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A one-line text a person typed (a name, a title): unsafe characters become spaces, runs of space one. */
export function cleanLine(raw: string): string {
  return raw.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** A text of several lines (a note): line breaks kept, other unsafe characters removed. */
export function cleanText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A short, safe description of any value, never its whole text. */
export function describe(raw: unknown): string {
  if (raw === null) return 'empty (null)';
  if (raw === undefined) return 'missing';
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (typeof raw === 'string') return raw.length <= 40 && /^[\x20-\x7e]*$/.test(raw) ? JSON.stringify(raw) : `a text of ${amount(raw.length)} characters`;
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object') return 'a group of fields';
  return typeof raw;
}

/** A name as a teacher reads it in a sentence: quoted when short and plain, else its length only. */
export function shown(name: string): string {
  return name.length <= 60 && /^[\x20-\x7e]*$/.test(name) ? `“${name}”` : `a name of ${amount(name.length)} characters`;
}

export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
export const LATEST_TIME = Date.UTC(2200, 0, 1);
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;
const ISO_DATE = /^(\d{4})-(\d\d)-(\d\d)$/;

/** An ISO time from 2000 to 2200, normalised; null when it is not one. */
export function readTime(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 30 || !ISO_TIME.test(raw)) return null;
  const at = Date.parse(raw);
  return Number.isFinite(at) && at >= EARLIEST_TIME && at < LATEST_TIME ? new Date(at).toISOString() : null;
}

/** A calendar date `2026-12-03` from 2000 to 2199 that exists; null when it is not one. */
export function readDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const match = ISO_DATE.exec(raw);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 2000 || year > 2199 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return raw;
}

/** A date as people read it: "3 December 2026". */
export function readableDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return LONG_DATE.format(new Date(Date.UTC(year, month - 1, day)));
}

/** A time as people read it, in this computer's time zone: "3 Dec 2026, 14:05". */
export function readableTime(time: string): string {
  return TIME.format(new Date(time));
}

/** Notes about what was left out, kept short: past `max`, one line says how many more. */
export class Notes {
  private readonly kept: string[] = [];
  private more = 0;

  constructor(private readonly max = 8) {}

  add(note: string): void {
    if (this.kept.length < this.max) this.kept.push(note);
    else this.more++;
  }

  list(): string[] {
    return this.more > 0 ? [...this.kept, `and ${amount(this.more)} more like these`] : [...this.kept];
  }
}
