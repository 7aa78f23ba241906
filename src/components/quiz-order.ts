/**
 * The order in which a quiz shows its choices, decided at build time. Authors write the right
 * answer wherever it comes naturally (often first); the reader must not be able to guess it from
 * its place. Each question is shuffled by a generator seeded from its chapter and id, so the
 * order is the same at every build and does not move when a question is reworded.
 *
 * A plain shuffle per question is not enough: with 12 questions of 4 choices, one slot would hold
 * 5 right answers or more in 6 chapters out of 10 (binomial chance). So the right answer's slot is
 * drawn, with the question's own generator, among the slots still under the cap of
 * `MAX_RIGHT_SHARE` of the chapter's questions; the wrong choices fill the other slots in a
 * shuffled order.
 */
import { createRng } from '../nn';

/** No slot holds the right answer of more than this share of a chapter's questions. */
export const MAX_RIGHT_SHARE = 0.4;

interface Question {
  id: string;
  /** Each choice moves as a whole, its own feedback (`retour`) with it. */
  choix: readonly { texte: string }[];
  reponse: number;
}

/** FNV-1a, 32 bits: a stable number from a question's chapter and id, to seed its shuffle. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    h ^= unit;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The questions with their choices in the order the reader sees, and `reponse` pointing at the
 * right choice in that order. Questions keep their order; the input is not modified.
 */
export function orderChoices<Q extends Question>(chapter: string, questions: readonly Q[]): Q[] {
  const widest = Math.max(0, ...questions.map((q) => q.choix.length));
  const narrowest = Math.min(...questions.map((q) => q.choix.length));
  // The first `narrowest` slots, open to every question, can take `narrowest × cap ≥ n` right
  // answers, so each question finds an open slot (a chapter of 3-choice questions gets a cap of
  // ⌈n/3⌉ > 40 %, which the content test then reports).
  const cap = Math.max(Math.floor(MAX_RIGHT_SHARE * questions.length), Math.ceil(questions.length / narrowest));
  const used = new Array<number>(widest).fill(0);

  return questions.map((q) => {
    const rng = createRng(seedOf(`${chapter}/${q.id}`));
    const open = q.choix.map((_, s) => s).filter((s) => used[s]! < cap);
    const slot = open[rng.int(open.length)]!;
    used[slot] = used[slot]! + 1;

    const written: readonly Q['choix'][number][] = q.choix;
    const wrong = rng.shuffle(written.filter((_, j) => j !== q.reponse));
    const choix = [...wrong.slice(0, slot), written[q.reponse]!, ...wrong.slice(slot)];
    return { ...q, choix, reponse: slot };
  });
}
