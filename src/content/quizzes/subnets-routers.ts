import { defineQuiz } from '../../components/quiz/define';

export default defineQuiz({
  lesson: 'subnets/routers',
  questions: [
    {
      kind: 'short',
      id: 'gateway-from-route',
      prompt: 'A computer’s `ip route` prints `default via 192.168.1.1 dev wlan0` and `192.168.1.0/24 dev wlan0 proto kernel scope link src 192.168.1.7`. What is the address of its default gateway?',
      answer: 'address',
      label: 'Address',
      example: '10.0.0.1',
      accept: ['192.168.1.1'],
      right: '`default via 192.168.1.1`: every address outside `192.168.1.0/24` is sent to the router at `192.168.1.1`.',
      wrong: [
        { answers: ['192.168.1.7'], feedback: 'That is the computer’s own address (`src`), the one it sends from. The gateway is the router it sends through: after `via`.' },
        { answers: ['192.168.1.0'], feedback: 'That is the computer’s own subnet. The gateway is a host on it, named after `via`.' },
        { answers: ['0.0.0.0'], feedback: '`0.0.0.0/0` is another way to write “default”, the addresses the route is for. The gateway is where they are sent: after `via`.' },
      ],
      otherwise: 'Look at the `default` line: the router’s address follows the word `via`.',
    },
    {
      kind: 'choice',
      id: 'frame-to',
      prompt: 'laptop (`10.0.0.10/24`, default gateway `10.0.0.1`) sends a message to `10.0.1.20`. The first frame leaves laptop’s card. For which MAC address is it?',
      options: [
        { id: 'router', text: 'The router’s card at `10.0.0.1`', correct: true, feedback: '`10.0.1.20` is not on laptop’s subnet, so laptop hands the message to its gateway, the one neighbour that can pass it on. Only the message inside says `10.0.1.20`.' },
        { id: 'intranet', text: 'The card of `10.0.1.20`', feedback: 'laptop cannot learn that MAC address: ARP only reaches laptop’s own subnet, and a MAC address means nothing beyond the router anyway.' },
        { id: 'broadcast', text: '`ff:ff:ff:ff:ff:ff`, every card', feedback: 'Broadcast is for the ARP question (“who has 10.0.0.1?”), not for the message itself, which goes to one card.' },
      ],
    },
    {
      kind: 'choice',
      id: 'printer-error',
      prompt: 'printer (`10.0.1.30/24`) has no default route. A program on it connects to `10.0.0.2:80`. What does it get?',
      options: [
        { id: 'enet', text: '`ENETUNREACH`, at once', correct: true, feedback: 'No route on printer matches `10.0.0.2`: not its subnet, and no default. Nothing leaves printer, so the error comes at once.' },
        { id: 'ehost', text: '`EHOSTUNREACH`, after about 3 seconds', feedback: 'That is when a route exists but the host’s card does not answer ARP. Here printer has no route at all for `10.0.0.2`, so it never even asks.' },
        { id: 'refused', text: '`ECONNREFUSED`', feedback: 'A refusal comes from the other host, which answers that nothing listens on that port. printer’s message never leaves printer.' },
        { id: 'timeout', text: '`ETIMEDOUT`, after about two minutes', feedback: 'A timeout means the message left and nothing came back. printer knows at once that it has no way there.' },
      ],
    },
    {
      kind: 'choice',
      id: 'nobody-on-subnet',
      prompt: 'laptop (`10.0.0.10/24`) connects to `10.0.0.99:80`, but no host on the subnet has that address. What does the program get?',
      options: [
        { id: 'ehost', text: '`EHOSTUNREACH` (“No route to host”), after about 3 seconds', correct: true, feedback: 'The route is there (laptop’s own subnet), so laptop asks ARP for `10.0.0.99` three times; nobody answers, and the connection fails with `EHOSTUNREACH`.' },
        { id: 'enet', text: '`ENETUNREACH`, at once', feedback: 'laptop has a route for `10.0.0.99`: it is on its own subnet. The network is reachable; the host is not there.' },
        { id: 'refused', text: '`ECONNREFUSED`', feedback: 'A refusal needs a host that answers. No host has `10.0.0.99`, so nobody can say “nothing listens here”.' },
      ],
    },
    {
      kind: 'short',
      id: 'default-matches',
      prompt: 'The default route is also written as an address with a prefix, one that every address matches. Which?',
      answer: 'cidr',
      label: 'Network',
      example: '10.0.0.0/24',
      accept: ['0.0.0.0/0'],
      right: 'A prefix of 0 bits leaves nothing to compare, so every address matches `0.0.0.0/0`; any longer matching prefix wins over it.',
      wrong: [{ answers: ['0.0.0.0', '0.0.0.0/32'], feedback: 'Add the prefix that makes every address match: how many bits must be compared for that?' }],
      otherwise: 'Think of the prefix length: how many network bits must match if *every* address is to match?',
    },
  ],
});
