import { describe, expect, it } from 'vitest';
import { parseNeuronState } from '../../../../src/components/islands/neurone/state';
import { invalidNotice } from '../../../../src/components/islands/shared/url-sync';

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
    for (const { key, received } of invalid) expect(notice).toContain(`${key}=« ${received} »`);
    expect(invalid).toHaveLength(3);
    expect(notice!.endsWith('.')).toBe(true);
  });
});
