// Bytes and text: Buffer's methods, StringDecoder for characters split across chunks, TextDecoder.
import { Buffer as NodeBuffer, constants, isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder as UtilTextDecoder } from 'node:util';

// A tiny binary header: a 2-byte length, then the text, in network byte order.
function frame(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(2);
  header.writeUInt16BE(body.length, 0);
  return Buffer.concat([header, body]);
}

function unframe(bytes: Buffer): { text: string; rest: Buffer } | null {
  if (bytes.length < 2) return null;
  const length = bytes.readUInt16BE(0);
  if (bytes.length < 2 + length) return null;
  return { text: bytes.subarray(2, 2 + length).toString('utf8'), rest: bytes.subarray(2 + length) };
}

const framed = frame('héllo');
console.log(framed.toString('hex'), framed.length, Buffer.byteLength('héllo'), unframe(framed)?.text);

// Lines in a byte stream: find the end of each line.
let pending = Buffer.alloc(0);
function onData(chunk: Buffer): string[] {
  pending = Buffer.concat([pending, chunk]);
  const lines: string[] = [];
  for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
    lines.push(pending.subarray(0, end).toString());
    pending = pending.subarray(end + 1);
  }
  return lines;
}
onData(Buffer.from('one\ntw'));
onData(Buffer.from('o\n'));

const euro = Buffer.from('€');
const decoder = new StringDecoder('utf8');
const text = decoder.write(euro.subarray(0, 1)) + decoder.write(euro.subarray(1)) + decoder.end();
console.log(text, new TextDecoder().decode(euro), new UtilTextDecoder('utf-8', { fatal: true }).decode(euro));

const ip = Buffer.from([10, 0, 0, 2]);
console.log([...ip].join('.'), ip.readUInt32BE(0), Buffer.compare(ip, euro), ip.equals(Buffer.from('0a000002', 'hex')));
console.log(Buffer.from('aGk=', 'base64').toString(), ip.toString('base64'), ip.toJSON().data.length);
console.log(NodeBuffer.isBuffer(ip), constants.MAX_LENGTH > 0, isUtf8(euro), ip.includes(0), ip.lastIndexOf(0));
const copy = Buffer.allocUnsafe(4);
ip.copy(copy);
copy.fill(0).writeInt32LE(-1, 0);
console.log(copy.readInt32LE(0), copy.readBigUInt64BE !== undefined, new TextEncoder().encode('hi').length);
