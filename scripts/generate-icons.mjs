// Draws the app icon (a cassette with a record dot on a rounded square) and writes it as PNG files:
// resources/icon.png (1024 px, for macOS and Windows) and resources/icons/NxN.png (the Linux set).
// Plain Node: shapes are rendered with 3x3 supersampling and encoded with zlib. Run it again after
// changing the drawing, and commit the files. Usage: node scripts/generate-icons.mjs [outDir]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const OUT = process.argv[2] ?? 'resources';
const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const SAMPLES = 3;

const hex = (value) => [1, 3, 5].map((at) => parseInt(value.slice(at, at + 2), 16));
const INK = hex('#1d2940');
const PAPER = hex('#f4f6fb');
const GUIDE = hex('#c9d2e3');
const RECORD = hex('#ff4d4f');
const TOP = hex('#2f6fed');
const BOTTOM = hex('#6b3fd8');

/** Whether (x, y) is inside a rectangle with rounded corners. */
function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** Whether (x, y) is inside the trapezoid at the cassette's bottom edge (where the tape runs). */
function inTapeGuide(x, y) {
  if (y < 0.63 || y > 0.76) return false;
  const inset = 0.1 - ((y - 0.63) / 0.13) * 0.05;
  return x >= 0.27 + inset && x <= 0.73 - inset;
}

/** The colour at a point of the unit square, or undefined where the icon is transparent. */
function colourAt(x, y) {
  if (!inRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2)) return undefined;
  if (inCircle(x, y, 0.76, 0.24, 0.075)) return RECORD;
  const reel = [0.37, 0.63].find((cx) => inCircle(x, y, cx, 0.48, 0.075));
  if (reel !== undefined) {
    if (inCircle(x, y, reel, 0.48, 0.028)) return INK;
    return inCircle(x, y, reel, 0.48, 0.05) ? PAPER : GUIDE;
  }
  if (inRoundedRect(x, y, 0.25, 0.38, 0.75, 0.58, 0.05)) return INK;
  if (inTapeGuide(x, y)) {
    return inCircle(x, y, 0.4, 0.7, 0.018) || inCircle(x, y, 0.6, 0.7, 0.018) ? INK : GUIDE;
  }
  if (inRoundedRect(x, y, 0.15, 0.28, 0.85, 0.76, 0.06)) return PAPER;
  return TOP.map((top, channel) => Math.round(top + (BOTTOM[channel] - top) * y));
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size,
          );
          if (colour === undefined) continue;
          for (let channel = 0; channel < 3; channel++) sum[channel] += colour[channel];
          sum[3]++;
        }
      }
      const at = (py * size + px) * 4;
      if (sum[3] === 0) continue;
      for (let channel = 0; channel < 3; channel++)
        rgba[at + channel] = Math.round(sum[channel] / sum[3]);
      rgba[at + 3] = Math.round((255 * sum[3]) / SAMPLES ** 2);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

await mkdir(path.join(OUT, 'icons'), { recursive: true });
for (const size of SIZES) {
  const file = png(size, render(size));
  await writeFile(path.join(OUT, 'icons', `${size}x${size}.png`), file);
  if (size === 1024) await writeFile(path.join(OUT, 'icon.png'), file);
}
console.log(
  `wrote ${SIZES.length} icons to ${path.join(OUT, 'icons')} and ${path.join(OUT, 'icon.png')}`,
);
