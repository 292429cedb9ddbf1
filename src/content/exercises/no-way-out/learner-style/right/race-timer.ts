import net from 'node:net';
import { once } from 'node:events';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

async function probe(host: string, port: number): Promise<string> {
  const socket = net.connect(port, host);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), 5000);
  });
  try {
    return await Promise.race([once(socket, 'connect').then(() => 'connected'), silence]);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? String(err);
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}

const answers = await Promise.all(targets.map(([host, port]) => probe(host, port)));
answers.forEach((answer, i) => console.log(`${targets[i]![0]}:${targets[i]![1]} ${answer}`));
