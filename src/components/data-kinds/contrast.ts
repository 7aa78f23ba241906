/**
 * The text colour (black or white) that reads best on a given background, from the WCAG
 * relative luminance: black wins when L > 0.179, the point where both contrasts are equal.
 */
export function textOn(r: number, g: number, b: number): '#000' | '#fff' {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance > 0.179 ? '#000' : '#fff';
}
