import { defineQuiz } from '../../components/quiz/define';

export default defineQuiz({
  lesson: 'sockets/connections',
  questions: [
    {
      kind: 'short',
      id: 'count-sockets',
      prompt: 'A web server listens on port 80, and four clients are connected to it. How many TCP sockets does the server’s program hold?',
      answer: 'number',
      label: 'Number of sockets',
      accept: ['5'],
      right: 'One listening socket, which only waits, and one accepted socket per client: 1 + 4 = 5.',
      wrong: [
        { answers: ['4'], feedback: 'One per client, yes: but the socket that listens for the next client is there too.' },
        { answers: ['1'], feedback: 'The listening socket carries no data: each client gets a socket of its own, made by `accept()`.' },
        { answers: ['8'], feedback: '8 counts both sides of four connections: the clients’ sockets belong to the clients’ programs, not to the server’s.' },
      ],
      otherwise: 'Count the listening socket, and one socket for each connected client.',
    },
    {
      kind: 'choice',
      id: 'same-four',
      prompt: 'Two connections to `10.0.0.2:80` come from the same computer, `10.0.0.20`. Which of the four numbers must differ?',
      options: [
        { id: 'client-port', text: 'The client’s port', correct: true, feedback: 'The other three are the same for both, and no two connections may share all four: the client’s operating system gives each connection its own ephemeral port.' },
        { id: 'server-port', text: 'The server’s port', feedback: 'Both connect to port 80: a server’s port is shared by all its clients. Something on the client’s side must differ.' },
        { id: 'none', text: 'None: the server tells them apart by the order they came in', feedback: 'A packet carries only the four numbers; the operating system matches them to find the socket. If all four were equal, two connections could not be told apart.' },
      ],
    },
    {
      kind: 'choice',
      id: 'listen-vs-accepted',
      prompt: '`ss -tan` on a server shows `LISTEN 0.0.0.0:80 0.0.0.0:*` and `ESTAB 10.0.0.2:80 10.0.0.20:38475`. Which socket carries the bytes the client at `10.0.0.20` sends?',
      options: [
        { id: 'estab', text: 'The `ESTAB` one', correct: true, feedback: 'It is the server’s half of that client’s pair: its four numbers match the client’s packets exactly.' },
        { id: 'listen', text: 'The `LISTEN` one: it is on port 80', feedback: 'The listening socket only takes new clients (a SYN with no matching connection). Data on an existing connection goes to the socket whose four numbers match.' },
        { id: 'both', text: 'Both: each gets a copy', feedback: 'Each packet goes to one socket: the connected one whose four numbers match, if there is one.' },
      ],
    },
    {
      kind: 'short',
      id: 'client-view',
      prompt: 'On the server, an accepted socket has `localAddress` `10.0.0.2`, `localPort` 80, `remoteAddress` `10.0.0.20` and `remotePort` 38475. On the client, what are its socket’s local address and port?',
      answer: 'endpoint',
      label: 'Local end-point',
      example: '10.0.0.2:7',
      accept: ['10.0.0.20:38475'],
      right: 'Each side calls its own end “local”: the same four numbers, swapped.',
      wrong: [{ answers: ['10.0.0.2:80'], feedback: 'That is the server’s end. From the client, the server is the remote side.' }],
      otherwise: 'The two sockets of a pair hold the same four numbers: what the server calls remote, the client calls local.',
    },
    {
      kind: 'choice',
      id: 'close-listener',
      prompt: 'A Node server calls `server.close()` while two clients are connected. What happens?',
      options: [
        { id: 'new-refused', text: 'New clients are refused; the two connections go on until they end', correct: true, feedback: '`close()` closes the listening socket only. The accepted sockets are separate: each lives until its own connection ends.' },
        { id: 'all-cut', text: 'Both connections are cut at once', feedback: 'The accepted sockets do not depend on the listening socket once they exist. They end when their own connection ends.' },
        { id: 'nothing', text: 'Nothing changes until both clients leave', feedback: 'The listening socket goes at once: from then on, a new client’s SYN finds nobody listening and gets a reset.' },
      ],
    },
  ],
});
