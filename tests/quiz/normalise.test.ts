import { describe, expect, it } from 'vitest';
import { normalise, type AnswerKind } from '../../src/components/quiz/normalise';

const canonical = (kind: AnswerKind, typed: string) => {
  const read = normalise(kind, typed);
  return read.ok ? read.canonical : `refused: ${read.message}`;
};

describe('short answers are read the way a teacher reads them', () => {
  it.each<[AnswerKind, string, string]>([
    ['address', '10.0.0.2', '10.0.0.2'],
    ['address', ' 10.0.0.2 ', '10.0.0.2'],
    ['address', '10. 0. 0. 2', '10.0.0.2'],
    ['address', '`127.0.0.1`', '127.0.0.1'],
    ['address', '127.0.0.1.', '127.0.0.1'],
    ['address', '"192.168.1.7"', '192.168.1.7'],
    ['address', '１０.０.０.２', '10.0.0.2'],
    ['port', '80', '80'],
    ['port', ' :80 ', '80'],
    ['port', 'port 8080', '8080'],
    ['port', 'TCP 443', '443'],
    ['port', '0080', '80'],
    ['endpoint', '10.0.0.2:80', '10.0.0.2:80'],
    ['endpoint', '10.0.0.2 : 80', '10.0.0.2:80'],
    ['endpoint', 'Web:8080', 'web:8080'],
    ['endpoint', 'http://web:8080/', 'web:8080'],
    ['endpoint', 'http://web/', 'web:80'],
    ['endpoint', 'HTTP://WEB/index.html', 'web:80'],
    ['endpoint', 'https://example.org', 'example.org:443'],
    ['endpoint', 'web', 'web'],
    ['endpoint', '10.0.0.2', '10.0.0.2'],
    ['cidr', '10.0.0.0/24', '10.0.0.0/24'],
    ['cidr', '10.0.0.0 / 24', '10.0.0.0/24'],
    ['cidr', '10.0.0.0/255.255.255.0', '10.0.0.0/24'],
    ['cidr', '172.16.0.0/255.240.0.0', '172.16.0.0/12'],
    ['cidr', '10.0.0.0', '10.0.0.0'],
    ['number', '254', '254'],
    ['number', '65,535', '65535'],
    ['number', '65 535', '65535'],
    ['word', ' ECONNREFUSED ', 'econnrefused'],
    ['word', 'ip   addr', 'ip addr'],
  ])('%s: %j reads as %j', (kind, typed, expected) => {
    expect(canonical(kind, typed)).toBe(expected);
  });

  it.each<[AnswerKind, string, string]>([
    ['address', '', 'Type an answer first.'],
    ['address', '   ', 'Type an answer first.'],
    ['address', 'web', 'not a name'],
    ['address', '10.0.0', 'is not four numbers with dots'],
    ['address', '10.0.0.256', 'each of the four numbers is from 0 to 255'],
    ['address', '010.0.0.2', 'without leading zeros'],
    ['address', '10..0.2', 'is not four numbers'],
    ['port', 'eighty', 'Type the port as a number'],
    ['port', '65536', 'ports are numbered from 0 to 65535'],
    ['port', '-1', 'Type the port as a number'],
    ['endpoint', '10.0.0.2:99999', 'ports are numbered from 0 to 65535'],
    ['endpoint', 'gopher://web/', 'Say which port'],
    ['endpoint', 'we b!:80', 'neither an IP address nor a host name'],
    ['cidr', '10.0.0.0/33', 'a number from 0 to 32'],
    ['cidr', '10.0.0.0/255.0.255.0', 'a number from 0 to 32'],
    ['number', 'twelve', 'Type a whole number'],
    ['word', 'x'.repeat(101), 'the answer is a short one'],
  ])('%s: %j is not graded, and the learner is told how to write it (%s)', (kind, typed, message) => {
    const read = normalise(kind, typed);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });
});
