/**
 * Grouping hand-ins whose code is identical, or identical apart from names, comments and layout — what
 * copying with a few cosmetic changes leaves. It helps a teacher look; it proves nothing: a short exercise
 * has few good answers, and two learners who followed the lesson can write the same lines.
 *
 * Code is compared as tokens: comments and whitespace dropped, and for the second form every name the
 * learner chose (a variable, a parameter, a function) replaced by its order of first use. Property names
 * (`socket.write`) and keywords stay: they are the program's meaning.
 */

const KEYWORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with as async await from get let of set static ' +
    'yield type interface implements declare readonly private protected public any unknown never number string boolean undefined'
  ).split(' '),
);

/** The tokens of a TypeScript text, comments and whitespace left out. Linear; never throws. */
export function tokens(source: string): string[] {
  const out: string[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0') {
      i++;
    } else if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < n && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out.push(source.slice(i, Math.min(j + 1, n)));
      i = j + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(source[j]!)) j++;
      out.push(source.slice(i, j));
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(source[j]!)) j++;
      out.push(source.slice(i, j));
      i = j;
    } else {
      out.push(c);
      i++;
    }
  }
  return out;
}

const isName = (token: string) => /^[A-Za-z_$][\w$]*$/.test(token) && !KEYWORDS.has(token);

/** The code with comments and layout gone and the learner's own names numbered in order of first use. */
export function shapeOf(source: string): string {
  const list = tokens(source);
  const names = new Map<string, string>();
  return list
    .map((token, i) => {
      // A property after a dot, or a key before a colon in an object, is part of the API, not a chosen name.
      if (!isName(token) || list[i - 1] === '.' || token === 'console' || token === 'net' || token === 'dgram') return token;
      let numbered = names.get(token);
      if (!numbered) names.set(token, (numbered = `#${names.size + 1}`));
      return numbered;
    })
    .join(' ');
}

/** The code as written, with line endings and trailing spaces made alike (what a copy keeps). */
export function textOf(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

export interface Submission {
  /** The hand-in's index. */
  handIn: number;
  /** The learner's files, in the exercise's file order; a file left out is the starter's. */
  files: readonly string[];
}

export interface SimilarGroup {
  kind: 'identical' | 'near-identical';
  handIns: number[];
  /** Same as the reference solution (a lesson offers it after three failed runs). */
  isSolution: boolean;
}

/**
 * Groups of two or more submissions: identical first; then, among what is left, the same shape. Code equal
 * to the starter is not grouped (everyone has it). Input bounded by the hand-ins' own limits.
 */
export function similarGroups(submissions: readonly Submission[], starter: readonly string[], solution: readonly string[]): SimilarGroup[] {
  const join = (files: readonly string[], form: (text: string) => string) => files.map(form).join('\n\u0000\n');
  const starterText = join(starter, textOf);
  const solutionText = join(solution, textOf);
  const solutionShape = join(solution, shapeOf);
  const byText = new Map<string, { handIns: number[]; files: readonly string[] }>();
  for (const submission of submissions) {
    const text = join(submission.files, textOf);
    if (text === starterText) continue;
    const group = byText.get(text);
    if (group) group.handIns.push(submission.handIn);
    else byText.set(text, { handIns: [submission.handIn], files: submission.files });
  }
  const groups: SimilarGroup[] = [];
  // Shape → the hand-ins of every distinct text of that shape, and how many distinct texts there are.
  const byShape = new Map<string, { handIns: number[]; texts: number }>();
  for (const [text, { handIns, files }] of byText) {
    if (handIns.length > 1) groups.push({ kind: 'identical', handIns, isSolution: text === solutionText });
    const shape = join(files, shapeOf);
    const group = byShape.get(shape);
    if (group) {
      group.handIns.push(...handIns);
      group.texts++;
    } else byShape.set(shape, { handIns: [...handIns], texts: 1 });
  }
  // A shape counts when texts that differ share it: one identical group alone is reported once, above.
  for (const [shape, { handIns, texts }] of byShape) {
    if (texts > 1) groups.push({ kind: 'near-identical', handIns: handIns.sort((a, b) => a - b), isSolution: shape === solutionShape });
  }
  return groups;
}
