import { defineQuiz } from '../../components/quiz/define';

export default defineQuiz({
  lesson: 'ports/echo-server',
  questions: [
    {
      kind: 'choice',
      id: 'tcp-udp-doors',
      prompt: 'On web, the name server listens on UDP port 53 only. A TCP packet arrives for `10.0.0.2` port 53, opening a connection. What happens?',
      options: [
        { id: 'reset', text: 'web answers with a reset: nobody listens on TCP port 53', correct: true, feedback: 'TCP and UDP have separate ports. UDP 53 is taken; TCP 53 is a different door, and nobody is behind it.' },
        { id: 'named', text: 'The name server gets it: it has port 53', feedback: 'It has UDP port 53. A TCP packet only goes to a program that listens on TCP port 53: the protocol is part of the door.' },
        { id: 'wait', text: 'It waits until the name server listens on TCP too', feedback: 'An operating system does not keep packets for a port nobody listens on: it answers at once, with a reset for TCP.' },
      ],
    },
    {
      kind: 'choice',
      id: 'user-port',
      prompt: 'On Linux, you start your own server as yourself, not as root. On which of these ports can it listen?',
      options: [
        { id: 'p8080', text: '8080', correct: true, feedback: '8080 is a user port (1024 and up): anyone may listen there, which is why development servers use it.' },
        { id: 'p80', text: '80', feedback: '80 is below 1024: on Linux, only root may listen there. Your server would get `listen EACCES: permission denied`.' },
        { id: 'p443', text: '443', feedback: '443 is below 1024, a system port: a normal user gets `EACCES`.' },
        { id: 'p22', text: '22', feedback: '22 is a system port (and ssh’s): a normal user gets `EACCES`, and on most computers sshd already has it anyway.' },
      ],
    },
    {
      kind: 'choice',
      id: 'ephemeral',
      prompt: 'A client on a Linux computer with default settings connects to a server. Which of these could be the port its operating system picks for the client?',
      options: [
        { id: 'e45000', text: '45000', correct: true, feedback: 'Linux picks client (ephemeral) ports from 32768 to 60999 by default, and 45000 is in that range.' },
        { id: 'e80', text: '80', feedback: '80 is the server’s well-known port. A client’s port is any free one the operating system picks, never a system port.' },
        { id: 'e1023', text: '1023', feedback: '1023 is the last system port. Linux picks ephemeral ports from a range far above: 32768 to 60999.' },
        { id: 'e62000', text: '62000', feedback: 'It is in RFC 6335’s dynamic range (49152–65535), which Windows and macOS use; but Linux’s own range stops at 60999.' },
      ],
    },
    {
      kind: 'choice',
      id: 'addrinuse',
      prompt: 'Program A listens on `0.0.0.0:8080`. Program B, on the same computer, calls `listen(8080, \'127.0.0.1\')`. What does B get?',
      options: [
        { id: 'eaddrinuse', text: '`EADDRINUSE`: the address is already in use', correct: true, feedback: '`0.0.0.0:8080` means port 8080 on every address, `127.0.0.1` included, so that address and port are taken.' },
        { id: 'ok', text: 'It listens: `127.0.0.1` is a different address from `0.0.0.0`', feedback: '`0.0.0.0` is not one address: it stands for all of them. A listens on `127.0.0.1:8080` too.' },
        { id: 'eacces', text: '`EACCES`: permission denied', feedback: '`EACCES` is about ports below 1024 for a normal user. 8080 is a user port; the problem here is that it is taken.' },
      ],
    },
    {
      kind: 'choice',
      id: 'range-5432',
      prompt: 'PostgreSQL, a database server, uses port 5432 by default. In which of RFC 6335’s ranges is it?',
      options: [
        { id: 'user', text: 'User ports (1024–49151)', correct: true, feedback: '5432 is above 1023 and below 49152: a user port, registered with IANA for PostgreSQL, and one a normal user may listen on.' },
        { id: 'system', text: 'System ports (0–1023)', feedback: 'System ports stop at 1023. 5432 is well known, but not a system port.' },
        { id: 'dynamic', text: 'Dynamic ports (49152–65535)', feedback: 'Dynamic ports start at 49152 and are never registered for a service.' },
      ],
    },
  ],
});
