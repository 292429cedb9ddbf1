/**
 * The http-reply check on hand-built records: a response a client can read (status line, headers, an empty
 * line, exactly Content-Length bytes) that names what was asked passes; each way a beginner's response goes
 * wrong fails with a sentence that names the mistake. Also the HTTP reader on its own.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/lib/grader/checks';
import { gradeOne } from '../../src/lib/grader/grade';
import { parseRequest, readResponse } from '../../src/lib/grader/http-message';
import type { RunRecord } from '../../src/lib/runner/protocol';
import { build, laptop, web } from './records';

const check: Check = {
  id: 'h',
  title: 'a check',
  kind: 'http-reply',
  client: { host: 'laptop' },
  server: { host: 'web', port: 80 },
  atLeast: 2,
  status: 200,
  bodyIncludes: ['{path}', '{host}'],
};

const request = (path: string, host = 'web') => `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n`;
/** A response as a careful server writes it: latin1 text of the UTF-8 bytes, as netsim records them. */
const utf8 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));
const respond = (body: string, status = '200 OK', length = new TextEncoder().encode(body).length) =>
  utf8(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\n\r\n${body}`);

/** Two clients ask web:80 for two paths; `answer` says what each got back. */
function twoRequests(answer: (path: string, host: string) => string): RunRecord {
  return build()
    .connect(laptop(40001), web(80), { clientSent: request('/notes/kiwi'), serverSent: answer('/notes/kiwi', 'web') })
    .connect(laptop(40002), web(80), { clientSent: request('/maple?x=1'), serverSent: answer('/maple?x=1', 'web') })
    .done();
}

const cases: { name: string; record: RunRecord; passed: boolean; says: string }[] = [
  { name: 'a right response to each', record: twoRequests((p, h) => respond(`${h} ${p}\n`)), passed: true, says: 'Each of the 2 requests got a response a client can read ("HTTP/1.1 200 OK"' },
  { name: 'HTTP/1.0 and no reason phrase are HTTP too', record: twoRequests((p, h) => `HTTP/1.0 200\r\nContent-Length: ${(h + p).length}\r\n\r\n${h}${p}`), passed: true, says: 'Each of the 2 requests' },
  { name: 'nothing came back', record: twoRequests(() => ''), passed: false, says: 'asked for GET /notes/kiwi (Host: web) and got nothing back' },
  { name: 'the body alone, no status line', record: twoRequests((p) => `you asked for ${p}`), passed: false, says: 'a response starts with a status line such as "HTTP/1.1 200 OK"' },
  { name: 'lines end with \\n only', record: twoRequests((p, h) => `HTTP/1.1 200 OK\nContent-Length: ${(h + p).length}\n\n${h}${p}`), passed: false, says: 'ends with "\\r\\n" (carriage return, line feed)' },
  { name: 'one header line ends with \\n only', record: twoRequests((p, h) => `HTTP/1.1 200 OK\r\nContent-Length: ${(h + p).length}\nContent-Type: text/plain\r\n\r\n${h}${p}`), passed: false, says: 'end with "\\n" alone' },
  { name: 'no empty line after the headers', record: twoRequests((p, h) => `HTTP/1.1 200 OK\r\nContent-Length: ${(h + p).length}\r\n${h}${p}`), passed: false, says: 'no empty line after the headers' },
  { name: 'a header line without a colon', record: twoRequests((p, h) => `HTTP/1.1 200 OK\r\nContent Length ${(h + p).length}\r\n\r\n${h}${p}`), passed: false, says: 'which is not of the form "Name: value"' },
  { name: 'no Content-Length', record: twoRequests((p, h) => `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n${h}${p}`), passed: false, says: 'got no Content-Length header, so it could not know where the body ends' },
  { name: 'Content-Length is not a number', record: twoRequests((p, h) => `HTTP/1.1 200 OK\r\nContent-Length: undefined\r\n\r\n${h}${p}`), passed: false, says: 'got Content-Length "undefined", which is not one number of bytes' },
  { name: 'Content-Length counts characters', record: twoRequests((p, h) => respond(`✓ ${h} ${p}`, '200 OK', `✓ ${h} ${p}`.length)), passed: false, says: 'Content-Length counts bytes, not characters' },
  { name: 'Content-Length too big', record: twoRequests((p, h) => respond(`${h} ${p}`, '200 OK', 100)), passed: false, says: 'was told Content-Length: 100 but got only' },
  { name: 'Content-Length without the final line break', record: twoRequests((p, h) => respond(`${h} ${p}\n`, '200 OK', `${h} ${p}`.length)), passed: false, says: 'and takes the rest, "\\n", for the start of something else' },
  { name: 'two responses to one request', record: twoRequests((p, h) => respond(`${h} ${p}`) + respond(`${h} ${p}`)), passed: false, says: 'then got another response after the body: one request gets one response' },
  { name: '404 for a page', record: twoRequests((p, h) => respond(`${h} ${p}`, '404 Not Found')), passed: false, says: 'got "HTTP/1.1 404 Not Found", but every page asked for here exists' },
  { name: 'the same page for everyone', record: twoRequests(() => respond('Hello, world!')), passed: false, says: 'Every client got the same body, whatever it asked for ("/notes/kiwi" and "/maple?x=1")' },
  { name: 'the path but not the host', record: twoRequests((p) => respond(`you asked for ${p}`)), passed: false, says: 'got a body that does not name the Host it named, "web"' },
];

describe('http-reply', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = gradeOne(c.record, check);
    expect(result.message).toContain(c.says);
    expect(result.passed).toBe(c.passed);
  });

  it('counts only requests that arrived whole, and says when too few did', () => {
    const record = build()
      .connect(laptop(40001), web(80), { clientSent: request('/a'), serverSent: respond('web /a') })
      .connect(laptop(40002), web(80), { clientSent: 'GET /b HTTP/1.1\r\nHost: web\r\n', serverSent: '' })
      .done();
    expect(gradeOne(record, check).message).toBe('Only 1 request from laptop reached web:80 whole; 2 should have.');
  });
});

describe('the HTTP reader', () => {
  it('reads a request head only once its empty line has come', () => {
    expect(parseRequest('GET /x HTTP/1.1\r\nHost: web:8080\r\n')).toBeUndefined();
    expect(parseRequest('GET /x HTTP/1.1\r\nhost: web:8080\r\n\r\n')).toEqual({ method: 'GET', target: '/x', version: 'HTTP/1.1', headers: [['host', 'web:8080']] });
  });

  it('reads a response by its Content-Length, and names the first problem a client meets', () => {
    expect(readResponse('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi')).toEqual({ response: { statusLine: 'HTTP/1.1 200 OK', status: 200, headers: [['Content-Length', '2']], body: 'hi' } });
    expect(readResponse('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nhi')).toEqual({ problem: { kind: 'bad-content-length', values: ['2', '3'] } });
    expect(readResponse('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n')).toMatchObject({ problem: { kind: 'head-never-ends' } });
  });
});
