import net from 'node:net';

// The client's half of the pair, on laptop.
// TODO: connect to web, port 4000.
// TODO: once connected, print this socket's two ends (local first), then send one line.
// TODO: print the server's answer, then end the connection.
