import net from 'node:net';

// A tiny web server: HTTP is text on a TCP connection.
const server = net.createServer((socket) => {
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
    // TODO: wait until the request's head is complete: it ends with an empty line, "\r\n\r\n".
    // TODO: read the path from the request line ("GET /notes HTTP/1.1") and the Host header's value.
    // TODO: answer with a status line, Content-Type and Content-Length headers, an empty line, and a body
    //       that names the Host and the path. Every line of the head ends with "\r\n".
  });
  socket.on('error', (err) => console.log(`a client's connection failed: ${err.message}`));
});

// TODO: listen on port 80, the web's port, on every address of web.
