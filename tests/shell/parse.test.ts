import { describe, it, expect } from 'vitest';
import { parseCommandLine } from '../../src/lib/shell/parse';

const vars: Record<string, string> = { '?': '127', USER: 'learner' };
const lookup = (name: string) => vars[name];

describe('parseCommandLine', () => {
  it.each([
    ['ss -tuanp', ['ss', '-tuanp']],
    ['  nc   web  80  ', ['nc', 'web', '80']],
    ["echo 'a  b' c", ['echo', 'a  b', 'c']],
    ['echo "a  b"c', ['echo', 'a  bc']],
    ['echo a\\ b', ['echo', 'a b']],
    ['echo "say \\"hi\\""', ['echo', 'say "hi"']],
    ["echo '$?'", ['echo', '$?']],
    ['echo $?', ['echo', '127']],
    ['echo "$USER@x"', ['echo', 'learner@x']],
    ['echo ${USER}s', ['echo', 'learners']],
    ['echo $NOPE x', ['echo', 'x']],
    ['echo ""', ['echo', '']],
    ['curl http://web/ # fetch', ['curl', 'http://web/']],
    ['echo a#b', ['echo', 'a#b']],
    ['', []],
  ])('splits %j into words', (line, words) => {
    expect(parseCommandLine(line, lookup)).toEqual({ kind: 'words', words });
  });

  it.each([
    ["echo 'open", "'"],
    ['echo "open', '"'],
  ])('reports %j as incomplete at its open quote', (line, quote) => {
    expect(parseCommandLine(line)).toEqual({ kind: 'incomplete', quote });
  });

  it.each([
    ['ss -tan | grep 80', '|'],
    ['curl web > out.html', '>'],
    ['nc -l 80 &', '&'],
    ['true && false', '&&'],
    ['a; b', ';'],
  ])('recognises the operator in %j as not available', (line, operator) => {
    expect(parseCommandLine(line)).toEqual({ kind: 'unsupported', operator });
  });

  it('keeps a quoted operator as text', () => {
    expect(parseCommandLine("echo 'a|b' \"c>d\"")).toEqual({ kind: 'words', words: ['echo', 'a|b', 'c>d'] });
  });
});
