import { describe, expect, it } from 'vitest';
import { highlightTypeScript, type TokenKind } from '../../src/components/exercise/ts-highlight';

const kinds = (text: string) => highlightTypeScript(text).filter((token) => token.kind !== 'plain').map((token) => [token.kind, token.text] as [TokenKind, string]);

describe('the light editor’s TypeScript highlighter', () => {
  it('gives the text back exactly, broken code included', () => {
    for (const text of [
      "import net from 'node:net';\nnet.createServer((s) => s.pipe(s)).listen(7);\n",
      'const a = `x ${1} y',
      "'unterminated\nnext line",
      '/* open comment',
      'a / b / c // d',
      '\u00e9\u{1f600} 0x1F 1_000n .5e-3',
      '',
    ]) {
      expect(highlightTypeScript(text).map((token) => token.text).join('')).toBe(text);
    }
  });

  it('colours keywords, type names, strings, numbers and comments as Monaco does', () => {
    expect(kinds("import net from 'node:net'; // echo\nconst port: number = 7;")).toEqual([
      ['keyword', 'import'],
      ['keyword', 'from'],
      ['string', "'node:net'"],
      ['comment', '// echo'],
      ['keyword', 'const'],
      ['keyword', 'number'],
      ['number', '7'],
    ]);
    expect(kinds('new Map<string, Buffer>()')).toEqual([
      ['keyword', 'new'],
      ['type', 'Map'],
      ['keyword', 'string'],
      ['type', 'Buffer'],
    ]);
  });

  it('keeps a property after a dot plain, whatever its name', () => {
    expect(kinds('socket.write(x); msg.type; a.new')).toEqual([]);
  });

  it('ends a quoted string at the end of its line, so one missing quote does not colour the rest', () => {
    expect(kinds("const s = 'open\nconst t = 1;")).toEqual([
      ['keyword', 'const'],
      ['string', "'open"],
      ['keyword', 'const'],
      ['number', '1'],
    ]);
  });
});
