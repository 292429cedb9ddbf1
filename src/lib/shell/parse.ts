/**
 * Splits a command line into words the way bash does for simple commands: whitespace separates words,
 * single quotes keep everything literally, double quotes keep spaces but expand `$NAME` and `$?`, a
 * backslash escapes the next character, `#` at the start of a word begins a comment.
 *
 * Pipes, redirections, `;` and `&` are recognised only to say they are not available here.
 */

export type ParsedLine =
  | { kind: 'words'; words: string[] }
  /** The line ends inside a quote (bash would ask for more with `> `). */
  | { kind: 'incomplete'; quote: '"' | "'" }
  /** An operator this shell does not run (`|`, `>`, `<`, `;`, `&`). */
  | { kind: 'unsupported'; operator: string };

/** Looks up `$NAME` (and `$?`); unknown names expand to nothing, as in bash. */
export type VariableLookup = (name: string) => string | undefined;

const OPERATORS = new Set(['|', '>', '<', ';', '&']);

export function parseCommandLine(line: string, lookup: VariableLookup = () => undefined): ParsedLine {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;

  const expandAt = (start: number): { text: string; next: number } => {
    // `start` points just after the `$`.
    const rest = line.slice(start);
    const special = /^[?$#0]/.exec(rest);
    if (special) return { text: lookup(special[0]) ?? '', next: start + 1 };
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (braced) return { text: lookup(braced[1]!) ?? '', next: start + braced[0].length };
    const named = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (named) return { text: lookup(named[0]) ?? '', next: start + named[0].length };
    return { text: '$', next: start };
  };

  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === '#' && !inWord) {
      break;
    } else if (ch === '\\') {
      if (i + 1 < line.length) word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return { kind: 'incomplete', quote: "'" };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      inWord = true;
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i]!;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) {
          word += line[i + 1];
          i += 2;
        } else if (c === '$') {
          const expanded = expandAt(i + 1);
          word += expanded.text;
          i = expanded.next;
        } else {
          word += c;
          i++;
        }
      }
      if (!closed) return { kind: 'incomplete', quote: '"' };
    } else if (ch === '$') {
      const expanded = expandAt(i + 1);
      word += expanded.text;
      // An unquoted expansion to nothing makes no word, as in bash.
      inWord = inWord || expanded.text !== '';
      i = expanded.next;
      if (expanded.text === '$') inWord = true;
    } else if (OPERATORS.has(ch)) {
      return { kind: 'unsupported', operator: line[i + 1] === ch && ch !== ';' ? ch + ch : ch };
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return { kind: 'words', words };
}
