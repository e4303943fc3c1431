// The app icons in PNG, drawn from public/icons/icon.svg (the face of favicon.svg on a full square,
// its features inside the middle 80% so that a launcher's round or rounded mask never cuts them).
// Chromium asks for 192 and 512 pixel PNGs before it offers to install the site. Run again after
// changing the SVG: `node scripts/make-icons.mjs` (sharp comes with Astro; nothing is downloaded).
import sharp from 'sharp';

for (const size of [192, 512]) {
  await sharp('public/icons/icon.svg', { density: 72 * (size / 512) * 4 }).resize(size, size).png({ compressionLevel: 9 }).toFile(`public/icons/icon-${size}.png`);
  process.stdout.write(`public/icons/icon-${size}.png\n`);
}
