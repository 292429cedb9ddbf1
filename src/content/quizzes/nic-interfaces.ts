import { defineQuiz } from '../../components/quiz/define';

export default defineQuiz({
  lesson: 'nic/interfaces',
  questions: [
    {
      kind: 'choice',
      id: 'refused-on-loopback',
      prompt: 'On laptop (`10.0.0.10`), a server listens on `127.0.0.1:3000`. A program on web connects to `10.0.0.10:3000`. What happens?',
      options: [
        {
          id: 'refused',
          text: 'The connection is refused (`ECONNREFUSED`)',
          correct: true,
          feedback: 'The message reaches laptop, but it is for `10.0.0.10:3000`, and nothing listens on that address and port: the server took `127.0.0.1` only. laptop answers with a reset.',
        },
        {
          id: 'works',
          text: 'It works: `127.0.0.1` and `10.0.0.10` are both laptop',
          feedback: 'Both are laptop’s, but a server listens on one address (or on `0.0.0.0`, every address). A message for `10.0.0.10` does not reach a server that listens on `127.0.0.1`.',
        },
        {
          id: 'webs-own',
          text: 'The program reaches a server on web itself',
          feedback: 'It connects to `10.0.0.10`, which is laptop’s address, so the message goes to laptop. It would stay on web only if it were sent to `127.0.0.1` or to one of web’s own addresses.',
        },
        {
          id: 'timeout',
          text: 'Nothing answers, and the program waits until it times out',
          feedback: 'laptop is there and answers: its operating system replies with a reset straight away, because nothing listens on that address and port. A timeout is what you get when nothing answers at all.',
        },
      ],
    },
    {
      kind: 'short',
      id: 'phone-reaches',
      prompt: 'laptop has `eth0` with `10.0.0.10/24` (office) and `wlan0` with `192.168.1.7/24` (home Wi-Fi). phone is on the home Wi-Fi. Which of laptop’s addresses does phone use to reach a server on laptop?',
      answer: 'address',
      label: 'Address',
      example: '10.0.0.2',
      accept: ['192.168.1.7'],
      right: 'phone is on `192.168.1.0/24`, the network of `wlan0`, so it reaches laptop at `wlan0`’s address.',
      wrong: [
        { answers: ['10.0.0.10'], feedback: 'That is laptop’s address on the office network, where phone is not. phone reaches laptop through the card on its own network.' },
        { answers: ['127.0.0.1'], feedback: 'On phone, `127.0.0.1` means phone itself: a loopback address never reaches another computer.' },
        { answers: ['0.0.0.0'], feedback: '`0.0.0.0` is what a server listens on to mean “every address”; nobody sends to it.' },
      ],
      otherwise: 'Which of laptop’s two networks is phone on? Use laptop’s address on that one.',
    },
    {
      kind: 'choice',
      id: 'which-loopback',
      prompt: 'Which of these addresses is a loopback address, one that never leaves the computer?',
      options: [
        { id: 'l127', text: '`127.42.0.7`', correct: true, feedback: 'The whole block `127.0.0.0/8`, from `127.0.0.0` to `127.255.255.255`, is loopback: not only `127.0.0.1`.' },
        { id: 'l10', text: '`10.0.0.1`', feedback: '`10.…` is a private address (RFC 1918): it is used on a network and travels between computers on it.' },
        { id: 'l192', text: '`192.168.0.1`', feedback: '`192.168.…` is private: it travels on its own network, often to a home router.' },
        { id: 'l0', text: '`0.0.0.0`', feedback: '`0.0.0.0` is what a server listens on to mean “every address of this computer”; it is not the loopback.' },
      ],
    },
    {
      kind: 'short',
      id: 'listen-everywhere',
      prompt: 'A server must be reachable on every address its computer has, whichever network a client is on. On which address does it listen?',
      answer: 'address',
      label: 'Address',
      example: '10.0.0.2',
      accept: ['0.0.0.0'],
      right: '`0.0.0.0` tells the operating system “every address of this computer”: loopback and each card’s.',
      wrong: [
        { answers: ['127.0.0.1'], feedback: 'That one serves this computer only: no other computer can send to your loopback.' },
        { answers: ['255.255.255.255'], feedback: 'That is the broadcast address, for sending to every computer on a network at once, not an address to listen on.' },
      ],
      otherwise: 'There is one special address that means “every address of this computer”. Which?',
    },
    {
      kind: 'short',
      id: 'count-blocks',
      prompt: 'A laptop has an Ethernet card and a Wi-Fi card, both up. How many blocks (interfaces) does `ip addr` print?',
      answer: 'number',
      label: 'Number of blocks',
      accept: ['3'],
      right: 'One per card, and one for the loopback `lo`, which every computer has.',
      wrong: [{ answers: ['2'], feedback: 'Two cards, yes, but there is one more interface that every computer has, and it is not a card.' }],
      otherwise: '`ip addr` prints one block per interface. Count the cards, then think of the interface that is not a card.',
    },
  ],
});
