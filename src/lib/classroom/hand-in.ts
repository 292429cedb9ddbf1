/**
 * A hand-in: what a learner did for one assignment — their name, the assignment, their own code for every
 * exercise, their quiz answers as given, and when each item was passed, answered or opened. It travels as a
 * file (`<name>.endpoints.json`, for an LMS's file upload) or as the same JSON in a text code
 * (`EPH1.…`, for a box that takes only text).
 *
 * The file carries a checksum of its content, so a file changed after it was made is named as altered. Like
 * the code's own checksum it catches accidents, not intent: anyone can recompute it. What settles a hand-in
 * is the teacher's re-run of the code inside it (regrade.ts), never what it claims.
 */
import { assignmentId, assignmentJson, readAssignment, type Assignment } from './assignment';
import type { Course, Item } from './catalog';
import { Notes, amount, cleanLine, describe, isObject, own, readTime, shortDay, shown } from './read';
import { crc32, decodeCode, encodeCode, type CodeKind } from './text-code';
import { ASSIGNMENT_CODE } from './assignment';

export const HAND_IN_FORMAT = 'endpoints-hand-in';
export const HAND_IN_VERSION = 1;

export const HAND_IN_LIMITS = {
  /** A learner's name. */
  nameChars: 80,
  /** One program file, as progress keeps it. */
  fileChars: 100_000,
  /** One quiz answer, as progress keeps it. */
  answerChars: 200,
  /** A hand-in file read at all: a real one is a few kilobytes; the course's every exercise at its longest fits. */
  fileBytes: 5_000_000,
} as const;

export const HAND_IN_CODE: CodeKind = {
  prefix: 'EPH',
  version: HAND_IN_VERSION,
  noun: 'a hand-in code',
  maxChars: 5_000_000,
  maxJsonBytes: HAND_IN_LIMITS.fileBytes,
};

export interface QuizAnswer {
  /** As the learner gave it: an option's id, or the text typed. */
  answer: string;
  /** The learner's page's verdict (a claim: the teacher's page grades the answer again). */
  correct: boolean;
  at: string;
}

export interface HandedExercise {
  /** The learner's own text of each file they changed; a file left out is the starter's. */
  files: Record<string, string>;
  /** When the learner's page first saw it pass (a claim). */
  passedAt?: string;
}

export interface HandIn {
  learner: string;
  madeAt: string;
  assignment: Assignment;
  /** Lesson slug → when it was first opened. */
  lessons: Record<string, string>;
  exercises: Record<string, HandedExercise>;
  /** Quiz id → question id → the last answer checked. */
  quizzes: Record<string, Record<string, QuizAnswer>>;
}

/** What the learner's page knows about their progress, whatever store it comes from. */
export interface LearnerProgress {
  lessonVisitedAt(slug: string): string | undefined;
  /** `lastRunPassed`: whether the learner's last run of the exercise passed, when the page kept it. */
  exercise(id: string): { draft: Readonly<Record<string, string>>; passedAt?: string | undefined; lastRunPassed?: boolean | undefined };
  quizAnswers(quizId: string): Readonly<Record<string, QuizAnswer>>;
}

export type ItemState = 'done' | 'started' | 'not-started';

export interface ItemStatus {
  state: ItemState;
  /** "passed 3 Dec", "2 of 4 answered right", "not opened yet". */
  detail: string;
  /** When it was done (passed, last question answered right, opened). */
  at?: string;
}

const shortDate = shortDay;

/** Where the learner stands on one item, from their own progress. */
export function itemStatus(item: Item, progress: LearnerProgress, course: Course): ItemStatus {
  switch (item.kind) {
    case 'lesson': {
      const at = progress.lessonVisitedAt(item.id);
      return at ? { state: 'done', detail: `opened ${shortDate(at)}`, at } : { state: 'not-started', detail: 'not opened yet' };
    }
    case 'exercise': {
      const entry = progress.exercise(item.id);
      if (entry.passedAt) {
        // The hand-in holds the code as it is now, and the teacher's page runs that: a pass since broken is said.
        const detail = entry.lastRunPassed === false ? `passed ${shortDate(entry.passedAt)}, but your last run failed: the teacher's page runs your code as it is now` : `passed ${shortDate(entry.passedAt)}`;
        return { state: 'done', detail, at: entry.passedAt };
      }
      return Object.keys(entry.draft).length > 0 ? { state: 'started', detail: 'started, not passed yet' } : { state: 'not-started', detail: 'not started yet' };
    }
    case 'quiz': {
      const questions = course.quiz(item.id)?.questions ?? [];
      const answers = progress.quizAnswers(item.id);
      const right = questions.filter((id) => Object.hasOwn(answers, id) && answers[id]!.correct);
      if (questions.length > 0 && right.length === questions.length) {
        const at = right.map((id) => answers[id]!.at).sort().at(-1);
        return { state: 'done', detail: `all ${questions.length} answered right`, ...(at ? { at } : {}) };
      }
      const answered = questions.filter((id) => Object.hasOwn(answers, id)).length;
      return { state: answered > 0 ? 'started' : 'not-started', detail: `${right.length} of ${questions.length} answered right` };
    }
  }
}

/** The hand-in of `learner` for `assignment`, from their progress. Unfinished items are handed in as they are. */
export function makeHandIn(assignment: Assignment, learner: string, progress: LearnerProgress, course: Course, now: Date): HandIn {
  const handIn: HandIn = { learner: cleanLine(learner).slice(0, HAND_IN_LIMITS.nameChars), madeAt: now.toISOString(), assignment, lessons: {}, exercises: {}, quizzes: {} };
  for (const item of assignment.items) {
    if (item.kind === 'lesson') {
      const at = progress.lessonVisitedAt(item.id);
      if (at) handIn.lessons[item.id] = at;
    } else if (item.kind === 'exercise') {
      const known = course.exercise(item.id);
      const entry = progress.exercise(item.id);
      const files: Record<string, string> = {};
      for (const file of known?.files ?? []) if (Object.hasOwn(entry.draft, file)) files[file] = entry.draft[file]!;
      handIn.exercises[item.id] = { files, ...(entry.passedAt ? { passedAt: entry.passedAt } : {}) };
    } else {
      const answers = progress.quizAnswers(item.id);
      const kept: Record<string, QuizAnswer> = {};
      for (const question of course.quiz(item.id)?.questions ?? []) {
        if (Object.hasOwn(answers, question)) {
          const { answer, correct, at } = answers[question]!;
          kept[question] = { answer, correct, at };
        }
      }
      handIn.quizzes[item.id] = kept;
    }
  }
  return handIn;
}

/** The hand-in's JSON, fields in a fixed order: its checksum is taken over exactly this text. */
function bodyJson(handIn: HandIn): string {
  return JSON.stringify({
    learner: handIn.learner,
    madeAt: handIn.madeAt,
    assignment: assignmentJson(handIn.assignment),
    lessons: handIn.lessons,
    exercises: handIn.exercises,
    quizzes: handIn.quizzes,
  });
}

/** The file's text (readable, indented); the code holds the same JSON without the indentation. */
export function handInFile(handIn: HandIn): string {
  const body = bodyJson(handIn);
  return JSON.stringify({ format: HAND_IN_FORMAT, version: HAND_IN_VERSION, checksum: crc32(body), handIn: JSON.parse(body) as unknown }, null, 2);
}

export function handInCode(handIn: HandIn): Promise<string> {
  return encodeCode(HAND_IN_CODE, JSON.stringify(JSON.parse(handInFile(handIn))));
}

/** `ada-lovelace-ports.endpoints.json`: plain letters only, whatever the name holds. */
export function handInFileName(handIn: HandIn): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 40)
      .replace(/-+$/, '');
  return `${[slug(handIn.learner), slug(handIn.assignment.title)].filter(Boolean).join('-') || 'hand-in'}.endpoints.json`;
}

// ------------------------------------------------------------------------------------------------ reading

export type RefusalKind = 'huge' | 'truncated' | 'malformed' | 'altered' | 'wrong-version' | 'not-a-hand-in' | 'unusable';

export interface ReadHandIn {
  handIn: HandIn;
  assignmentId: string;
  /** What was left out, and why. */
  notes: string[];
}

export type HandInRead = ({ ok: true } & ReadHandIn) | { ok: false; kind: RefusalKind; reason: string };

const refuse = (kind: RefusalKind, reason: string): HandInRead => ({ ok: false, kind, reason });

/** Reads a hand-in file's text: the envelope, its checksum, then the content field by field. */
export function readHandInText(text: string, course: Course): HandInRead {
  if (text.length > HAND_IN_LIMITS.fileBytes) return refuse('huge', `is ${amount(text.length)} characters long; a hand-in is at most ${amount(HAND_IN_LIMITS.fileBytes)}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const trimmed = text.trimEnd();
    if (trimmed.startsWith('{') && !trimmed.endsWith('}')) return refuse('truncated', 'is cut off: the file ends in the middle of its content (it may not have finished uploading or downloading)');
    return refuse('malformed', trimmed.startsWith(HAND_IN_CODE.prefix) ? 'holds a hand-in code, not a file: paste it into the box for codes' : 'is not a hand-in file (it is not JSON)');
  }
  if (!isObject(raw) || own(raw, 'format') !== HAND_IN_FORMAT) return refuse('not-a-hand-in', 'is not an Endpoints hand-in (it has no "format": "endpoints-hand-in")');
  const version = own(raw, 'version');
  if (version !== HAND_IN_VERSION) {
    return typeof version === 'number' && Number.isInteger(version) && version > HAND_IN_VERSION
      ? refuse('wrong-version', `was made by a newer version of the course (format ${version}); this page reads format ${HAND_IN_VERSION}: reload the page to get the newest version`)
      : refuse('wrong-version', `is in format ${describe(version)}, which this page does not read (it reads format ${HAND_IN_VERSION})`);
  }
  const body = own(raw, 'handIn');
  let bodyText: string;
  try {
    bodyText = JSON.stringify(body) ?? '';
  } catch {
    return refuse('malformed', 'holds content nested too deeply to be a hand-in');
  }
  if (own(raw, 'checksum') !== crc32(bodyText)) {
    return refuse('altered', 'does not match its checksum: it was changed after it was made (edited by hand, or damaged on the way)');
  }
  return readBody(body, course);
}

export async function decodeHandInCode(code: string, course: Course): Promise<HandInRead> {
  const decoded = await decodeCode(HAND_IN_CODE, code, [ASSIGNMENT_CODE]);
  if (!decoded.ok) {
    const { kind, message } = decoded.problem;
    const refusal: RefusalKind = kind === 'huge' ? 'huge' : kind === 'truncated' ? 'truncated' : kind === 'wrong-version' ? 'wrong-version' : kind === 'damaged' ? 'altered' : 'not-a-hand-in';
    return refuse(refusal, message);
  }
  return readHandInText(decoded.json, course);
}

function readBody(body: unknown, course: Course): HandInRead {
  if (!isObject(body)) return refuse('unusable', `holds ${describe(body)} where the hand-in should be`);
  const notes = new Notes();
  const rawName = own(body, 'learner');
  const learner = typeof rawName === 'string' ? cleanLine(rawName) : '';
  if (!learner) return refuse('unusable', 'has no learner name');
  if (learner.length > HAND_IN_LIMITS.nameChars) return refuse('unusable', `has a learner name of ${amount(learner.length)} characters; at most ${HAND_IN_LIMITS.nameChars}`);
  const madeAt = readTime(own(body, 'madeAt'));
  if (!madeAt) return refuse('unusable', `has ${describe(own(body, 'madeAt'))} as the time it was made`);
  const assignmentRead = readAssignment(own(body, 'assignment'), course);
  if (!assignmentRead.ok) return refuse('unusable', `holds an assignment that ${assignmentRead.reason}`);
  for (const note of assignmentRead.notes) notes.add(`in its assignment, ${note}`);
  const assignment = assignmentRead.assignment;
  const handIn: HandIn = { learner, madeAt, assignment, lessons: {}, exercises: {}, quizzes: {} };

  const section = (name: string) => {
    const value = own(body, name);
    if (value === undefined) return {};
    if (!isObject(value)) {
      notes.add(`its ${name} are ${describe(value)}, so none were read`);
      return {};
    }
    return value;
  };
  const lessons = section('lessons');
  const exercises = section('exercises');
  const quizzes = section('quizzes');

  // Loops run over the assignment's items (already bounded), never over what the file lists.
  for (const item of assignment.items) {
    if (item.kind === 'lesson') {
      const raw = own(lessons, item.id);
      if (raw === undefined) continue;
      const at = readTime(raw);
      if (at) handIn.lessons[item.id] = at;
      else notes.add(`lesson ${shown(item.id)}: the time it was opened is ${describe(raw)}, so it was left out`);
    } else if (item.kind === 'exercise') {
      const raw = own(exercises, item.id);
      if (raw === undefined) continue;
      if (!isObject(raw)) {
        notes.add(`exercise ${shown(item.id)} is ${describe(raw)}, so it was left out`);
        continue;
      }
      const files: Record<string, string> = {};
      const rawFiles = own(raw, 'files');
      const fileGroup = isObject(rawFiles) ? rawFiles : {};
      if (rawFiles !== undefined && !isObject(rawFiles)) notes.add(`exercise ${shown(item.id)}: its files are ${describe(rawFiles)}, so none were read`);
      for (const file of course.exercise(item.id)?.files ?? []) {
        const source = own(fileGroup, file);
        if (source === undefined) continue;
        if (typeof source !== 'string' || source.length > HAND_IN_LIMITS.fileChars) {
          notes.add(`exercise ${shown(item.id)}: file ${shown(file)} is ${describe(source)}, not a program of at most ${amount(HAND_IN_LIMITS.fileChars)} characters, so it was left out`);
          continue;
        }
        files[file] = source;
      }
      const exercise: HandedExercise = { files };
      const rawPassed = own(raw, 'passedAt');
      if (rawPassed !== undefined) {
        const passedAt = readTime(rawPassed);
        if (passedAt) exercise.passedAt = passedAt;
        else notes.add(`exercise ${shown(item.id)}: the time it passed is ${describe(rawPassed)}, so it was left out`);
      }
      handIn.exercises[item.id] = exercise;
    } else {
      const raw = own(quizzes, item.id);
      if (raw === undefined) continue;
      if (!isObject(raw)) {
        notes.add(`quiz ${shown(item.id)} is ${describe(raw)}, so it was left out`);
        continue;
      }
      const answers: Record<string, QuizAnswer> = {};
      for (const question of course.quiz(item.id)?.questions ?? []) {
        const given = own(raw, question);
        if (given === undefined) continue;
        const answer = isObject(given) ? own(given, 'answer') : undefined;
        const correct = isObject(given) ? own(given, 'correct') : undefined;
        const at = isObject(given) ? readTime(own(given, 'at')) : null;
        if (typeof answer !== 'string' || answer.length > HAND_IN_LIMITS.answerChars || typeof correct !== 'boolean' || !at) {
          notes.add(`quiz ${shown(item.id)}: the answer to question ${shown(question)} is not one the course wrote, so it was left out`);
          continue;
        }
        answers[question] = { answer, correct, at };
      }
      handIn.quizzes[item.id] = answers;
    }
  }
  return { ok: true, handIn, assignmentId: assignmentId(assignment), notes: notes.list() };
}
