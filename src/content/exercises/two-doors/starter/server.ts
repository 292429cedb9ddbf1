import net from 'node:net';

// The status page, for everyone: answer "hello <the client's address>\n", then end the connection.
const status = net.createServer((socket) => {
  // TODO
});
// TODO: listen on port 8080, where web can reach it.

// The admin door, for laptop alone: answer "admin <the client's address>\n", then end.
const admin = net.createServer((socket) => {
  // TODO
});
// TODO: listen on port 9000, where only laptop itself can reach it.
