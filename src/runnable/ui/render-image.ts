/** An `image` message (e.g. a 28 × 28 MNIST digit) on a canvas scaled up with crisp pixels. */
import type { ImageMessage } from '../../nn';

/** Displayed size of the longer side, in CSS pixels. */
const SIDE = 112;

export function renderImage(message: ImageMessage): HTMLElement {
  const { width, height, pixels } = message;
  const figure = document.createElement('figure');
  figure.className = 'npn-run-image';
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const scale = SIDE / Math.max(width, height, 1);
  canvas.style.width = `${Math.round(width * scale)}px`;
  canvas.style.height = `${Math.round(height * scale)}px`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute(
    'aria-label',
    message.caption ?? `Image de ${width}\u00a0×\u00a0${height} pixels en niveaux de gris`,
  );
  const context = canvas.getContext('2d');
  if (context && width > 0 && height > 0) {
    const data = context.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const v = Math.round(Math.min(1, Math.max(0, pixels[i] ?? 0)) * 255);
      data.data.set([v, v, v, 255], i * 4);
    }
    context.putImageData(data, 0, 0);
  }
  figure.append(canvas);
  if (message.caption) {
    const caption = document.createElement('figcaption');
    caption.textContent = message.caption;
    figure.append(caption);
  }
  return figure;
}
