/**
 * HTTP/1.1 messages as RFC 9112 writes them, read from the text of one connection (netsim keeps it as
 * latin1: one character per byte). A request's head (request line, header lines, an empty line), and a
 * response read the way a client reads it: status line, header lines, an empty line, then exactly
 * Content-Length bytes of body. Each way a response can be wrong is a problem with its own name, so the
 * grader can say it in a teacher's words.
 */

export type Headers = readonly (readonly [name: string, value: string])[];

export interface RequestHead {
  method: string;
  target: string;
  version: string;
  headers: Headers;
}

/** The request at the start of `text`, once its head is complete (the empty line has arrived). */
export function parseRequest(text: string): RequestHead | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [requestLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const parts = /^([A-Z]+) (\S+) (HTTP\/\d\.\d)$/.exec(requestLine);
  if (!parts) return undefined;
  return { method: parts[1]!, target: parts[2]!, version: parts[3]!, headers: lines.map(splitHeader) };
}

/** A header's value by name; names are case-insensitive (RFC 9110, 5.1). */
export function headerValue(headers: Headers, name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

function splitHeader(line: string): [string, string] {
  const colon = line.indexOf(':');
  return colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).trim()];
}

/** A header field name: a token (RFC 9110, 5.6.2). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})(?: [^\r\n]*)?$/;

export interface Response {
  statusLine: string;
  status: number;
  headers: Headers;
  /** Exactly Content-Length bytes. */
  body: string;
}

export type ResponseProblem =
  | { kind: 'nothing' }
  /** The first line is not `HTTP/1.1 200 OK` or the like. */
  | { kind: 'no-status-line'; firstLine: string }
  /** Lines end with a bare \n where HTTP wants \r\n. */
  | { kind: 'bare-line-feeds' }
  /** No empty line after the header lines (the head never ends). */
  | { kind: 'head-never-ends'; received: string }
  | { kind: 'bad-header-line'; line: string }
  | { kind: 'no-content-length' }
  | { kind: 'bad-content-length'; values: string[] }
  /** Fewer body bytes than Content-Length says; `asCharacters` when the body is that many characters of UTF-8. */
  | { kind: 'body-too-short'; length: number; bytes: number; asCharacters: boolean }
  /** More bytes than Content-Length says; `nextResponse` when the extra bytes start another response. */
  | { kind: 'body-too-long'; length: number; bytes: number; asCharacters: boolean; extra: string; nextResponse: boolean };

/** Reads one response from what a client received; the first problem a client would stumble on, if any. */
export function readResponse(received: string): { response: Response } | { problem: ResponseProblem } {
  if (received.length === 0) return { problem: { kind: 'nothing' } };
  const firstBreak = received.indexOf('\n');
  const firstLine = (firstBreak < 0 ? received : received.slice(0, firstBreak)).replace(/\r$/, '');
  if (!STATUS_LINE.test(firstLine)) return { problem: { kind: 'no-status-line', firstLine } };
  const end = received.indexOf('\r\n\r\n');
  const head = end < 0 ? received : received.slice(0, end);
  // A line break without its carriage return in the head; or, when no "\r\n\r\n" ends the head, an empty line
  // made with one (the head ended the way a text file's paragraph does).
  if (end < 0) return { problem: /\r?\n\r?\n/.test(received) ? { kind: 'bare-line-feeds' } : { kind: 'head-never-ends', received } };
  if (/(^|[^\r])\n/.test(head)) return { problem: { kind: 'bare-line-feeds' } };
  const [statusLine = '', ...lines] = head.split('\r\n');
  const bad = lines.find((line) => !TOKEN.test(line.slice(0, Math.max(0, line.indexOf(':')))));
  if (bad !== undefined) return { problem: { kind: 'bad-header-line', line: bad } };
  const headers = lines.map(splitHeader);
  const lengths = headers.filter(([name]) => name.toLowerCase() === 'content-length').map(([, value]) => value);
  if (lengths.length === 0) return { problem: { kind: 'no-content-length' } };
  if (!lengths.every((value) => /^\d{1,9}$/.test(value) && value === lengths[0])) return { problem: { kind: 'bad-content-length', values: lengths } };
  const length = Number(lengths[0]);
  const rest = received.slice(end + 4);
  const status = Number(STATUS_LINE.exec(statusLine)![1]);
  if (rest.length === length) return { response: { statusLine, status, headers, body: rest } };
  const asCharacters = isCharacterCount(rest, length);
  if (rest.length < length) return { problem: { kind: 'body-too-short', length, bytes: rest.length, asCharacters } };
  const extra = rest.slice(length);
  return { problem: { kind: 'body-too-long', length, bytes: rest.length, asCharacters, extra, nextResponse: extra.startsWith('HTTP/') } };
}

/** Do these bytes (latin1 text, one per byte), read as UTF-8, have `length` characters (as JavaScript's .length counts them, or as code points)? */
function isCharacterCount(latin1: string, length: number): boolean {
  const text = new TextDecoder().decode(Uint8Array.from(latin1, (c) => c.charCodeAt(0)));
  return text.length !== latin1.length && (text.length === length || [...text].length === length);
}

/** The body as the client's page would show it: UTF-8 decoded. */
export function bodyText(response: Response): string {
  return new TextDecoder().decode(Uint8Array.from(response.body, (c) => c.charCodeAt(0)));
}
