/**
 * A QR code as one SVG path, computed where the page is made (at build time, then again in the
 * browser when a reader prints an island whose settings changed): no image file, no service.
 * lean-qr's nano build (about 2 KB gzip) encodes; this only draws its modules.
 */
import { generate } from 'lean-qr/nano';

export interface QrPath {
  /** Modules per side, quiet zone excluded: the path's viewBox is `0 0 size size`. */
  size: number;
  /** The dark modules, one rectangle per horizontal run. */
  d: string;
}

export function qrPath(text: string): QrPath {
  const code = generate(text);
  let d = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size;) {
      if (!code.get(x, y)) {
        x++;
        continue;
      }
      let end = x + 1;
      while (end < code.size && code.get(end, y)) end++;
      d += `M${x} ${y}h${end - x}v1H${x}z`;
      x = end;
    }
  }
  return { size: code.size, d };
}
