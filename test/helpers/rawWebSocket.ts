import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/*
 * A WebSocket client by hand on a plain TCP socket: a real upgrade (token, Origin), then
 * frames built byte by byte, so a test can send what no WebSocket library would (unmasked,
 * reserved bits and opcodes, invalid UTF-8, lengths past the limit).
 */

export interface FrameSpec {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv1?: boolean;
  /** Client frames must be masked; false sends one bare. */
  mask?: boolean;
  /** Announce this length instead of the payload's (to claim a huge frame cheaply). */
  announcedLength?: number;
}

export function buildFrame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0);
  const length = spec.announcedLength ?? payload.length;
  const masked = spec.mask !== false;
  const first = (spec.fin === false ? 0 : 0x80) | (spec.rsv1 ? 0x40 : 0) | (spec.opcode & 0x0f);
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([first, length]);
  } else if (length < 65536) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  header[1] = header[1]! | 0x80;
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = body[i]! ^ key[i % 4]!;
  return Buffer.concat([header, key, body]);
}

export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

export interface RawWebSocket {
  socket: Socket;
  send(frame: Buffer): void;
  /** Frames the server has sent so far. */
  frames: ServerFrame[];
  /** The next text frame from the server, parsed as JSON. */
  nextMessage(): Promise<unknown>;
  /** Resolves when the server has closed the TCP connection, with the close frame's code. */
  closed: Promise<{ code: number | null }>;
  destroy(): void;
}

/** Opens a raw WebSocket to the host's /ws with the token and the host's own Origin. */
export function openRawWebSocket(port: number, token: string): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    const frames: ServerFrame[] = [];
    const waiting: ((msg: unknown) => void)[] = [];
    const messages: unknown[] = [];
    let closeCode: number | null = null;
    let resolveClosed!: (v: { code: number | null }) => void;
    const closed = new Promise<{ code: number | null }>((r) => (resolveClosed = r));

    const readFrames = () => {
      for (;;) {
        if (buffer.length < 2) return;
        const opcode = buffer[0]! & 0x0f;
        let length = buffer[1]! & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffer.length < 4) return;
          length = buffer.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffer.length < 10) return;
          length = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + length) return;
        const payload = buffer.subarray(offset, offset + length);
        buffer = buffer.subarray(offset + length);
        frames.push({ opcode, payload });
        if (opcode === 0x8) {
          closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : null;
          // Answer the close as a client should; the server then ends the connection.
          if (!socket.destroyed) socket.end(buildFrame({ opcode: 0x8, payload }));
        } else if (opcode === 0x1) {
          const msg: unknown = JSON.parse(payload.toString('utf8'));
          const next = waiting.shift();
          if (next) next(msg);
          else messages.push(msg);
        }
      }
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        if (!head.startsWith('HTTP/1.1 101')) {
          socket.destroy();
          reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
          return;
        }
        upgraded = true;
        resolve({
          socket,
          frames,
          closed,
          send: (frame) => socket.write(frame),
          nextMessage: () =>
            messages.length
              ? Promise.resolve(messages.shift())
              : new Promise((r) => waiting.push(r)),
          destroy: () => socket.destroy(),
        });
      }
      readFrames();
    });
    socket.on('error', () => {});
    socket.on('close', () => resolveClosed({ code: closeCode }));
    socket.on('connect', () => {
      socket.write(
        [
          `GET /ws?token=${encodeURIComponent(token)} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          `Origin: http://127.0.0.1:${port}`,
          '',
          '',
        ].join('\r\n'),
      );
    });
  });
}

/**
 * The six frames that once each brought the whole host down, and the close code the host must
 * answer each with (RFC 6455 §7.4.1: 1009 too big, 1007 not UTF-8, 1002 protocol error).
 */
export const HOSTILE_FRAMES: { name: string; frame: Buffer; code: number }[] = [
  // Only the header: the host must refuse on the announced length, without reading 9 MiB.
  {
    name: 'over the size limit',
    frame: buildFrame({ opcode: 0x1, announcedLength: 9 << 20 }),
    code: 1009,
  },
  {
    name: 'invalid UTF-8 text',
    frame: buildFrame({ opcode: 0x1, payload: Buffer.from([0x7b, 0xc3, 0x28, 0xff]) }),
    code: 1007,
  },
  {
    name: 'a reserved opcode',
    frame: buildFrame({ opcode: 0x3, payload: Buffer.from('{}') }),
    code: 1002,
  },
  {
    name: 'an unmasked client frame',
    frame: buildFrame({ opcode: 0x1, payload: Buffer.from('{"id":1}'), mask: false }),
    code: 1002,
  },
  {
    name: 'RSV1 without a negotiated extension',
    frame: buildFrame({ opcode: 0x1, payload: Buffer.from('{}'), rsv1: true }),
    code: 1002,
  },
  {
    name: 'a fragmented ping',
    frame: buildFrame({ opcode: 0x9, payload: Buffer.from('hi'), fin: false }),
    code: 1002,
  },
];

/** About 1.5 MB of text, as an agent might paste by mistake into a call note. */
export const PASTED_NOTE = 'Khách hỏi giá, hẹn gọi lại. '.repeat(40_000);

/** A valid frame carrying a disposition whose note is PASTED_NOTE. */
export function pastedNoteFrame(id: number, leadId: string): Buffer {
  const message = {
    id,
    method: 'dispositions.save',
    input: { leadId, statusCode: 'new.not_reachable', note: PASTED_NOTE },
  };
  return buildFrame({ opcode: 0x1, payload: Buffer.from(JSON.stringify(message), 'utf8') });
}
