#!/usr/bin/env node
// Draws build/icon.png (1024×1024: electron-builder derives the .ico, .icns and Linux sizes from
// it) with no image library and no download: a teal rounded square with a white handset.
// Run it again only to change the icon; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Coverage in [0, 1] of the pixel at (x, y) by each shape, 4×4 supersampled for smooth edges. */
function coverage(inside, x, y) {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

const roundedSquare = (x, y) => {
  const r = 200;
  const m = 32;
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r);
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

// A handset: a thick arc (the grip) ending in two rounded pads (ear and mouth pieces).
// Centred a little up and right so the handset's mass sits in the middle.
const C = SIZE / 2;
const CX = C + 60;
const CY = C - 60;
const handset = (x, y) => {
  const dx = x - CX;
  const dy = y - CY;
  const d = Math.hypot(dx, dy);
  const angle = (Math.atan2(dy, dx) + 2 * Math.PI) % (2 * Math.PI);
  const onArc = d > 250 && d < 330 && angle > 0.35 * Math.PI && angle < 1.15 * Math.PI;
  const pad = (a) => Math.hypot(x - (CX + 290 * Math.cos(a)), y - (CY + 290 * Math.sin(a))) < 95;
  return onArc || pad(0.33 * Math.PI) || pad(1.17 * Math.PI);
};

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) {
    const bg = coverage(roundedSquare, x, y);
    const fg = bg > 0 ? coverage(handset, x, y) : 0;
    // Teal (#0f766e) darkening towards the bottom, white handset on top.
    const shade = 1 - (y / SIZE) * 0.25;
    const mix = (teal) => Math.round(teal * shade * (1 - fg) + 255 * fg);
    row.set([mix(15), mix(118), mix(110), Math.round(255 * bg)], 1 + x * 4);
  }
  rows.push(row);
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(join(root, 'build', 'icon.png'), png);
console.log(`build/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
