import { describe, expect, it } from 'vitest';
import { parseNeuronState } from '../../../../src/components/islands/neurone/state';
import { invalidNotice, queryString } from '../../../../src/components/islands/shared/url-sync';

describe('invalidNotice', () => {
  it('is null when every parameter was valid', () => {
    expect(invalidNotice([])).toBeNull();
    expect(invalidNotice(parseNeuronState(new URLSearchParams('neurone.w1=0.5')).invalid)).toBeNull();
  });

  it('is a French sentence naming each ignored key with what was received', () => {
    const { invalid } = parseNeuronState(new URLSearchParams('neurone.w1=abc&neurone.act=nope&neurone.seed=-4'));
    const notice = invalidNotice(invalid);
    expect(notice).toMatch(/^Certains réglages du lien étaient invalides/);
    expect(notice).toMatch(/valeurs par défaut/);
    for (const { key, received } of invalid) expect(notice).toContain(`${key}=«\u202f${received}\u202f»`);
    expect(invalid).toHaveLength(3);
    expect(notice!.endsWith('.')).toBe(true);
  });
});

describe('queryString', () => {
  it('leaves the commas of list fields readable, and URLSearchParams reads them back', () => {
    const params = new URLSearchParams({ 'passe.w': '0.1,-0.2', 'autre.t': 'a b&c' });
    const text = queryString(params);
    expect(text).toBe('passe.w=0.1,-0.2&autre.t=a+b%26c');
    expect(new URLSearchParams(text).get('passe.w')).toBe('0.1,-0.2');
    expect(new URLSearchParams(text).get('autre.t')).toBe('a b&c');
  });
});
