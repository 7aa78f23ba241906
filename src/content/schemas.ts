import { z } from 'astro/zod';
import { chapters } from '../chapters.mjs';

const chapterSlugs = chapters.map((c) => c.slug) as [string, ...string[]];
/** A chapter slug from the syllabus; anything else is a typo. */
export const chapterSlug = z.enum(chapterSlugs);

/**
 * Extra frontmatter of a chapter page. `order` and `objectives` are optional only so that
 * non-chapter pages (home, glossary) share the collection; a chapter must give both.
 */
export const chapterFields = z
  .object({
    order: z.number().int().min(1).max(chapters.length).optional(),
    objectives: z.array(z.string().min(10)).min(1).optional(),
    status: z.enum(['complet', 'en-preparation']).default('complet'),
  })
  .refine((d) => (d.order === undefined) === (d.objectives === undefined), {
    message: 'Un chapitre donne à la fois `order` et `objectives` (ou aucun des deux).',
    path: ['objectives'],
  });

/**
 * One choice of a question: its text and, for a wrong choice, `retour`, the line shown to a reader
 * who picked it, saying why it is wrong (required on wrong choices, refused on the right one: see
 * `quizQuestionSchema`). Strict, so that a misspelt key (`retours`) is reported instead of
 * silently dropped.
 */
export const quizChoiceSchema = z.strictObject({
  texte: z.string().min(1),
  retour: z.string().min(10).optional(),
});

/**
 * One multiple-choice question; `reponse` is the index (from 0) of the right choice, as written.
 * The page shows the choices in another order (src/components/quiz-order.ts), seeded by `id`.
 * Every wrong choice says why it is wrong (`retour`); the right one has none, since the page shows
 * it only to a reader who picked that choice (what the right answer teaches goes in `explication`).
 */
export const quizQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'identifiant en minuscules, chiffres et tirets'),
    question: z.string().min(5),
    choix: z.array(quizChoiceSchema).min(2).max(6),
    reponse: z.number().int().min(0),
    explication: z.string().min(20),
  })
  .superRefine((q, ctx) => {
    if (q.reponse >= q.choix.length) {
      ctx.addIssue({
        code: 'custom',
        message: '`reponse` doit désigner un des `choix` (index à partir de 0).',
        path: ['reponse'],
      });
      return;
    }
    q.choix.forEach((c, j) => {
      if (j !== q.reponse && c.retour === undefined)
        ctx.addIssue({
          code: 'custom',
          message: `le choix «\u202f${c.texte}\u202f» est faux mais n’a pas de \`retour\`\u00a0: ajoutez une ou deux phrases qui disent pourquoi il est faux.`,
          path: ['choix', j, 'retour'],
        });
      if (j === q.reponse && c.retour !== undefined)
        ctx.addIssue({
          code: 'custom',
          message: `la bonne réponse «\u202f${c.texte}\u202f» ne prend pas de \`retour\` (il n’est montré qu’à qui choisit ce choix)\u00a0: mettez ce texte dans \`explication\`.`,
          path: ['choix', j, 'retour'],
        });
    });
  });

export const quizSchema = z.object({
  chapitre: chapterSlug,
  questions: z
    .array(quizQuestionSchema)
    .min(8)
    .max(15)
    .superRefine((questions, ctx) => {
      const seen = new Set<string>();
      questions.forEach((q, i) => {
        if (seen.has(q.id))
          ctx.addIssue({ code: 'custom', message: `identifiant en double\u00a0: ${q.id}`, path: [i, 'id'] });
        seen.add(q.id);
      });
    }),
});

export const glossaryTermSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'identifiant en minuscules, chiffres et tirets'),
  terme: z.string().min(2),
  anglais: z.string().min(2),
  definition: z.string().min(20),
  chapitre: chapterSlug,
});

export const demoSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'identifiant en minuscules, chiffres et tirets'),
  titre: z.string().min(3),
  chapitre: chapterSlug,
  resume: z.string().min(20),
});

export type QuizChoice = z.infer<typeof quizChoiceSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
