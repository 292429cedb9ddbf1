/**
 * HTTP/1.1 as a small static web server speaks it: requests read from a byte stream one at a time, and
 * the response each gets, with its Content-Length and whether the connection stays open afterwards.
 * Pure functions, no sockets: the server in ./httpServer feeds them.
 */

export interface HttpRequest {
  method: string;
  /** The path and query as sent, e.g. `/` or `/index.html?x=1`. */
  target: string;
  /** `HTTP/1.1` or `HTTP/1.0`. */
  version: string;
  headers: [string, string][];
}

export type RequestRead =
  | { kind: 'request'; request: HttpRequest; rest: string }
  | { kind: 'incomplete' }
  | { kind: 'malformed'; reason: string };

/** A page the server has: its title and its paragraphs, as plain text (escaped when sent). */
export interface SitePage {
  title: string;
  paragraphs: string[];
}

export interface HttpResponse {
  status: number;
  /** The whole message, head and body, as sent on the wire. */
  text: string;
  /** The server closes its side after sending it. */
  closeAfter: boolean;
}

const REQUEST_LINE = /^([A-Z]+) (\S+) (HTTP\/1\.[01])$/;
const REASONS: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed' };

/**
 * Where the head ends: at the first empty line. A bare LF ends a line too (RFC 9112 §2.2 lets a server accept
 * it, and nginx does), so a request typed by hand into `nc`, which sends LF, is answered.
 */
function headEnd(received: string): { end: number; after: number } | undefined {
  const match = /\r?\n\r?\n/.exec(received);
  return match ? { end: match.index, after: match.index + match[0].length } : undefined;
}

/** Takes the first complete request off the front of what a client has sent so far (a body is skipped). */
export function readRequest(received: string): RequestRead {
  const head = headEnd(received);
  if (!head) return { kind: 'incomplete' };
  const { end } = head;
  const [requestLine = '', ...headerLines] = received.slice(0, end).split(/\r?\n/);
  const match = REQUEST_LINE.exec(requestLine);
  if (!match) return { kind: 'malformed', reason: `not an HTTP/1.x request line: ${JSON.stringify(requestLine.slice(0, 80))}` };
  const headers = headerLines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return colon === -1 ? [line.trim(), ''] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
  const request: HttpRequest = { method: match[1]!, target: match[2]!, version: match[3]!, headers };
  const bodyLength = Number(headerValue(request, 'content-length') ?? 0);
  if (!Number.isInteger(bodyLength) || bodyLength < 0) return { kind: 'malformed', reason: 'bad Content-Length' };
  const afterHead = received.slice(head.after);
  if (afterHead.length < bodyLength) return { kind: 'incomplete' };
  return { kind: 'request', request, rest: afterHead.slice(bodyLength) };
}

export function headerValue(request: HttpRequest, name: string): string | undefined {
  return request.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** HTTP/1.1 keeps the connection unless the client says `close`; HTTP/1.0 closes unless it says `keep-alive`. */
export function keepsAlive(request: HttpRequest): boolean {
  const connection = headerValue(request, 'connection')?.toLowerCase();
  return request.version === 'HTTP/1.1' ? connection !== 'close' : connection === 'keep-alive';
}

/** The answer to one request: the page at its path, 404 for any other path, 405 for a method other than GET/HEAD. */
export function respond(request: HttpRequest, pages: Readonly<Record<string, SitePage>>, serverName: string): HttpResponse {
  const path = request.target.split('?')[0]!;
  const closeAfter = !keepsAlive(request);
  const headers: [string, string][] = [['Server', serverName]];
  let status: number;
  let page: SitePage;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    status = 405;
    headers.push(['Allow', 'GET, HEAD']);
    page = { title: '405 Method Not Allowed', paragraphs: [`This server only sends pages (GET), it does not take ${request.method} requests.`] };
  } else if (Object.hasOwn(pages, path)) {
    status = 200;
    page = pages[path]!;
  } else {
    status = 404;
    page = { title: '404 Not Found', paragraphs: [`There is no page ${path} on this server.`] };
  }
  const body = htmlPage(page);
  headers.push(
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Content-Length', String(new TextEncoder().encode(body).length)],
    ['Connection', closeAfter ? 'close' : 'keep-alive'],
  );
  return { status, closeAfter, text: head(request.version, status, headers) + (request.method === 'HEAD' ? '' : body) };
}

/** What a server sends to bytes that are not HTTP, before it hangs up. */
export function badRequest(serverName: string): HttpResponse {
  const body = htmlPage({ title: '400 Bad Request', paragraphs: ['The server could not read that request.'] });
  const headers: [string, string][] = [
    ['Server', serverName],
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Content-Length', String(new TextEncoder().encode(body).length)],
    ['Connection', 'close'],
  ];
  return { status: 400, closeAfter: true, text: head('HTTP/1.1', 400, headers) + body };
}

function head(version: string, status: number, headers: [string, string][]): string {
  return `${version} ${status} ${REASONS[status]}\r\n${headers.map(([key, value]) => `${key}: ${value}\r\n`).join('')}\r\n`;
}

function htmlPage(page: SitePage): string {
  const paragraphs = page.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>\n`).join('');
  return `<!doctype html>\n<html>\n<head><title>${escapeHtml(page.title)}</title></head>\n<body>\n<h1>${escapeHtml(page.title)}</h1>\n${paragraphs}</body>\n</html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!);
}
