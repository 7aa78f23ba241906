/** The book's settings (« Réglages du livre ») and when the island may set its figures beside the reader's. */
import { describe, expect, it } from 'vitest';
import { defaultState, parseState, serializeState } from '../../../../src/components/islands/shared/url-state';
import {
  calcSchema,
  CALC_PREFIX,
  splitCounts,
  validateCalc,
} from '../../../../src/components/islands/calculatrice/state';
import {
  bookDifferences,
  bookSettings,
  bookSettingsText,
  withBookSettings,
} from '../../../../src/components/islands/calculatrice/book';

const defaults = defaultState(calcSchema);
const book = withBookSettings({ ...defaults, seed: 7, moteur: 'wasm' });
const bookTraining = { optim: bookSettings.optim, lr: bookSettings.lr, lot: bookSettings.lot };

describe('the book preset', () => {
  it('sets the book code’s settings: sum of [0, 100], 10,000 pairs, 8,000 to train, 2-16-16-16-1 ReLU, SGD 0.1, batch 64, 10 epochs', () => {
    expect(book).toMatchObject({
      op: 'sum',
      min: 0,
      max: 100,
      n: 10000,
      couches: [16, 16, 16],
      act: 'relu',
      optim: 'sgd',
      lr: 0.1,
      lot: 64,
      epoques: 10,
    });
    expect(splitCounts(book).train).toBe(8000);
    expect(validateCalc(book)).toBeNull();
  });

  it('keeps the reader’s seed and engine, and gives the state its own copy of the layers', () => {
    expect(book.seed).toBe(7);
    expect(book.moteur).toBe('wasm');
    expect(book.couches).not.toBe(bookSettings.couches);
  });

  it('differs from the defaults, and its state survives the URL', () => {
    const differing = Object.keys(bookSettings).filter(
      (k) => JSON.stringify(defaults[k as keyof typeof defaults]) !== JSON.stringify(book[k as keyof typeof book]),
    );
    expect(differing.sort()).toEqual(['epoques', 'lot', 'lr', 'n', 'optim', 'test', 'val'].sort());
    const parsed = parseState(calcSchema, CALC_PREFIX, serializeState(calcSchema, CALC_PREFIX, book));
    expect(parsed.invalid).toEqual([]);
    expect(parsed.state).toEqual(book);
  });

  it('is described in French with the figures it sets', () => {
    expect(bookSettingsText()).toBe(
      'la somme de deux entiers de 0 à 100, 10\u202f000 paires dont 8\u202f000 pour l’entraînement, 3 couches cachées de 16 neurones ReLU, SGD au pas de 0,1, lots de 64, 10 époques',
    );
  });
});

describe('bookDifferences', () => {
  it('is empty for a model trained with the book’s settings, whatever the seed', () => {
    expect(bookDifferences(book, bookTraining, 10)).toEqual([]);
    expect(bookDifferences({ ...book, seed: 123 }, bookTraining, 10)).toEqual([]);
  });

  it('names each setting that differs, as the model was trained', () => {
    expect(bookDifferences(defaults, { optim: 'adam', lr: 0.01, lot: 32 }, 60)).toEqual([
      'le nombre d’exemples (le livre\u00a0: 10\u202f000)',
      'l’optimiseur (le livre\u00a0: SGD)',
      'le pas d’apprentissage (le livre\u00a0: 0,1)',
      'la taille de lot (le livre\u00a0: 64)',
      'le nombre d’époques (le livre\u00a0: 10)',
    ]);
    expect(bookDifferences({ ...book, op: 'product' }, bookTraining, 10)).toEqual([
      'l’opération (le livre\u00a0: la somme)',
    ]);
    expect(bookDifferences({ ...book, max: 200 }, bookTraining, 10)).toHaveLength(1);
    expect(bookDifferences({ ...book, val: 0.15, test: 0.15 }, bookTraining, 10)).toEqual([
      'le découpage (le livre\u00a0: 8\u202f000 exemples d’entraînement)',
    ]);
    expect(bookDifferences({ ...book, couches: [40, 40, 40, 40] }, bookTraining, 10)).toHaveLength(1);
    expect(bookDifferences({ ...book, act: 'tanh' }, bookTraining, 10)).toHaveLength(1);
  });

  it('a run stopped early, resumed with other settings, or imported is not the book’s', () => {
    expect(bookDifferences(book, bookTraining, 7)).toEqual(['le nombre d’époques (le livre\u00a0: 10)']);
    expect(bookDifferences(book, 'mixte', 10)).toEqual(['l’entraînement (réglages changés en cours de route)']);
    expect(bookDifferences(book, null, 0)).toEqual([
      'l’entraînement (modèle importé\u00a0: ses réglages ne sont pas connus)',
    ]);
  });
});
