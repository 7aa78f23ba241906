import { describe, expect, test } from 'vitest';
import { foldEngineNews, runFailure, type EngineView } from '../../../src/training/engine-news';

const fresh = (): EngineView => ({ status: 'repos', progress: null, backend: null, tensors: null });

describe('foldEngineNews', () => {
  test('the loading bar: status « chargement » and the stage, and nothing more to do', () => {
    const view = fresh();
    const progress = { stage: 'Téléchargement de TensorFlow.js…', fraction: 0.15 };
    expect(foldEngineNews(view, { type: 'progress', runId: 1, progress, tensors: null })).toBe(true);
    expect(view).toEqual({ status: 'chargement', progress, backend: null, tensors: null });
  });

  test('a run with its own status line keeps it while the bar moves', () => {
    const view = fresh();
    const progress = { stage: 'Téléchargement de TensorFlow.js…', fraction: 0.15 };
    expect(foldEngineNews(view, { type: 'progress', runId: 1, progress, tensors: null }, false)).toBe(true);
    expect(view).toEqual({ status: 'repos', progress, backend: null, tensors: null });
  });

  test('the backend that runs', () => {
    const view = fresh();
    const backend = { name: 'wasm', reason: 'Pas de carte graphique.' } as const;
    expect(foldEngineNews(view, { type: 'engine', runId: 1, backend, tensors: 4 })).toBe(true);
    expect(view.backend).toEqual(backend);
    expect(view.tensors).toBe(4);
  });

  test('every reply carries the tensor count, but a report or an error is left to the island', () => {
    const view = fresh();
    expect(foldEngineNews(view, { type: 'report', runId: 1, report: {}, tensors: 12 })).toBe(false);
    expect(view.tensors).toBe(12);
    expect(foldEngineNews(view, { type: 'error', runId: 1, message: 'x', tensors: null })).toBe(false);
    // null: tfjs not loaded yet, the last count stays
    expect(view.tensors).toBe(12);
    expect(view.status).toBe('repos');
  });
});

test('runFailure writes the sentence with its no-break space before the colon', () => {
  expect(runFailure('La démo', 'mémoire insuffisante')).toBe(
    'La démo n’a pas pu s’exécuter\u00a0: mémoire insuffisante. Rechargez la page ou choisissez un autre moteur.',
  );
});
