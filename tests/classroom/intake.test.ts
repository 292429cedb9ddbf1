/**
 * Many hand-ins at once: a thousand files, a 50 MB file, pasted codes in any layout, bad ones among good ones.
 * Each is read or refused on its own, the page gets its turn between slices of work, and nothing throws.
 */
import { describe, expect, it } from 'vitest';
import { codesIn, intakeSummary, takeIn, type IntakeResult, type Source } from '../../src/lib/classroom/intake';
import { handInCode, handInFile } from '../../src/lib/classroom/hand-in';
import { encodeAssignment } from '../../src/lib/classroom/assignment';
import { course, handInOf, portsAssignment } from './fixtures';

const file = (name: string, text: string, size = text.length): Source => ({ kind: 'file', name, size, read: () => Promise.resolve(text) });

async function intake(sources: Iterable<Source>, clock?: () => number) {
  const results: IntakeResult[] = [];
  let pauses = 0;
  const counts = await takeIn(sources, course, {
    pause: async () => {
      pauses++;
    },
    onResult: (result) => results.push(result),
    ...(clock ? { now: clock } : {}),
  });
  return { results, pauses, counts };
}

describe('taking in hand-ins', () => {
  it('reads 1,000 files at once, each in order, pausing for the page between slices', async () => {
    const files = Array.from({ length: 1000 }, (_, i) => file(`learner-${i}.endpoints.json`, handInFile(handInOf(`Learner ${i}`))));
    // A clock that moves 1 ms per look: a slice is 8 hand-ins long, so the page gets its turn about 125 times.
    let t = 0;
    const { results, pauses, counts } = await intake(files, () => t++);
    expect(counts).toEqual({ accepted: 1000, refused: 0 });
    expect(results.map((r) => (r.ok ? r.accepted.handIn.learner : '')).slice(0, 3)).toEqual(['Learner 0', 'Learner 1', 'Learner 2']);
    expect(results.every((r, i) => r.ok && r.accepted.index === i)).toBe(true);
    expect(pauses).toBeGreaterThan(100);
  });

  it('refuses a 50 MB file from its size, without reading it, and goes on with the rest', async () => {
    let read = false;
    const huge: Source = {
      kind: 'file',
      name: 'video.endpoints.json',
      size: 50 * 1024 * 1024,
      read: () => {
        read = true;
        return Promise.resolve('');
      },
    };
    const { results, counts } = await intake([huge, file('ada.endpoints.json', handInFile(handInOf('Ada')))]);
    expect(read).toBe(false);
    expect(counts).toEqual({ accepted: 1, refused: 1 });
    expect(results[0]).toEqual({ ok: false, refused: { source: 'video.endpoints.json', kind: 'huge', reason: 'is 52.4 MB; a hand-in file is at most 5 MB (a real one is a few kilobytes)' } });
  });

  it('lists malformed, truncated, altered and unreadable files with their reasons, between good ones', async () => {
    const good = handInFile(handInOf('Ada'));
    const failing: Source = { kind: 'file', name: 'locked.json', size: 10, read: () => Promise.reject(new Error('NotReadableError')) };
    const { results } = await intake([
      file('notes.txt', 'my homework is attached'),
      file('cut.endpoints.json', good.slice(0, 300)),
      file('edited.endpoints.json', good.replace('Ada', 'Bob')),
      failing,
      file('ada.endpoints.json', good),
    ]);
    expect(results.map((r) => (r.ok ? `read ${r.accepted.source}` : `${r.refused.kind} ${r.refused.source}`))).toEqual([
      'malformed notes.txt',
      'truncated cut.endpoints.json',
      'altered edited.endpoints.json',
      'malformed locked.json',
      'read ada.endpoints.json',
    ]);
    expect(results[3]).toMatchObject({ ok: false, refused: { reason: 'could not be read (NotReadableError)' } });
  });

  it('finds the codes in pasted text however it is laid out, and says what is not a code', async () => {
    const [a, b] = await Promise.all([handInCode(handInOf('Ada')), handInCode(handInOf('Bob'))]);
    const wrapped = (code: string) => code.match(/.{1,60}/g)!.join('\n');
    const pasted = `Here are the codes:\n${wrapped(a)}\n\n,  ${b}; ${await encodeAssignment(portsAssignment)}\n${b.slice(0, 50)}`;
    const sources = codesIn(pasted);
    expect(sources.map((s) => (s.kind === 'code' ? s.label : s.name))).toEqual([
      'pasted text before the first code',
      'pasted code 1',
      'pasted code 2',
      'pasted code 3',
      'pasted code 4',
    ]);
    const { results } = await intake(sources);
    expect(results.map((r) => (r.ok ? `read ${r.accepted.handIn.learner}` : r.refused.kind))).toEqual(['not-a-hand-in', 'read Ada', 'read Bob', 'not-a-hand-in', 'truncated']);
    expect(results[3]).toMatchObject({ ok: false, refused: { reason: 'is an assignment link, not a hand-in code' } });
  });

  it('reads a hand-in file pasted as text', async () => {
    const { results } = await intake(codesIn(handInFile(handInOf('Ada'))));
    expect(results).toMatchObject([{ ok: true, accepted: { source: 'pasted text', handIn: { learner: 'Ada' } } }]);
  });

  it('scans 50 MB of pasted text in one pass and refuses a code past the limit without unpacking it', async () => {
    const sources = codesIn(`EPH1.${'A'.repeat(50_000_000)}.00000000`);
    expect(sources).toHaveLength(1);
    const { results } = await intake(sources);
    expect(results[0]).toMatchObject({ ok: false, refused: { kind: 'huge' } });
  });

  it('sums up what it read', () => {
    expect(intakeSummary(1, 0)).toBe('1 hand-in read.');
    expect(intakeSummary(1000, 2)).toBe('1,000 hand-ins read, 2 not read (the list below says why).');
  });
});
