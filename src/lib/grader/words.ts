/**
 * Small rules of English the messages keep: one full stop at the end of a sentence (never ".."), "an"
 * before an error code said letter by letter ("an EADDRINUSE"), and which object's `'error'` listener
 * catches an error (a server's failed listen is the server's, not a socket's).
 */
import type { SocketErrorRecord } from '../netsim/types';

/** `text` as the end of a sentence: a full stop added unless it already ends with one (or ? ! …). */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]["'”’)]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "a" or "an" for a word or code, by the sound it starts with: "an EADDRINUSE", "a TCP server", "an error". */
export function article(word: string): 'a' | 'an' {
  // Codes and acronyms are said letter by letter: E, F, H, L, M, N, R, S, X start with a vowel sound.
  if (/^[A-Z0-9]{2,}\b/.test(word)) return /^[AEFHILMNORSX8]/.test(word) ? 'an' : 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The text with its first letter upper-case: the start of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "an EADDRINUSE", "a TCP" */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}

/** `server.on('error', …)` for a server that failed to listen, `socket.on('error', …)` for anything else. */
export function errorListenerFor(error: Pick<SocketErrorRecord, 'syscall'>): string {
  return error.syscall === 'listen' ? "server.on('error', …)" : "socket.on('error', …)";
}
