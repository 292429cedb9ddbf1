import { defineQuiz } from '../../components/quiz/define';

export default defineQuiz({
  lesson: 'subnets/prefix',
  questions: [
    {
      kind: 'choice',
      id: 'same-subnet-24',
      prompt: 'laptop is `10.0.0.10/24`. Which of these hosts is on laptop’s subnet?',
      options: [
        { id: 'a77', text: '`10.0.0.77`', correct: true, feedback: 'With `/24` the network part is the first three numbers: `10.0.0` for both, so they are neighbours.' },
        { id: 'a1', text: '`10.0.1.10`', feedback: 'The last number matches, but that is the host part. The network part, the first three numbers, is `10.0.1` here and `10.0.0` for laptop.' },
        { id: 'a192', text: '`192.168.0.10`', feedback: 'Its network part, `192.168.0`, is nothing like laptop’s `10.0.0`.' },
      ],
    },
    {
      kind: 'short',
      id: 'network-of',
      prompt: 'A host has the address `192.168.5.77/24`. Which network is it on? Write it as a network address with its prefix.',
      answer: 'cidr',
      label: 'Network',
      example: '10.0.0.0/24',
      accept: ['192.168.5.0/24'],
      right: 'Keep the 24 network bits (`192.168.5`) and set the 8 host bits to 0: `192.168.5.0/24`.',
      wrong: [
        { answers: ['192.168.5.77/24'], feedback: 'That is the host’s own address with its prefix. The network’s address has every host bit set to 0.' },
        { answers: ['192.168.5.255/24', '192.168.5.255'], feedback: 'That is the broadcast address, with every host bit set to 1. The network address has them all at 0.' },
        { answers: ['192.168.0.0/16'], feedback: 'That would be a `/16`. With `/24`, three numbers belong to the network.' },
        { answers: ['192.168.5.0'], feedback: 'The right address; now add the prefix, so it says how big the network is.' },
      ],
      otherwise: 'Keep the first three numbers (the 24 network bits) and put 0 in the host part, then add `/24`.',
    },
    {
      kind: 'short',
      id: 'hosts-in-24',
      prompt: 'How many addresses of a `/24` subnet can be given to hosts?',
      answer: 'number',
      label: 'Number of host addresses',
      accept: ['254'],
      right: '8 host bits give 256 addresses; the network address (all host bits 0) and the broadcast address (all 1) are not given to hosts, leaving 254.',
      wrong: [{ answers: ['256'], feedback: '256 is every address of the subnet. Two of them name the subnet itself and its broadcast: no host gets those.' }, { answers: ['255'], feedback: 'Close: count both the first address (the network) and the last (the broadcast), which no host gets.' }],
      otherwise: 'A `/24` leaves 8 bits for the host: how many addresses is that, and which two are not given to hosts?',
    },
    {
      kind: 'choice',
      id: 'same-subnet-16',
      prompt: 'Two hosts have `10.0.0.10/16` and `10.0.1.20/16`. Are they on the same subnet?',
      options: [
        { id: 'yes', text: 'Yes', correct: true, feedback: 'With `/16`, only the first two numbers are the network: `10.0` for both. The third number is part of the host here.' },
        { id: 'no', text: 'No: their third numbers differ', feedback: 'That would decide it with `/24`. With `/16`, only the first 16 bits, two numbers, are the network part.' },
      ],
    },
    {
      kind: 'choice',
      id: 'arp-asks',
      prompt: 'laptop is about to send its first message to a neighbour on its subnet. What does its ARP request ask?',
      options: [
        { id: 'mac-of-ip', text: 'Which card (MAC address) has this IP address?', correct: true, feedback: 'laptop knows the neighbour’s IP address; the switch delivers by MAC address. ARP asks every card on the subnet, and the one with that IP address answers with its MAC address.' },
        { id: 'ip-of-name', text: 'Which IP address does this host name have?', feedback: 'Turning a name like `web` into an address is name resolution (`/etc/hosts` or DNS), not ARP. ARP starts from the IP address.' },
        { id: 'route', text: 'Which router leads to this address?', feedback: 'ARP only finds cards on the subnet. Which router to use is in the computer’s own routes (the next lesson).' },
      ],
    },
  ],
});
