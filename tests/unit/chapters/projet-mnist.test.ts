/**
 * The numbers chapter 9 prints, through the same functions its MDX calls (the facts read from
 * the original IDX files, parameter counts, split), and the numbers its quiz states.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mnistFacts } from '../../../src/content/mnist-facts';
import { formatNumber, parameterCount, precisionRecallF1 } from '../../../src/nn';
import { mnistSpec, mnistSplitCounts } from '../../../src/components/islands/mnist/state';

const printed = (v: number, digits = 0) => formatNumber(v, { digits });

describe('MNIST facts read at build time from the IDX files', () => {
  const facts = mnistFacts();
  it('60,000 training and 10,000 test images of 28 × 28', () => {
    expect([facts.trainCount, facts.testCount, facts.rows, facts.cols]).toEqual([60_000, 10_000, 28, 28]);
    expect(facts.trainCounts.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(facts.testCounts.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('class counts from 5,421 (digit 5) to 6,742 (digit 1), as the syllabus says', () => {
    expect(facts.rarest).toEqual({ digit: 5, count: 5421 });
    expect(facts.commonest).toEqual({ digit: 1, count: 6742 });
    expect(printed(facts.commonest.count / facts.rarest.count, 2)).toBe('1,24');
  });

  it('most pixels are blank: the share the chapter prints', () => {
    expect(facts.blankShare).toBeGreaterThan(0.75);
    expect(facts.blankShare).toBeLessThan(0.85);
  });

  it('the default split: 48,000 training and 12,000 validation images', () => {
    expect(mnistSplitCounts({ n: facts.trainCount, val: 0.2 })).toEqual({
      train: 48_000,
      validation: 12_000,
      test: 10_000,
    });
  });
});

describe('numbers stated in the quiz', () => {
  const quiz = parse(readFileSync('src/content/quiz/projet-mnist.yaml', 'utf8')) as {
    questions: { question: string; choix: { texte: string }[]; reponse: number }[];
  };
  const answer = (start: string) => {
    const q = quiz.questions.find((x) => x.question.startsWith(start))!;
    return q.choix[q.reponse]!.texte;
  };

  it('784 inputs; 7 850 parameters for the softmax regression (101 770 for 784 → 128 → 10)', () => {
    expect(answer('Combien d’entrées')).toBe(printed(28 * 28));
    expect(answer('Combien de paramètres')).toBe(printed(parameterCount(mnistSpec({ couches: [], act: 'relu' }))));
    expect(printed(parameterCount(mnistSpec({ couches: [128], act: 'relu' })))).toBe('101\u202f770');
  });

  it('a pixel of 204 becomes 0,6 in [−1, 1]', () => {
    expect(answer('Un pixel vaut 204')).toBe(printed((204 / 255 - 0.5) / 0.5, 1));
  });

  it('recall 0,95 and precision ≈ 0,905 for 950 found of 1 000 and 100 false alarms', () => {
    // Class 1 = "9": 950 true positives, 50 missed, 100 other images called 9.
    const { perClass } = precisionRecallF1([
      [9000 - 100, 100],
      [50, 950],
    ]);
    expect(answer('Sur 1\u202f000 images de 9')).toBe(printed(perClass[1]!.recall, 2));
    expect(printed(perClass[1]!.precision, 3)).toBe('0,905');
  });

  it('the test confusion matrix sums to 10 000', () => {
    expect(answer('Que vaut la somme')).toBe(printed(mnistFacts().testCount));
  });
});
