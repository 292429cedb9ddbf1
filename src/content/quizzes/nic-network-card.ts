import { defineQuiz } from '../../components/quiz/define';

export default defineQuiz({
  lesson: 'nic/network-card',
  questions: [
    {
      kind: 'choice',
      id: 'website-sees',
      prompt: 'At home, your laptop has the address `192.168.1.7` and visits a website. Which address does the website see as the sender?',
      options: [
        {
          id: 'laptop-ip',
          text: '`192.168.1.7`, the laptop’s own address',
          feedback: '`192.168.1.…` is a private address (RFC 1918): it is not routed on the Internet, so it cannot be the sender a website answers. Think of who puts an address on your request on its way out.',
        },
        {
          id: 'router-public',
          text: 'The public address of your home router',
          correct: true,
          feedback: 'Your router replaces the private sender address with its own public one (NAT), the website answers the router, and the router passes the answer on to your laptop.',
        },
        {
          id: 'mac',
          text: 'The laptop’s MAC address',
          feedback: 'A MAC address only travels as far as the first router: the website never sees it. Messages across the Internet are addressed by IP.',
        },
        {
          id: 'loopback',
          text: '`127.0.0.1`',
          feedback: '`127.0.0.1` is the loopback address: on every computer it means "this computer itself", so it never appears on the network.',
        },
      ],
    },
    {
      kind: 'choice',
      id: 'what-stays',
      prompt: 'A message goes from laptop, through a router, to a server on another network. Which address on it stays the same from start to finish?',
      options: [
        {
          id: 'dest-ip',
          text: 'The server’s IP address',
          correct: true,
          feedback: 'The IP addresses travel end to end. Each hop across one local network wraps the message in a frame with the MAC address of the next card, so the MAC addresses change at the router.',
        },
        {
          id: 'dest-mac',
          text: 'The server’s MAC address',
          feedback: 'laptop never learns the server’s MAC address: a MAC address means something on one local network only. laptop’s frame is for the router’s card, and the router makes a new frame for the next network.',
        },
        {
          id: 'both',
          text: 'Both the IP and the MAC address of the server',
          feedback: 'Only one of them crosses the router unchanged. Which one means something beyond the local network?',
        },
      ],
    },
    {
      kind: 'short',
      id: 'read-inet',
      prompt: 'On a computer, `ip addr` prints the line `inet 172.20.4.9/16 scope global eth0`. What is this computer’s IP address on `eth0`?',
      answer: 'cidr',
      label: 'IP address',
      example: '10.0.0.2',
      accept: ['172.20.4.9', '172.20.4.9/16'],
      right: 'The `inet` line gives the IPv4 address, `172.20.4.9`, with its prefix length `/16` after the slash.',
      wrong: [
        {
          answers: ['172.20.0.0/16', '172.20.0.0'],
          feedback: 'That is the network the address belongs to, not the computer’s own address. The `inet` line shows the card’s own address, exactly as it was given.',
        },
        { answers: ['127.0.0.1', '127.0.0.1/8'], feedback: 'That is the loopback address, on `lo`. The line here is for `eth0`.' },
      ],
      otherwise: 'Look at the `inet` line: the address comes right after the word `inet`, before the slash.',
    },
    {
      kind: 'choice',
      id: 'private-172',
      prompt: 'Is `172.20.4.9` a private address, one that any home or office may use and that is not routed on the Internet?',
      options: [
        {
          id: 'yes',
          text: 'Yes',
          correct: true,
          feedback: 'RFC 1918 sets aside three ranges: `10.0.0.0/8`, `172.16.0.0/12` (from `172.16.` to `172.31.`) and `192.168.0.0/16`. `172.20.` is inside the middle one.',
        },
        {
          id: 'no-only-10-192',
          text: 'No: only addresses starting with `10.` or `192.168.` are private',
          feedback: 'There is a third private range, less often seen at home: `172.16.0.0` to `172.31.255.255`.',
        },
        {
          id: 'no-127',
          text: 'No: private addresses start with `127.`',
          feedback: '`127.…` addresses are loopback addresses, which never leave the computer. Private addresses do travel, but only inside their own network.',
        },
      ],
    },
    {
      kind: 'choice',
      id: 'switch-reads',
      prompt: 'A switch receives a frame from one of its ports. What does it read to decide which of its ports to send the frame out of?',
      options: [
        { id: 'mac', text: 'The destination MAC address', correct: true, feedback: 'A switch keeps a table of which MAC address it has seen on which of its ports, and sends each frame out of the port where that card is plugged in.' },
        { id: 'ip', text: 'The destination IP address', feedback: 'Reading IP addresses to choose a way is what a router does, between networks. Inside one local network the switch only needs the MAC address of the card.' },
        { id: 'port', text: 'The port number, like 80', feedback: 'A port number names a program on a computer (the next chapters), not a place on the network. Two different things share the word “port”: a switch port is where a cable plugs into the switch.' },
      ],
    },
  ],
});
