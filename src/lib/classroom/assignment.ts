/**
 * An assignment: a title, the items to do (lessons, exercises, quizzes of the course), an optional due date
 * and a note. It travels whole inside its link (`assignments/#a=EPA1.…`): nothing is stored anywhere but in
 * the learner's own progress, and the part after `#` never reaches the web server.
 *
 * A link is untrusted: it is read with bounds, unknown fields dropped, items the course does not have left
 * out with a note, and the item list checked for length before it is walked.
 */
import { itemKey, parseItemKey, type Course, type Item } from './catalog';
import { Notes, amount, cleanLine, cleanText, describe, isObject, own, readDate, shown } from './read';
import { crc32, decodeCode, encodeCode, type CodeKind, type CodeProblem } from './text-code';

export const ASSIGNMENT_LIMITS = {
  titleChars: 120,
  noteChars: 1_000,
  /** Items of one assignment (the whole course is a few dozen). */
  items: 300,
} as const;

export interface Assignment {
  title: string;
  /** In teaching order, each once. */
  items: Item[];
  /** `2026-12-03`. */
  due?: string;
  note?: string;
}

export const ASSIGNMENT_CODE: CodeKind = {
  prefix: 'EPA',
  version: 1,
  noun: 'an assignment link',
  maxChars: 20_000,
  maxJsonBytes: 100_000,
};

/** The JSON an assignment is written as: fields in a fixed order, so the same assignment always has the same id. */
export function assignmentJson(assignment: Assignment): { title: string; items: string[]; due?: string; note?: string } {
  return {
    title: assignment.title,
    items: assignment.items.map(itemKey),
    ...(assignment.due ? { due: assignment.due } : {}),
    ...(assignment.note ? { note: assignment.note } : {}),
  };
}

/** A short id, the same for the same assignment wherever it is computed: where progress keeps it, how hand-ins group. */
export function assignmentId(assignment: Assignment): string {
  return crc32(JSON.stringify(assignmentJson(assignment)));
}

export type AssignmentRead = { ok: true; assignment: Assignment; notes: string[] } | { ok: false; reason: string };

/**
 * Reads an untrusted value as an assignment of this course. Fails only when nothing usable is left (no title,
 * no item the course has); everything else that is wrong is left out and named in `notes`.
 */
export function readAssignment(raw: unknown, course: Course): AssignmentRead {
  if (!isObject(raw)) return { ok: false, reason: `is ${describe(raw)}, not an assignment` };
  const notes = new Notes();
  const rawTitle = own(raw, 'title');
  if (typeof rawTitle !== 'string') return { ok: false, reason: `has ${describe(rawTitle)} as its title` };
  const title = cleanLine(rawTitle);
  if (!title) return { ok: false, reason: 'has an empty title' };
  if (title.length > ASSIGNMENT_LIMITS.titleChars) return { ok: false, reason: `has a title of ${amount(title.length)} characters; at most ${ASSIGNMENT_LIMITS.titleChars}` };

  const rawItems = own(raw, 'items');
  if (!Array.isArray(rawItems)) return { ok: false, reason: `has ${describe(rawItems)} where its list of items should be` };
  if (rawItems.length > ASSIGNMENT_LIMITS.items) return { ok: false, reason: `lists ${amount(rawItems.length)} items; an assignment lists at most ${ASSIGNMENT_LIMITS.items}` };
  const items: Item[] = [];
  for (const entry of rawItems) {
    const item = typeof entry === 'string' ? parseItemKey(entry) : null;
    if (!item) {
      notes.add(`an item written as ${describe(entry)} is not one the course knows how to read, so it was left out`);
      continue;
    }
    if (!course.has(item)) {
      notes.add(`${item.kind} ${shown(item.id)} is not part of this course (it may have been renamed or removed), so it was left out`);
      continue;
    }
    items.push(item);
  }
  const sorted = course.sorted(items);
  if (sorted.length === 0) return { ok: false, reason: 'lists nothing this course has' };

  const assignment: Assignment = { title, items: sorted };
  const rawDue = own(raw, 'due');
  if (rawDue !== undefined) {
    const due = readDate(rawDue);
    if (due) assignment.due = due;
    else notes.add(`the due date ${describe(rawDue)} is not a date, so it was left out`);
  }
  const rawNote = own(raw, 'note');
  if (rawNote !== undefined) {
    const note = typeof rawNote === 'string' ? cleanText(rawNote) : null;
    if (note === null || note.length > ASSIGNMENT_LIMITS.noteChars) notes.add(`the note (${describe(rawNote)}) is not a text of at most ${amount(ASSIGNMENT_LIMITS.noteChars)} characters, so it was left out`);
    else if (note) assignment.note = note;
  }
  let unknown = 0;
  for (const name of Object.keys(raw)) if (!['title', 'items', 'due', 'note'].includes(name)) unknown++;
  if (unknown > 0) notes.add(`${amount(unknown)} field${unknown === 1 ? '' : 's'} the course does not use ${unknown === 1 ? 'was' : 'were'} left out`);
  return { ok: true, assignment, notes: notes.list() };
}

export function encodeAssignment(assignment: Assignment): Promise<string> {
  return encodeCode(ASSIGNMENT_CODE, JSON.stringify(assignmentJson(assignment)));
}

export type AssignmentDecoded = { ok: true; assignment: Assignment; id: string; notes: string[] } | { ok: false; reason: string; problem?: CodeProblem['kind'] };

/** Reads an assignment code (the part of a link after `#a=`). `reason` completes "This assignment link …". */
export async function decodeAssignment(code: string, course: Course): Promise<AssignmentDecoded> {
  const decoded = await decodeCode(ASSIGNMENT_CODE, code);
  if (!decoded.ok) return { ok: false, reason: decoded.problem.message, problem: decoded.problem.kind };
  let raw: unknown;
  try {
    raw = JSON.parse(decoded.json);
  } catch {
    return { ok: false, reason: 'holds no assignment the course can read', problem: 'damaged' };
  }
  const read = readAssignment(raw, course);
  if (!read.ok) return read;
  return { ok: true, assignment: read.assignment, id: assignmentId(read.assignment), notes: read.notes };
}

/**
 * Only the title and due date of an assignment code, for the strip on every page (no course needed); null
 * when the code cannot be read. The checklist page reads the whole assignment with `decodeAssignment`.
 */
export async function assignmentHeadline(code: string): Promise<{ title: string; due?: string } | null> {
  const decoded = await decodeCode(ASSIGNMENT_CODE, code);
  if (!decoded.ok) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(decoded.json);
  } catch {
    return null;
  }
  const rawTitle = isObject(raw) ? own(raw, 'title') : undefined;
  const title = typeof rawTitle === 'string' ? cleanLine(rawTitle) : '';
  if (!title || title.length > ASSIGNMENT_LIMITS.titleChars) return null;
  const due = readDate(own(raw as Record<string, unknown>, 'due'));
  return due ? { title, due } : { title };
}

/** The hash of a learner's link: `#a=EPA1.…`. */
export const ASSIGNMENT_HASH = 'a';

/** The code in a URL's hash (`#a=…`), or null. */
export function assignmentCodeOf(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get(ASSIGNMENT_HASH);
  return code && code.length <= ASSIGNMENT_CODE.maxChars ? code : null;
}

/** The link a teacher posts: the learner's assignments page with the assignment in its hash. */
export function assignmentLink(pageUrl: string, code: string): string {
  const url = new URL(pageUrl);
  url.hash = `${ASSIGNMENT_HASH}=${code}`;
  return url.href;
}
