/** The course order of lessons, the "next lesson" after each, and what a page embeds (read from its MDX). */
import { describe, expect, it } from 'vitest';
import { lessonAfter, lessonsInOrder, type LessonEntry } from '../../src/content/lesson-order';
import { exerciseIdsIn, hasWorkspace } from '../../src/components/site/page-parts';

const entries: LessonEntry[] = [
  { id: 'reference/netsim', data: { title: 'netsim reference' } },
  { id: 'sockets/first-client', data: { title: 'Sockets', chapter: 'sockets', order: 1 } },
  { id: 'index', data: { title: 'Endpoints' } },
  { id: 'ports/echo-server', data: { title: 'Ports', chapter: 'ports', order: 1 } },
  { id: 'nic/network-card', data: { title: 'The network card', chapter: 'nic', order: 1 } },
  { id: 'teachers', data: { title: 'For teachers' } },
];

describe('the lessons in course order', () => {
  it('orders lessons by chapter as the outline lists them, and leaves out pages that are not lessons', () => {
    expect(lessonsInOrder(entries).map((entry) => entry.id)).toEqual(['nic/network-card', 'ports/echo-server', 'sockets/first-client']);
  });

  it('gives the next lesson, across chapters', () => {
    expect(lessonAfter(entries, 'ports/echo-server')).toEqual({ path: 'sockets/first-client/', title: 'Sockets' });
  });

  it('gives no next lesson after the last one written, never the reference or the teachers’ page', () => {
    expect(lessonAfter(entries, 'sockets/first-client')).toBeNull();
  });
});

describe('what a page embeds', () => {
  const mdx = ['import Exercise from "x";', 'Some text.', '<Exercise id="echo-server" />', '<Playground scenario="two-hosts" host="laptop">'].join('\n');

  it('finds the exercises by id, in page order', () => {
    expect(exerciseIdsIn(mdx)).toEqual(['echo-server']);
    expect(exerciseIdsIn(`${mdx}\n<Exercise title="x" id='first-client' />`)).toEqual(['echo-server', 'first-client']);
  });

  it('knows a page with an exercise or a playground needs the wide layout, and one with neither does not', () => {
    expect(hasWorkspace(mdx)).toBe(true);
    expect(hasWorkspace('<Playground scenario="two-hosts" host="web" />')).toBe(true);
    expect(hasWorkspace('An exercise is described here, in words only.')).toBe(false);
    expect(hasWorkspace(undefined)).toBe(false);
  });
});
