/**
 * An HTTP response judged by what HTTP/1.1 requires, connection by connection: the client's request is read
 * from what it sent, the response from what it received, the way a client reads one (status line, headers,
 * an empty line, exactly Content-Length bytes of body), and the body must name what the request asked for.
 */
import type { StreamRecord } from '../../netsim/types';
import type { RunRecord } from '../../runner/protocol';
import type { HttpReplyCheck } from '../checks';
import { bodyText, headerValue, parseRequest, readResponse, type RequestHead, type ResponseProblem } from '../http-message';
import { firstClose, formatEndpoint, listInWords, plural } from '../record-queries';
import { connectionsTo, shown } from './exchange';
import { fail, pass, type Verdict } from './verdict';

const ms = (at: number) => `${Math.round(at)} ms`;

/** What a template names, in words: `{path}` → the path it asked for, "/notes". */
const PARTS: Readonly<Record<string, { words: string; value: (request: RequestHead) => string }>> = {
  path: { words: 'the path it asked for', value: (r) => r.target },
  host: { words: 'the Host it named', value: (r) => headerValue(r.headers, 'host') ?? '' },
  method: { words: 'its method', value: (r) => r.method },
};

function fill(template: string, request: RequestHead): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => PARTS[key]?.value(request) ?? whole);
}

function describeTemplate(template: string, request: RequestHead): string {
  const only = /^\{(\w+)\}$/.exec(template)?.[1];
  const part = only ? PARTS[only] : undefined;
  return part ? `${part.words}, ${shown(part.value(request))}` : shown(fill(template, request));
}

/** The request as a person would say it: GET /notes (Host: web). */
function asked(request: RequestHead): string {
  const host = headerValue(request.headers, 'host');
  return `${request.method} ${request.target}${host === undefined ? '' : ` (Host: ${host})`}`;
}

/** Why a client could not read the response, in a teacher's words. */
function problemInWords(problem: ResponseProblem, record: RunRecord, connection: StreamRecord): string {
  switch (problem.kind) {
    case 'nothing': {
      const closed = firstClose(record, connection);
      return `got nothing back${closed?.by === 'remote' ? `: the server closed the connection at ${ms(closed.at)} without answering` : ''}`;
    }
    case 'no-status-line':
      return `got ${shown(problem.firstLine)} as the first line, but a response starts with a status line such as "HTTP/1.1 200 OK"`;
    case 'bare-line-feeds':
      return 'got header lines that end with "\\n" alone: in HTTP every line of the head ends with "\\r\\n" (carriage return, line feed)';
    case 'head-never-ends':
      return `got ${shown(problem.received)} with no empty line after the headers, so it never knew where the headers end and the body begins: end the head with "\\r\\n\\r\\n"`;
    case 'bad-header-line':
      return `got the header line ${shown(problem.line)}, which is not of the form "Name: value"`;
    case 'no-content-length':
      return 'got no Content-Length header, so it could not know where the body ends: say how many bytes the body has';
    case 'bad-content-length':
      return `got Content-Length ${listInWords(problem.values.map((v) => shown(v)))}, which is not one number of bytes`;
    case 'body-too-short':
      return `was told Content-Length: ${problem.length} but got only ${plural(problem.bytes, 'byte')} of body, and waited for the rest`;
    case 'body-too-long':
      if (problem.nextResponse) return `was told Content-Length: ${problem.length}, then got another response after the body: one request gets one response`;
      if (problem.asCharacters) {
        return `was told Content-Length: ${problem.length}, but the body is ${plural(problem.bytes, 'byte')}: Content-Length counts bytes, not characters, and a character such as é or ✓ takes more than one byte in UTF-8 (Buffer.byteLength(body) counts them)`;
      }
      return `was told Content-Length: ${problem.length}, but ${plural(problem.bytes, 'byte')} came after the empty line: the client reads ${problem.length} and takes the rest, ${shown(problem.extra)}, for the start of something else`;
    default: {
      const never: never = problem;
      throw new Error(`unknown problem ${JSON.stringify(never)}`);
    }
  }
}

/** One connection that carried a complete request, and what became of it. */
interface Exchange {
  connection: StreamRecord;
  request: RequestHead;
  /** Why it is wrong, or undefined when the response is what HTTP and the check require. */
  wrong?: string;
}

function judge(check: HttpReplyCheck, record: RunRecord, connection: StreamRecord, request: RequestHead): string | undefined {
  const read = readResponse(connection.received);
  if ('problem' in read) return problemInWords(read.problem, record, connection);
  const { response } = read;
  if (response.status !== check.status) {
    return `got ${shown(response.statusLine)}, but every page asked for here exists: the status line should say ${check.status}, as in "HTTP/1.1 ${check.status} OK"`;
  }
  const body = bodyText(response);
  const missing = check.bodyIncludes.filter((template) => !body.includes(fill(template, request)));
  if (missing.length > 0) {
    return `got a body that does not name ${listInWords(missing.map((t) => describeTemplate(t, request)))}: it was ${shown(body)}`;
  }
  return undefined;
}

export function evaluateHttpReply(check: HttpReplyCheck, record: RunRecord): Verdict {
  const { client, server } = check;
  const target = `${server.host}:${server.port}`;
  const connections = connectionsTo(record, client.host, server);
  const exchanges: Exchange[] = connections.flatMap((connection) => {
    const request = parseRequest(connection.sent);
    if (!request) return [];
    const wrong = judge(check, record, connection, request);
    return [wrong === undefined ? { connection, request } : { connection, request, wrong }];
  });
  if (exchanges.length < check.atLeast) {
    if (connections.length === 0) return fail(`No connection from ${client.host} reached ${target}, so no request could be answered.`);
    return fail(`Only ${plural(exchanges.length, 'request')} from ${client.host} reached ${target} whole; ${check.atLeast} should have.`);
  }
  const wrong = exchanges.filter((e) => e.wrong !== undefined);
  if (wrong.length === 0) {
    const example = exchanges[0]!;
    const read = readResponse(example.connection.received);
    const line = 'response' in read ? read.response.statusLine : '';
    return pass(
      `Each of the ${plural(exchanges.length, 'request')} got a response a client can read (${shown(line)}, a body of exactly Content-Length bytes) that names what it asked for (e.g. ${asked(example.request)}).`,
    );
  }
  // Every client got the same body although they asked for different things: a fixed page.
  const bodies = exchanges.map((e) => e.connection.received.slice(e.connection.received.indexOf('\r\n\r\n') + 4));
  const targets = new Set(exchanges.map((e) => e.request.target));
  if (wrong.length === exchanges.length && targets.size > 1 && new Set(bodies).size === 1 && bodies[0]!.length > 0) {
    const first = wrong[0]!;
    const some = [...targets].slice(0, 3).map((t) => shown(t));
    return fail(`Every client got the same body, whatever it asked for (${targets.size > 3 ? `${some.join(', ')}…` : listInWords(some)}): the client at ${formatEndpoint(first.connection.local)}, which asked for ${asked(first.request)}, ${first.wrong}.`);
  }
  const first = wrong[0]!;
  return fail(
    `${plural(wrong.length, 'request')} of ${exchanges.length} did not get the response HTTP requires: the client at ${formatEndpoint(first.connection.local)} asked for ${asked(first.request)} and ${first.wrong}.`,
  );
}
