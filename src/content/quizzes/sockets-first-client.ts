import { defineQuiz } from '../../components/quiz/define';

export default defineQuiz({
  lesson: 'sockets/first-client',
  questions: [
    {
      kind: 'choice',
      id: 'who-picks-port',
      prompt: 'A client connects to `web:80` without asking for a port of its own. Where does its socket’s port come from?',
      options: [
        { id: 'os', text: 'Its operating system picks a free one (an ephemeral port)', correct: true, feedback: 'The client’s port only has to be free and different from its other connections to the same server; the operating system picks one from its ephemeral range (32768–60999 on Linux).' },
        { id: 'same', text: 'It uses port 80 too, to match the server', feedback: 'The client’s port has its own job: telling this connection apart from others. It would also collide with a web server on the client’s own computer, and a normal user may not even use 80 (`EACCES`).' },
        { id: 'server', text: 'The server assigns it when it accepts the connection', feedback: 'The client’s first packet (the SYN) already carries the client’s port: it is chosen before the server hears of the connection.' },
      ],
    },
    {
      kind: 'short',
      id: 'server-half',
      prompt: 'A client’s socket has the local end-point `10.0.0.10:51234` and the remote end-point `10.0.0.2:80`. What is the local end-point of the server’s socket in this pair?',
      answer: 'endpoint',
      label: 'End-point',
      example: '10.0.0.2:7',
      accept: ['10.0.0.2:80'],
      right: 'The two sockets of a pair hold the same four numbers, swapped: the server’s local end is the client’s remote end, `10.0.0.2:80`.',
      wrong: [
        { answers: ['0.0.0.0:80'], feedback: 'That is the server’s listening socket, which only waits. The socket in the pair is the one it made for this client, with the address the client reached.' },
        { answers: ['10.0.0.10:51234'], feedback: 'That is the client’s own end; for the server’s socket it is the remote end.' },
      ],
      otherwise: 'Each end sees the other as “remote”. Which end-point is the server’s side of this connection?',
    },
    {
      kind: 'choice',
      id: 'three-curls',
      prompt: 'You run `curl http://web/` three times in a row from laptop. How do the three connections differ in their four numbers?',
      options: [
        { id: 'client-port', text: 'Only in the client’s port', correct: true, feedback: 'Same client address, same server address and port; each run gets a fresh ephemeral port, so each connection has its own four numbers.' },
        { id: 'server-port', text: 'In the server’s port: each client gets its own', feedback: 'All three connect to port 80, and the server’s end of each is `10.0.0.2:80`. One server port serves every client.' },
        { id: 'none', text: 'They do not: they are the same connection', feedback: 'Each `curl` opens its own connection and closes it. Two connections may never have the same four numbers at the same time.' },
      ],
    },
    {
      kind: 'choice',
      id: 'no-error-listener',
      prompt: 'A Node client has no `\'error\'` listener, and connects to a port where nothing listens. What happens?',
      options: [
        { id: 'crash', text: 'The connection is refused and the whole program crashes', correct: true, feedback: 'In Node, an `\'error\'` event that nobody listens for is thrown: the program stops. With a listener, it can say what went wrong and carry on.' },
        { id: 'ignored', text: 'The error is ignored and the program goes on', feedback: 'Node does not ignore errors nobody handles: an unhandled `\'error\'` event crashes the program.' },
        { id: 'retry', text: 'Node keeps trying until a server listens', feedback: 'A refused connection is final: Node reports `ECONNREFUSED` once. Trying again is for your program to decide.' },
      ],
    },
    {
      kind: 'choice',
      id: 'time-wait',
      prompt: 'After `curl` finished, `ss -tan` on laptop still shows its socket, in `TIME-WAIT`. Why is it still there?',
      options: [
        { id: 'closed-first', text: 'laptop closed first; the side that closes first keeps its socket for a minute', correct: true, feedback: 'So that a late packet of the old connection is not taken for part of a new one with the same four numbers, and the last acknowledgement can be sent again if it was lost.' },
        { id: 'leak', text: 'curl forgot to close it', feedback: 'curl closed it; the operating system keeps the closed connection’s socket a while longer, on purpose.' },
        { id: 'server-open', text: 'The server is still sending', feedback: 'In `TIME-WAIT` both sides have finished. The socket waits only so that no stray packet confuses a later connection.' },
      ],
    },
  ],
});
