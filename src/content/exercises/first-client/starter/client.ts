import net from 'node:net';

// TODO: connect to the greeter: host 'web', port 80.
// TODO: once connected, send the line "HELLO <your name>\n".
// TODO: print what the greeter answers.
// TODO: the greeter hangs up with a reset: listen for 'error' and print err.code.
