import { describe, it, expect } from 'vitest';
import { LineEditor, type EditorEvent } from '../../src/lib/shell/line-editor';
import { Screen } from './screen';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';
const END = '\x1b[F';
const BACKSPACE = '\x7f';

function editor(cols = 80, complete?: (before: string) => { start: number; candidates: string[] }) {
  const screen = new Screen(cols);
  const lineEditor = new LineEditor({ write: (s) => screen.write(s), cols, complete });
  lineEditor.begin('$ ');
  const events: EditorEvent[] = [];
  const type = (data: string) => {
    let rest = data;
    while (rest) {
      const fed = lineEditor.feed(rest);
      if (fed.event) {
        events.push(fed.event);
        lineEditor.begin('$ ');
      }
      rest = fed.rest;
    }
  };
  return { lineEditor, screen, events, type };
}

describe('the line editor', () => {
  it.each([
    ['typing', 'ss -tan', 'ss -tan', 7],
    ['backspace', `ss -tanx${BACKSPACE}`, 'ss -tan', 7],
    ['left then insert', `s -tan${HOME}s`, 'ss -tan', 1],
    ['left arrows and insert in the middle', `ss tan${LEFT}${LEFT}${LEFT}-`, 'ss -tan', 4],
    ['home and end', `b${HOME}a${END}c`, 'abc', 3],
    ['right stops at the end', `ab${RIGHT}${RIGHT}`, 'ab', 2],
    ['delete under the cursor', `abc${HOME}\x1b[3~`, 'bc', 0],
    ['Ctrl+A and Ctrl+E', `bc\x01a\x05d`, 'abcd', 4],
    ['Ctrl+U kills before the cursor', `nc web 80${LEFT}${LEFT}\x15`, '80', 0],
    ['Ctrl+K kills after the cursor', `nc web 80${HOME}\x0b`, '', 0],
    ['Ctrl+W deletes the word before', 'curl http://web/ \x17', 'curl ', 5],
  ])('edits with %s', (_name, keys, buffer, cursor) => {
    const { lineEditor, type, screen } = editor();
    type(keys);
    expect(lineEditor.buffer).toBe(buffer);
    expect(lineEditor.cursor).toBe(cursor);
    expect(screen.currentLine()).toBe(`$ ${buffer}`.trimEnd());
    expect(screen.col).toBe(2 + cursor);
  });

  it('hands over the line on Enter and starts a new screen line', () => {
    const { type, events, screen } = editor();
    type('ip a\r');
    expect(events).toEqual([{ kind: 'line', text: 'ip a' }]);
    expect(screen.text()).toBe('$ ip a\n$');
  });

  it('returns the input after Enter untouched, for whatever runs next', () => {
    const { lineEditor } = editor();
    expect(lineEditor.feed('nc web 7\rhello\r')).toEqual({ event: { kind: 'line', text: 'nc web 7' }, rest: 'hello\r' });
  });

  it('walks the history with Up and Down and keeps the line being typed', () => {
    const { lineEditor, type } = editor();
    type('first\rsecond\rdraft');
    type(UP);
    expect(lineEditor.buffer).toBe('second');
    type(UP + UP);
    expect(lineEditor.buffer).toBe('first');
    type(DOWN + DOWN);
    expect(lineEditor.buffer).toBe('draft');
  });

  it('keeps neither repeated lines nor lines that start with a space in the history', () => {
    const { lineEditor, type } = editor();
    type('ss\rss\r secret\r\r');
    expect(lineEditor.history).toEqual(['ss']);
  });

  it('prints ^C and gives up the line on Ctrl+C', () => {
    const { type, events, screen } = editor();
    type('ping web\x03');
    expect(events).toEqual([{ kind: 'interrupt' }]);
    expect(screen.text()).toBe('$ ping web^C\n$');
  });

  it('reports end of input on Ctrl+D only when the line is empty', () => {
    const { type, events, lineEditor } = editor();
    type(`ab${HOME}\x04`);
    expect(lineEditor.buffer).toBe('b');
    expect(events).toEqual([]);
    type(`${END}\x15\x04`);
    expect(events).toEqual([{ kind: 'eof' }]);
  });

  it('clears the screen on Ctrl+L and redraws the line at the top', () => {
    const { type, screen } = editor();
    type('one\rtwo\rthr');
    type('\x0c');
    expect(screen.text()).toBe('$ thr');
    expect(screen.row).toBe(0);
  });

  it('wraps a line longer than the terminal and edits it across rows', () => {
    const { type, screen, lineEditor } = editor(10);
    type('echo 0123456789abc');
    expect(screen.text()).toBe('$ echo 012\n3456789abc');
    type(`${HOME}x`);
    expect(screen.text()).toBe('$ xecho 01\n23456789ab\nc');
    expect([screen.row, screen.col]).toEqual([0, 3]);
    type(`${END}${BACKSPACE}${BACKSPACE}`);
    expect(screen.text()).toBe('$ xecho 01\n23456789a');
    expect(lineEditor.buffer).toBe('xecho 0123456789a');
  });

  describe('tab completion', () => {
    const words = ['netstat', 'nc', 'ping'];
    const complete = (before: string) => {
      const start = before.search(/\S*$/);
      return { start, candidates: words.filter((w) => w.startsWith(before.slice(start))) };
    };

    it('completes a unique word and adds a space', () => {
      const { type, lineEditor } = editor(80, complete);
      type('pi\t');
      expect(lineEditor.buffer).toBe('ping ');
    });

    it('completes the common prefix, then lists the candidates on a second Tab', () => {
      const { type, lineEditor, screen } = editor(80, complete);
      type('n\t');
      expect(lineEditor.buffer).toBe('n');
      type('\t');
      expect(screen.text()).toBe('$ n\nnc  netstat\n$ n');
      type('e\t');
      expect(lineEditor.buffer).toBe('netstat ');
    });
  });
});
