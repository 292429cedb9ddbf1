/** Reads an HTTP/1.1 response from a byte stream: status line, headers, then a body framed as the headers say. */

export interface HttpResponseHead {
  statusLine: string;
  status: number;
  headers: [string, string][];
}

export type BodyFraming = { kind: 'length'; bytes: number } | { kind: 'chunked' } | { kind: 'until-close' } | { kind: 'none' };

/** Splits the head off once `\r\n\r\n` has arrived; undefined until then. */
export function parseHead(buffer: string): { head: HttpResponseHead; rest: string } | undefined {
  const end = buffer.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine = '', ...lines] = buffer.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return colon === -1 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return { head: { statusLine, status, headers }, rest: buffer.slice(end + 4) };
}

export function header(head: HttpResponseHead, name: string): string | undefined {
  return head.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

export function bodyFraming(head: HttpResponseHead, method: string): BodyFraming {
  if (method === 'HEAD' || head.status === 204 || head.status === 304) return { kind: 'none' };
  if (header(head, 'transfer-encoding')?.toLowerCase().includes('chunked')) return { kind: 'chunked' };
  const length = header(head, 'content-length');
  if (length !== undefined) return { kind: 'length', bytes: Number(length) };
  return { kind: 'until-close' };
}

/** Decodes a chunked body; `complete` once the zero-size chunk and its CRLF have arrived. */
export function decodeChunked(raw: string): { body: string; complete: boolean } {
  let body = '';
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd === -1) return { body, complete: false };
    const size = parseInt(raw.slice(at, lineEnd), 16);
    if (Number.isNaN(size)) return { body, complete: true };
    if (size === 0) return { body, complete: raw.indexOf('\r\n', lineEnd + 2) !== -1 };
    const start = lineEnd + 2;
    if (raw.length < start + size + 2) return { body, complete: false };
    body += raw.slice(start, start + size);
    at = start + size + 2;
  }
}
