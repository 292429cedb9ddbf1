// The driver on web: another computer on laptop's network. It tries laptop's status page and then its admin
// door, by name (laptop is 10.0.0.10), and prints what happened; it checks nothing itself.
import net from 'node:net';

/** One visit; a refusal is tried again `retries` times (on a real computer the server may not be up yet). */
function visit(host: string, port: number, retries = 0): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => console.log(`${host}:${port} says: ${text.trim()}`));
    socket.on('end', () => socket.end());
    socket.on('close', () => resolve());
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' && retries > 0) {
        socket.removeAllListeners('close');
        setTimeout(() => void visit(host, port, retries - 1).then(resolve), 250);
        return;
      }
      console.log(`${host}:${port}: ${err.code}`);
    });
  });
}

void visit('laptop', 8080, 20).then(() => visit('laptop', 9000));
