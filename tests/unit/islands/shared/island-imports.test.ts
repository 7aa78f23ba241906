/**
 * An island imports only its own folder and islands/shared/: eslint.config.js's local rule
 * no-cross-island-import, run through ESLint's API on code it has not seen (so the rule itself is
 * tested, not only today's files; `npm run check` lints today's files with it).
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');
const RULE = 'local/no-cross-island-import';
const eslint = new ESLint({ cwd: ROOT });

/** The rule's findings on `code` as if it were the file `path` (relative to the repository). */
async function findings(code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => `${m.line}: ${m.message}`);
}

describe('no-cross-island-import', () => {
  test('names each import, re-export and import() of another island’s folder, however it is spelt', async () => {
    const code = [
      "import { labSchema } from '../labo2d/state';",
      "export { mnistSchema } from '../../islands/mnist/state';",
      "export * from '../xor/xor-trainer';",
      "export const later = () => import('../neurone/state');",
      'void labSchema;',
    ].join('\n');
    const found = await findings(code, 'src/components/islands/calculatrice/probe.ts');
    expect(found.map((f) => f.split(':')[0])).toEqual(['1', '2', '3', '4']);
    expect(found[0]).toContain('« calculatrice » imports the folder of the island « labo2d »');
  });

  test('holds in a Svelte component too', async () => {
    const code =
      '<script lang="ts">\n  import LossCurves from \'../labo2d/LossCurves.svelte\';\n</script>\n\n<LossCurves />\n';
    expect(await findings(code, 'src/components/islands/mnist/Probe.svelte')).toHaveLength(1);
  });

  test('lets an island import its own folder, islands/shared/, charts/ and src/nn', async () => {
    const code = [
      "import { labSchema } from './state';",
      "import { defaultState } from '../shared/url-state';",
      "import { linearScale } from '../../charts/scale';",
      "import { formatNumber } from '../../../nn';",
      'void [labSchema, defaultState, linearScale, formatNumber];',
    ].join('\n');
    expect(await findings(code, 'src/components/islands/labo2d/probe.ts')).toEqual([]);
    // outside the islands (build-time computations reuse an island's logic) the rule does not apply
    const outside = "import { exempleCours } from '../components/islands/passe-avant/network';\nvoid exempleCours;\n";
    expect(await findings(outside, 'src/content/probe.ts')).toEqual([]);
  });
});
