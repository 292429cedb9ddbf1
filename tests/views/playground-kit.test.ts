/** The playground's building blocks: the web server's HTTP, and the checks that keep a scenario's data honest. */
import { describe, expect, it } from 'vitest';
import { readRequest, respond, type HttpRequest } from '../../src/components/network/playgrounds/kit/httpMessages';
import { definePlayground, type ServiceSpec } from '../../src/components/network/playgrounds/kit/playground';
import type { TopologySpec } from '../../src/lib/netsim/types';

const pages = { '/': { title: 'Home', paragraphs: ['Fish & chips <today>'] } };
const request = (head: string): HttpRequest => {
  const read = readRequest(`${head}\r\n\r\n`);
  if (read.kind !== 'request') throw new Error(`not a request: ${head}`);
  return read.request;
};
const headerOf = (text: string, name: string) => new RegExp(`^${name}: (.*)\r$`, 'mi').exec(text)?.[1];

describe('the web server’s HTTP', () => {
  it.each([
    ['HTTP/1.1 with no Connection header', 'GET / HTTP/1.1\r\nHost: web', false, 'keep-alive'],
    ['HTTP/1.1 asking to close', 'GET / HTTP/1.1\r\nHost: web\r\nConnection: close', true, 'close'],
    ['HTTP/1.0 with no Connection header', 'GET / HTTP/1.0', true, 'close'],
    ['HTTP/1.0 asking for keep-alive', 'GET / HTTP/1.0\r\nConnection: Keep-Alive', false, 'keep-alive'],
  ])('%s: closes after the response = %s', (_case, head, closes, connection) => {
    const response = respond(request(head), pages, 'httpd');
    expect(response.closeAfter).toBe(closes);
    expect(headerOf(response.text, 'Connection')).toBe(connection);
  });

  it.each([
    ['GET /', 200, 'HTTP/1.1 200 OK'],
    ['GET /?lang=en', 200, 'HTTP/1.1 200 OK'],
    ['GET /nowhere', 404, 'HTTP/1.1 404 Not Found'],
    ['POST /', 405, 'HTTP/1.1 405 Method Not Allowed'],
  ])('answers %s with %i', (line, status, statusLine) => {
    const response = respond(request(`${line} HTTP/1.1`), pages, 'httpd');
    expect(response.status).toBe(status);
    expect(response.text.startsWith(`${statusLine}\r\n`)).toBe(true);
  });

  it('counts Content-Length in bytes of the body, and escapes the page’s text as HTML', () => {
    const text = respond(request('GET / HTTP/1.1'), { '/': { title: 'Café', paragraphs: ['Fish & chips <today>'] } }, 'httpd').text;
    const body = text.slice(text.indexOf('\r\n\r\n') + 4);
    expect(Number(headerOf(text, 'Content-Length'))).toBe(new TextEncoder().encode(body).length);
    expect(body).toContain('<p>Fish &amp; chips &lt;today&gt;</p>');
  });

  it('answers HEAD with the headers of GET and no body', () => {
    const get = respond(request('GET / HTTP/1.1'), pages, 'httpd').text;
    const head = respond(request('HEAD / HTTP/1.1'), pages, 'httpd').text;
    expect(head).toBe(get.slice(0, get.indexOf('\r\n\r\n') + 4));
  });

  it('waits for the whole head, then for the body its Content-Length announces, and leaves the next request', () => {
    expect(readRequest('GET / HTTP/1.1\r\nHost: web\r\n').kind).toBe('incomplete');
    // Typed by hand into nc, which sends LF: read as the same request (RFC 9112 §2.2).
    expect(readRequest('GET / HTTP/1.0\nHost: web\n\n')).toMatchObject({ kind: 'request', request: { method: 'GET', target: '/', version: 'HTTP/1.0', headers: [['Host', 'web']] }, rest: '' });
    expect(readRequest('GET / HTTP/1.0\nHost: web\n').kind).toBe('incomplete');
    expect(readRequest('POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab').kind).toBe('incomplete');
    const read = readRequest('POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcdeGET /2 HTTP/1.1\r\n\r\n');
    expect(read).toMatchObject({ kind: 'request', request: { method: 'POST', target: '/' }, rest: 'GET /2 HTTP/1.1\r\n\r\n' });
  });

  it('calls a line that is not HTTP malformed', () => {
    expect(readRequest('hello\r\n\r\n')).toEqual({ kind: 'malformed', reason: 'not an HTTP/1.x request line: "hello"' });
  });
});

describe('definePlayground', () => {
  const topology: TopologySpec = { version: 1, hosts: [{ name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] }] };
  const echo = (change: Partial<ServiceSpec>): ServiceSpec => ({ kind: 'tcp-echo', host: 'web', process: 'echo', runAs: 'root', address: '10.0.0.2', port: 7, ...change }) as ServiceSpec;

  it.each([
    ['a host that is not in the topology', echo({ host: 'mail' }), 'runs on host "mail", which is not in the topology (hosts: web)'],
    ['an address of another host', echo({ address: '10.0.0.10' }), 'listens on 10.0.0.10, which is not an address of web: use one of 0.0.0.0, 127.0.0.1, 10.0.0.2'],
    ['port 0', echo({ port: 0 }), 'listens on port 0: a port is a whole number from 1 to 65535'],
    ['port 70000', echo({ port: 70_000 }), 'listens on port 70000'],
    ['a user service on a privileged port', echo({ runAs: 'user' }), "runs as a user, who may not listen on port 7 (below 1024): set runAs: 'root', or use a port from 1024 up"],
    [
      'a page path without a slash',
      { kind: 'http', host: 'web', process: 'httpd', runAs: 'root', address: '0.0.0.0', port: 80, pages: { 'index.html': { title: 't', paragraphs: [] } } } as ServiceSpec,
      'has a page "index.html": page paths start with /',
    ],
  ])('rejects %s, naming the service and the fix', (_case, service, message) => {
    expect(() => definePlayground({ summary: '', topology, services: [service] })).toThrow(message);
  });

  it.each([
    ['a browser to a host that does not exist', { kind: 'browser', host: 'web', process: 'browser', runAs: 'user', to: { host: 'mail', port: 80 }, connections: 2 }, 'connects to "mail", which is no host of the topology'],
    ['a browser with 50 connections', { kind: 'browser', host: 'web', process: 'browser', runAs: 'user', to: { host: 'web', port: 80 }, connections: 50 }, 'opens 50 connections: from 1 to 8'],
  ])('rejects %s', (_case, service, message) => {
    expect(() => definePlayground({ summary: '', topology, services: [service as ServiceSpec] })).toThrow(message);
  });

  it('accepts a user service from port 1024 up', () => {
    expect(() => definePlayground({ summary: '', topology, services: [echo({ runAs: 'user', port: 1024 })] })).not.toThrow();
  });

  it('accepts every address of the host, loopback and 0.0.0.0', () => {
    for (const address of ['10.0.0.2', '127.0.0.1', '0.0.0.0']) {
      expect(() => definePlayground({ summary: '', topology, services: [echo({ address })] })).not.toThrow();
    }
  });
});
