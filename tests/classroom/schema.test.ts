/**
 * The published formats (public/schemas/, served with the site for anyone who builds on hand-ins): every
 * assignment and hand-in the course writes is valid under its schema, the schemas' bounds are the readers'
 * own, and what the schema refuses the reader refuses too.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_CODE, ASSIGNMENT_LIMITS, assignmentJson, decodeAssignment, encodeAssignment } from '../../src/lib/classroom/assignment';
import { HAND_IN_CODE, HAND_IN_FORMAT, HAND_IN_LIMITS, HAND_IN_VERSION, handInCode, handInFile, makeHandIn, readHandInText } from '../../src/lib/classroom/hand-in';
import { crc32, decodeCode } from '../../src/lib/classroom/text-code';
import { LIMITS } from '../../src/lib/progress/record';
import { AT, course, handInOf, portsAssignment, progressOf } from './fixtures';

const schemaOf = (name: string) => JSON.parse(readFileSync(new URL(`../../public/schemas/${name}`, import.meta.url), 'utf8'));
const assignmentSchema = schemaOf(`endpoints-assignment-${ASSIGNMENT_CODE.version}.schema.json`);
const handInSchema = schemaOf(`endpoints-hand-in-${HAND_IN_VERSION}.schema.json`);
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addSchema(assignmentSchema);
const validHandIn = ajv.compile(handInSchema);
const validAssignment = ajv.getSchema(assignmentSchema.$id)!;

const errorsOf = (validate: typeof validHandIn) => (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);

describe('the published schemas', () => {
  it('hold every hand-in the course writes, finished or not, from its file and from its code', async () => {
    const unfinished = makeHandIn(portsAssignment, '  Zoë  O’Brien-Ngũgĩ ', progressOf({ exercises: { 'echo-server': { draft: { 'server.ts': '// not yet\n'.repeat(1000) } } } }), course, new Date());
    for (const handIn of [handInOf('Ada Lovelace'), unfinished, makeHandIn({ title: 'Only a quiz', items: [{ kind: 'quiz', id: 'ports-echo-server' }] }, 'Bob', progressOf({}), course, new Date())]) {
      const file = JSON.parse(handInFile(handIn));
      expect(validHandIn(file), errorsOf(validHandIn).join('\n')).toBe(true);
      const decoded = await decodeCode(HAND_IN_CODE, await handInCode(handIn));
      expect(decoded.ok && validHandIn(JSON.parse(decoded.json))).toBe(true);
    }
  });

  it('hold every assignment the course links to', async () => {
    const code = await encodeAssignment(portsAssignment);
    const decoded = await decodeCode(ASSIGNMENT_CODE, code);
    expect(decoded.ok && JSON.parse(decoded.json)).toEqual(assignmentJson(portsAssignment));
    expect(validAssignment(assignmentJson(portsAssignment))).toBe(true);
    expect((await decodeAssignment(code, course)).ok).toBe(true);
  });

  it('name the format, the version and the readers’ own bounds', () => {
    expect(handInSchema.properties.format.const).toBe(HAND_IN_FORMAT);
    expect(handInSchema.properties.version.const).toBe(HAND_IN_VERSION);
    const body = handInSchema.properties.handIn.properties;
    expect(body.learner.maxLength).toBe(HAND_IN_LIMITS.nameChars);
    expect(body.exercises.additionalProperties.properties.files.additionalProperties.maxLength).toBe(HAND_IN_LIMITS.fileChars);
    expect(body.quizzes.additionalProperties.additionalProperties.properties.answer.maxLength).toBe(HAND_IN_LIMITS.answerChars);
    expect(HAND_IN_LIMITS.answerChars).toBe(LIMITS.answerChars);
    expect(assignmentSchema.properties.title.maxLength).toBe(ASSIGNMENT_LIMITS.titleChars);
    expect(assignmentSchema.properties.note.maxLength).toBe(ASSIGNMENT_LIMITS.noteChars);
    expect(assignmentSchema.properties.items.maxItems).toBe(ASSIGNMENT_LIMITS.items);
  });

  it('refuse what the reader refuses: another version, a name past its bound, a time out of range', () => {
    const file = JSON.parse(handInFile(handInOf('Ada Lovelace')));
    const cases: [string, (copy: typeof file) => void][] = [
      ['version 2', (copy) => (copy.version = 2)],
      ['a name of 81 characters', (copy) => (copy.handIn.learner = 'a'.repeat(HAND_IN_LIMITS.nameChars + 1))],
      ['a time in 2300', (copy) => (copy.handIn.madeAt = '2300-01-01T00:00:00.000Z')],
      ['an answer that is not a verdict', (copy) => (copy.handIn.quizzes['ports-echo-server']['which-port'].correct = 'yes')],
    ];
    // A wrong answer inside a hand-in is left out with a note; the rest of the hand-in is read.
    const expected: Record<string, string> = {
      'version 2': 'wrong-version',
      'a name of 81 characters': 'unusable',
      'a time in 2300': 'unusable',
      'an answer that is not a verdict': 'read, quiz “ports-echo-server”: the answer to question “which-port” is not one the course wrote, so it was left out',
    };
    for (const [name, change] of cases) {
      const copy = structuredClone(file);
      change(copy);
      expect(validHandIn(copy), name).toBe(false);
      // The checksum made again, as a forger would: only the content is wrong.
      copy.checksum = crc32(JSON.stringify(copy.handIn));
      const read = readHandInText(JSON.stringify(copy), course);
      expect(read.ok ? `read, ${read.notes.join('; ')}` : read.kind, name).toBe(expected[name]);
    }
    expect(AT).toMatch(new RegExp(handInSchema.definitions.time.pattern));
  });
});
