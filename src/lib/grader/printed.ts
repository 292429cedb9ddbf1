/**
 * What a program printed, read as a teacher reads it: the lines of one file, the addresses and names in a line
 * as whole words (10.0.0.1 is not inside 10.0.0.12, eth1 not inside veth10), and the program's host.
 */
import type { RunProgram, RunRecord } from '../runner/protocol';

/** The program that ran this file (the learner's, when both sides have a file of that name). */
export function programOf(record: RunRecord, file: string): RunProgram | undefined {
  const programs = (record.programs ?? []).filter((p) => p.file === file);
  return programs.find((p) => p.role === 'learner') ?? programs[0];
}

/** Every line the file printed, on either stream, in order; a console line with line breaks counts as several. */
export function printedLines(record: RunRecord, file: string): string[] {
  return record.console.filter((l) => l.file === file).flatMap((l) => l.text.split('\n')).filter((line) => line.trim().length > 0);
}

/** Dotted quads in a line, as whole words (not the start of a longer address, not a version number's tail). */
export function addressesIn(line: string): string[] {
  return [...line.matchAll(/(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d]|\.\d)/g)].map((m) => m[1]!);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The word is in the line, not inside a longer name or number (case-insensitive: `WEB` is `web`). */
export function hasWord(line: string, word: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9_-])${escape(word)}(?![A-Za-z0-9_])`, 'i').test(line);
}

/** The address is in the line as a whole address. */
export function hasAddress(line: string, address: string): boolean {
  return addressesIn(line).includes(address);
}

/** The port is in the line as a number of its own: `:80`, ` 80`, `port 80` — not a part of an address. */
export function hasPort(line: string, port: number): boolean {
  return new RegExp(`(?<![\\d.])${port}(?![\\d]|\\.\\d)`).test(line);
}

/** A line for quoting in a message: trimmed, and cut when long. */
export function quoted(line: string): string {
  const text = line.trim();
  return JSON.stringify(text.length > 70 ? `${text.slice(0, 67)}...` : text);
}
