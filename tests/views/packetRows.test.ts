import { describe, expect, it } from 'vitest';
import type { TcpFlag } from '../../src/lib/netsim/types';
import { packetRows, tcpdumpFlags, tcpPacketName } from '../../src/lib/views/packetRows';
import { ALL_PACKETS, filterRows, flowOptions, formatVirtualTime, stepSelection } from '../../src/lib/views/packetFilter';
import { echoTrace } from './fixtures';

describe('packet rows of a TCP echo exchange', () => {
  const rows = packetRows(echoTrace);
  const tcpRows = rows.filter((row) => row.flow.protocol === 'tcp');

  it('has one row per packet and leaves socket lifecycle events out', () => {
    expect(rows.map((row) => row.index)).toEqual([5, 6, 8, 10, 11, 12, 15, 16, 17]);
  });

  it('names the three-way handshake SYN, SYN-ACK, ACK, then the data and the FIN', () => {
    expect(tcpRows.map((row) => [row.name, row.label, row.tcpdumpFlags])).toEqual([
      ['syn', 'SYN', '[S]'],
      ['syn-ack', 'SYN-ACK', '[S.]'],
      ['ack', 'ACK', '[.]'],
      ['data', 'PSH-ACK', '[P.]'],
      ['data', 'PSH-ACK', '[P.]'],
      ['fin', 'FIN-ACK', '[F.]'],
    ]);
  });

  it('draws client-to-server packets to the right and replies to the left', () => {
    expect(tcpRows.map((row) => row.direction)).toEqual(['right', 'left', 'right', 'right', 'left', 'right']);
    expect(tcpRows.every((row) => row.flow.left === '10.0.0.10:51234' && row.flow.right === '10.0.0.2:7')).toBe(true);
  });

  it('labels the connection from the side that opened it', () => {
    expect(tcpRows[0]!.flow.label).toBe('10.0.0.10:51234 ↔ 10.0.0.2:7');
  });

  it('prints sequence numbers relative to each side’s SYN after the handshake, as tcpdump does', () => {
    expect(tcpRows.map((row) => row.detail)).toEqual([
      'seq 1000, win 64240',
      'seq 5000, ack 1001, win 64240',
      'ack 1, win 64240',
      'seq 1:6, ack 1, win 64240',
      'seq 1:6, ack 6, win 64240',
      'seq 6, ack 6, win 64240',
    ]);
  });

  it('keeps the payload preview and length of data segments', () => {
    expect(tcpRows[3]).toMatchObject({ length: 5, preview: 'hello' });
    expect(tcpRows[3]!.summary).toBe('PSH-ACK with 5 bytes from 10.0.0.10:51234 to 10.0.0.2:7');
  });

  it('shows UDP datagrams and ICMP echo as packets of their own flows', () => {
    const [udp, request, reply] = rows.slice(6);
    expect(udp).toMatchObject({ name: 'udp', label: 'UDP', preview: 'ping', direction: 'right' });
    expect(request).toMatchObject({ name: 'icmp', label: 'ICMP echo request', detail: 'icmp_seq 1', direction: 'right' });
    expect(reply).toMatchObject({ label: 'ICMP echo reply', direction: 'left' });
    expect(request!.flow.key).toBe(reply!.flow.key);
  });
});

describe('naming a TCP segment by its flags', () => {
  const cases: [TcpFlag[], number, string, string][] = [
    [['SYN'], 0, 'syn', '[S]'],
    [['SYN', 'ACK'], 0, 'syn-ack', '[S.]'],
    [['ACK'], 0, 'ack', '[.]'],
    [['ACK'], 10, 'data', '[.]'],
    [['PSH', 'ACK'], 10, 'data', '[P.]'],
    [['FIN', 'ACK'], 0, 'fin', '[F.]'],
    [['FIN', 'PSH', 'ACK'], 3, 'fin', '[FP.]'],
    [['RST'], 0, 'rst', '[R]'],
    [['RST', 'ACK'], 0, 'rst', '[R.]'],
  ];
  it.each(cases)('%j with %i bytes is %s, %s in tcpdump', (flags, length, name, printed) => {
    expect(tcpPacketName({ flags, length })).toBe(name);
    expect(tcpdumpFlags(flags)).toBe(printed);
  });
});

describe('filtering the trace by connection', () => {
  const rows = packetRows(echoTrace);

  it('offers all packets, then each flow in the order it started, with packet counts', () => {
    expect(flowOptions(rows).map((option) => option.label)).toEqual([
      'All packets (9)',
      'TCP 10.0.0.10:51234 ↔ 10.0.0.2:7 (6)',
      'UDP 10.0.0.10:40000 ↔ 10.0.0.2:53 (1)',
      'ICMP 10.0.0.10 ↔ 10.0.0.2 (2)',
    ]);
  });

  it('keeps only the chosen connection’s packets', () => {
    const tcpKey = flowOptions(rows)[1]!.value;
    expect(filterRows(rows, tcpKey).map((row) => row.index)).toEqual([5, 6, 8, 10, 11, 12]);
    expect(filterRows(rows, ALL_PACKETS)).toHaveLength(9);
  });
});

describe('stepping through packets', () => {
  const rows = packetRows(echoTrace);
  const cases: [number | null, 'next' | 'previous' | 'first' | 'last', number][] = [
    [null, 'next', 5],
    [null, 'previous', 17],
    [5, 'next', 6],
    [6, 'previous', 5],
    [5, 'previous', 5],
    [17, 'next', 17],
    [10, 'first', 5],
    [10, 'last', 17],
  ];
  it.each(cases)('from %s, %s selects packet %i', (from, step, expected) => {
    expect(stepSelection(rows, from, step)).toBe(expected);
  });

  it('selects nothing in an empty trace', () => {
    expect(stepSelection([], null, 'next')).toBeNull();
  });
});

it('writes virtual time in milliseconds to the microsecond', () => {
  expect(formatVirtualTime(1.5)).toBe('1.500 ms');
});
