/**
 * A small static web server on Node's `net`, as a learner could write it: it reads requests off each
 * connection, answers each with a page and its Content-Length, and keeps the connection open for the next
 * request (HTTP/1.1) until the client ends it, so the client closes first and its socket waits in TIME-WAIT.
 */
import { badRequest, readRequest, respond, type SitePage } from './httpMessages';
import { listen, type NodeNet } from './nodeNet';

export async function startHttpServer(
  net: NodeNet,
  address: string,
  port: number,
  pages: Readonly<Record<string, SitePage>>,
  serverName: string,
): Promise<void> {
  const server = net.createServer((socket) => {
    const decoder = new TextDecoder();
    let received = '';
    let closing = false;
    const hangUpWith = (text: string) => {
      closing = true;
      socket.end(text);
    };
    socket.on('data', (chunk) => {
      if (closing) return;
      received += decoder.decode(chunk, { stream: true });
      for (;;) {
        const read = readRequest(received);
        if (read.kind === 'incomplete') return;
        if (read.kind === 'malformed') return hangUpWith(badRequest(serverName).text);
        const response = respond(read.request, pages, serverName);
        if (response.closeAfter) return hangUpWith(response.text);
        socket.write(response.text);
        received = read.rest;
      }
    });
    socket.on('error', () => {});
  });
  await listen(server, address, port);
}
