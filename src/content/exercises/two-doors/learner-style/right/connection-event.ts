import { Server, type Socket } from 'node:net';

const status = new Server();
status.on('connection', (socket: Socket) => socket.end('hello ' + socket.remoteAddress + '\n'));
status.on('listening', () => console.log('status:', status.address()));
status.listen(8080);

const admin = new Server();
admin.on('connection', (socket: Socket) => socket.end('admin ' + socket.remoteAddress + '\n'));
admin.on('listening', () => console.log('admin:', admin.address()));
admin.listen(9000, '127.0.0.1');
