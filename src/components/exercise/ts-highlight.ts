/**
 * A small TypeScript highlighter for the light editor (light-editor.ts): the same classes of token Monaco's
 * own TypeScript tokenizer colours — keywords, type names (capitalised), strings, numbers, comments — so the
 * code looks the same before and after Monaco takes over. It never fails on broken code: whatever it does not
 * recognise is plain text.
 */

export type TokenKind = 'keyword' | 'type' | 'string' | 'number' | 'comment' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

/** TypeScript's keywords, as Monaco's tokenizer lists them. */
const KEYWORDS = new Set(
  (
    'abstract any as asserts async await bigint boolean break case catch class continue const constructor debugger ' +
    'declare default delete do else enum export extends false finally for from function get global if implements ' +
    'import in infer instanceof interface is keyof let module namespace never new null number object of out ' +
    'override package private protected public readonly require return satisfies set static string super switch ' +
    'symbol this throw true try type typeof undefined unique unknown var void while with yield'
  ).split(' '),
);

/** One pattern per kind of token, tried in order at each position (sticky: anchored where the last one ended). */
const RULES: readonly (readonly [RegExp, TokenKind | 'word'])[] = [
  [/\/\/[^\n]*/y, 'comment'],
  [/\/\*[\s\S]*?(?:\*\/|$)/y, 'comment'],
  [/'(?:[^'\\\n]|\\[\s\S])*(?:'|(?=\n)|$)/y, 'string'],
  [/"(?:[^"\\\n]|\\[\s\S])*(?:"|(?=\n)|$)/y, 'string'],
  [/`(?:[^`\\]|\\[\s\S])*(?:`|$)/y, 'string'],
  [/(?:0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?/y, 'number'],
  [/[A-Za-z_$][\w$]*/y, 'word'],
  [/\s+/y, 'plain'],
  [/[^\w$\s'"`/]+|\//y, 'plain'],
];

function kindOfWord(word: string, before: string): TokenKind {
  // After a dot it is a property (`socket.write`, `x.type`), never a keyword.
  if (before.endsWith('.')) return 'plain';
  if (KEYWORDS.has(word)) return 'keyword';
  return /^[A-Z]/.test(word) ? 'type' : 'plain';
}

/** The text cut into tokens; joined, they give the text back exactly. */
export function highlightTypeScript(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, piece: string) => {
    const last = tokens.at(-1);
    if (last && last.kind === kind) last.text += piece;
    else tokens.push({ kind, text: piece });
  };
  let at = 0;
  while (at < text.length) {
    let matched = false;
    for (const [pattern, kind] of RULES) {
      pattern.lastIndex = at;
      const found = pattern.exec(text);
      if (!found || found[0].length === 0) continue;
      const piece = found[0];
      push(kind === 'word' ? kindOfWord(piece, text.slice(Math.max(0, at - 1), at)) : kind, piece);
      at += piece.length;
      matched = true;
      break;
    }
    // Every character is covered by a rule above; this only guards against an endless loop.
    if (!matched) push('plain', text[at++]!);
  }
  return tokens;
}
