/** The content schemas reject a contributor's mistakes and say which field is wrong. */
import { describe, expect, test } from 'vitest';
import { chapterFields, demoSchema, glossaryTermSchema, quizQuestionSchema } from '../../src/content/schemas';

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('chapter frontmatter', () => {
  test('accepts a chapter and a non-chapter page', () => {
    expect(chapterFields.safeParse({ order: 2, objectives: ['calculer la sortie d’un neurone'] }).success).toBe(true);
    expect(chapterFields.safeParse({}).success).toBe(true);
  });
  test.each([
    [{ order: 2 }, 'objectives'],
    [{ order: 12, objectives: ['calculer la sortie d’un neurone'] }, 'order'],
    [{ order: 2, objectives: [] }, 'objectives'],
    [{ order: 2, objectives: ['court'] }, 'objectives.0'],
    [{ order: 2, objectives: ['calculer la sortie d’un neurone'], status: 'fini' }, 'status'],
  ])('rejects %j, naming %s', (data, field) => {
    const r = chapterFields.safeParse(data);
    expect(r.success).toBe(false);
    expect(paths(r)).toContain(field);
  });
});

test('a quiz question whose answer index is out of range names `reponse`', () => {
  const r = quizQuestionSchema.safeParse({
    id: 'deux-et-deux',
    question: 'Combien font deux et deux ?',
    choix: [{ texte: '3', retour: 'Deux et deux font un de plus que trois.' }, { texte: '4' }],
    reponse: 2,
    explication: 'Deux et deux font quatre, pas trois.',
  });
  expect(paths(r)).toContain('reponse');
});

test('a glossary term with a bad id or an unknown chapter is rejected', () => {
  const ok = {
    id: 'biais',
    terme: 'biais',
    anglais: 'bias',
    definition: 'Un nombre ajouté à la somme.',
    chapitre: 'neurone',
  };
  expect(glossaryTermSchema.safeParse(ok).success).toBe(true);
  expect(paths(glossaryTermSchema.safeParse({ ...ok, id: 'Biais!' }))).toContain('id');
  expect(paths(glossaryTermSchema.safeParse({ ...ok, chapitre: 'neurones' }))).toContain('chapitre');
});

test('a demo of an unknown chapter is rejected', () => {
  const r = demoSchema.safeParse({
    id: 'x',
    titre: 'Démo',
    chapitre: 'inconnu',
    resume: 'Une démo qui montre quelque chose.',
  });
  expect(paths(r)).toContain('chapitre');
});
