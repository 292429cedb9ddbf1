import net from 'node:net';

// One handler shape for both doors: a word, then the address the client came from.
function greeter(word: string) {
  return (socket: net.Socket) => {
    const from = socket.remoteAddress;
    console.log(`${word}: a visitor from ${from}:${socket.remotePort}`);
    socket.end(`${word} ${from}\n`);
  };
}

net.createServer(greeter('hello')).listen(8080);
net.createServer(greeter('admin')).listen(9000, '127.0.0.1');
