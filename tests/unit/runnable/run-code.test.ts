import { describe, expect, test } from 'vitest';
import { setOutputSink, type OutputMessage } from '../../../src/nn/index';
import { runCode, type RunOptions } from '../../../src/runnable/run-code';

/** Runs a block and keeps what it printed. */
async function run(source: string, options: Omit<RunOptions, 'emit'> = {}) {
  const messages: OutputMessage[] = [];
  const result = await runCode(source, { ...options, emit: (m) => messages.push(m) });
  const texts = messages.filter((m) => m.kind === 'text').map((m) => m.text);
  return { result, messages, texts };
}

describe('runCode: output', () => {
  test('a simple block prints through print and console.log, with the library in scope', async () => {
    const { result, texts } = await run(
      'const z = weightedSum([0.6, 0.25, 0.15], [1, 2, 3], 1.2);\nprint(z);\nconsole.log("fin");',
    );
    expect(result).toEqual({ ok: true, checks: [], truncated: false });
    expect(texts).toEqual(['2.75', 'fin']);
  });

  test('top-level await', async () => {
    const { result, texts } = await run(
      'const x = await new Promise((r) => setTimeout(() => r(21), 1));\nprint(x * 2);',
    );
    expect(result.ok).toBe(true);
    expect(texts).toEqual(['42']);
  });

  test('a type-annotated block gives the same output as its plain version', async () => {
    const plain = await run('function double(x) {\n  return 2 * x;\n}\nconst v = [1, 2].map(double);\nprint(v);');
    const typed = await run(
      'function double(x: number): number {\n  return 2 * x;\n}\nconst v: number[] = [1, 2].map(double) as number[];\nprint(v);',
    );
    expect(typed.result.ok).toBe(true);
    expect(typed.texts).toEqual(plain.texts);
    expect(plain.texts).toEqual(['[2, 4]']);
  });

  test('a block may shadow a library name with its own const', async () => {
    const { result, texts } = await run('const sigmoid = 2;\nprint(sigmoid);');
    expect(result.ok).toBe(true);
    expect(texts).toEqual(['2']);
  });

  test('past maxLines: one notice, the run ends, truncated', async () => {
    const { result, messages } = await run(
      'for (let i = 0; i < 50; i++) {\n  try { print(i); } catch {}\n}\nprint("après");',
      { maxLines: 10 },
    );
    expect(result.ok).toBe(true);
    expect(result.truncated).toBe(true);
    const notices = messages.filter((m) => m.kind === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ text: expect.stringMatching(/^Sortie arrêtée après 10 lignes\u00a0: /) });
    expect(messages.filter((m) => m.kind === 'text').map((m) => (m.kind === 'text' ? m.text : ''))).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i)),
    );
    const uncaught = await run('for (let i = 0; i < 50; i++) print(i);\nprint("après");', { maxLines: 1000 });
    expect(uncaught.result.truncated).toBe(false);
    expect(uncaught.texts).toHaveLength(51);
  });

  test('the default cap is 1 000 lines, and a text of several lines counts each', async () => {
    const { result, texts, messages } = await run('for (let i = 0; i < 2000; i++) print("a\\nb");');
    expect(result.truncated).toBe(true);
    expect(texts).toHaveLength(500);
    expect(messages.at(-1)).toMatchObject({ kind: 'notice', text: expect.stringContaining('1\u202f000 lignes') });
  });

  test('a table counts its rows plus its header line', async () => {
    const { result, messages } = await run('print(fromRows([[1, 2], [3, 4]]));\nprint(fromRows([[5, 6]]));', {
      maxLines: 4,
    });
    expect(messages.map((m) => m.kind)).toEqual(['table', 'notice']);
    expect(result.truncated).toBe(true);
  });

  test('a progress line updates in place: only its first message counts toward the cap', async () => {
    const { result, messages } = await run(
      'for (let e = 1; e <= 50; e++) progress("Époque", e, 50);\nprint("a");\nprint("b");\nprint("c");',
      { maxLines: 3 },
    );
    expect(messages.filter((m) => m.kind === 'progress')).toHaveLength(50);
    expect(messages.filter((m) => m.kind === 'text')).toHaveLength(2);
    expect(result.truncated).toBe(true);
  });

  test('the previous output sink is back after the run, even after an error', async () => {
    const mine = () => {};
    setOutputSink(mine);
    try {
      await run('print(1);\nthrow new Error("boum");');
      expect(setOutputSink(mine)).toBe(mine);
    } finally {
      setOutputSink(null);
    }
  });
});

describe('runCode: errors in the reader’s code', () => {
  test('a syntax error gives its line and column (plain JavaScript)', async () => {
    const { result } = await run('const a = 1;\nconst b = (;\n');
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ kind: 'syntax', line: 2, column: 12 });
    expect(result.error!.message).toMatch(/^Erreur de syntaxe ligne 2, colonne 12\u00a0: symbole inattendu/);
  });

  test('a syntax error gives its line and column in typed code', async () => {
    const { result } = await run('const a: number = 1;\n\nconst b: number = (;\n');
    expect(result.error).toMatchObject({ kind: 'syntax', line: 3, column: 20 });
  });

  test('an early error sucrase accepts (a const declared twice) still gets its position', async () => {
    const { result } = await run('const a = 1;\nconst a = 2;');
    expect(result.error).toMatchObject({ kind: 'syntax', line: 2, column: 7 });
    expect(result.error!.message).toBe('Erreur de syntaxe ligne 2, colonne 7\u00a0: «\u202fa\u202f» est déjà déclaré');
  });

  test('a runtime error gives the line and column in the reader’s code, in French', async () => {
    const { result, texts } = await run('const a = 1;\nprint(a);\nprint(a + c);');
    expect(texts).toEqual(['1']);
    expect(result.error).toEqual({
      kind: 'runtime',
      line: 3,
      column: 11,
      message:
        'Erreur ligne 3, colonne 11\u00a0: «\u202fc\u202f» n’est pas défini (faute de frappe, ou variable jamais déclarée\u202f?)',
    });
  });

  test('the same in typed code, and inside a function called later', async () => {
    const typed = await run('const a: number = 1;\n\nprint(a + c);');
    expect(typed.result.error).toMatchObject({ line: 3 });
    const nested = await run('function f() {\n  return null.x;\n}\nf();');
    expect(nested.result.error).toMatchObject({ kind: 'runtime', line: 2 });
    expect(nested.result.error!.message).toContain('impossible de lire la propriété «\u202fx\u202f» de null');
  });

  test('an error thrown inside the library names the reader’s line that called it', async () => {
    const { result } = await run('print(1);\nmatmul(fromRows([[1, 2]]), fromRows([[1, 2]]));');
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ kind: 'runtime', line: 2 });
  });
});

describe('runCode: exercises', () => {
  const check =
    'for (const z of [-2, 0, 3]) {\n  checkClose(`sigmoidPrime(${z})`, sigmoidPrime(z), activations.sigmoid.df(z), 1e-9);\n}';

  test('the check sees the reader’s declarations; passing checks are collected and emitted', async () => {
    const { result, messages } = await run(
      'function sigmoidPrime(z: number): number {\n  const s = sigmoid(z);\n  return s * (1 - s);\n}',
      { check },
    );
    expect(result.ok).toBe(true);
    expect(result.checks).toHaveLength(3);
    expect(result.checks.every((c) => c.pass)).toBe(true);
    expect(result.checks[0]!.name).toBe('sigmoidPrime(-2)');
    expect(messages.filter((m) => m.kind === 'check')).toHaveLength(3);
  });

  test('the starter code fails its checks', async () => {
    const { result } = await run('function sigmoidPrime(z: number): number {\n  return 0;\n}', { check });
    expect(result.ok).toBe(true);
    expect(result.checks).toHaveLength(3);
    expect(result.checks.some((c) => c.pass)).toBe(false);
  });

  test('an error in the check code is the check’s, without a line of the reader’s code', async () => {
    const { result } = await run('const x = 1;\nprint(x);', { check: 'print(x);\nmissingHelper();' });
    expect(result.ok).toBe(false);
    expect(result.error!.kind).toBe('runtime');
    expect(result.error!.line).toBeUndefined();
    expect(result.error!.message).toBe(
      'Erreur dans la vérification\u00a0: «\u202fmissingHelper\u202f» n’est pas défini (faute de frappe, ou variable jamais déclarée\u202f?)',
    );
  });

  test('a syntax error in the check code is the check’s too', async () => {
    const { result } = await run('const x = 1;', { check: 'checkEqual("x", x, (;' });
    expect(result.error!.kind).toBe('syntax');
    expect(result.error!.line).toBeUndefined();
    expect(result.error!.message).toMatch(/^Erreur de syntaxe dans la vérification ligne 1, colonne 21\u00a0: /);
  });

  test('an error in the reader’s function called by the check names the reader’s line', async () => {
    const { result } = await run('function sigmoidPrime(z) {\n  return s;\n}', { check });
    expect(result.error).toMatchObject({ kind: 'runtime', line: 2 });
  });
});

describe('runCode: the fast engine', () => {
  test('loadFastEngine() loads TensorFlow.js on demand (WASM in Node, no GPU here)', async () => {
    const { result, texts } = await run(
      'const tf = await loadFastEngine();\nprint(tf.getBackend());\nprint(Array.from(tf.add(tf.tensor([1, 2]), 1).dataSync()));',
    );
    expect(result.ok).toBe(true);
    expect(texts).toEqual(['wasm', '[2, 3]']);
  });
});
