// @ts-check
/**
 * The grammar of runnable code blocks (RUNNABLE.md section 1), in plain JavaScript so that the
 * remark plugin (src/markdown/remark-runnable.mjs, loaded by astro.config.mjs without a TS
 * loader) and the Node tests (through src/runnable/blocks.ts, which re-exports it with its types)
 * share ONE parser. Pure: it reads an mdast tree and never touches the file system.
 */

/**
 * @typedef {object} ExampleBlock
 * @property {'exemple'} kind
 * @property {string} id
 * @property {string} [title]
 * @property {number} precision  numbers in the output match within 10^-precision
 * @property {string} source
 * @property {string} expected
 * @property {number} line  line of the ```ts exemple fence in the file
 */
/**
 * @typedef {object} ExerciseBlock
 * @property {'exercice'} kind
 * @property {string} id
 * @property {string} [title]
 * @property {string} starter
 * @property {string[]} hints
 * @property {string} solution
 * @property {string} check
 * @property {number} line  line of the ```ts exercice fence in the file
 * @property {number} solutionLine  line of the ```ts solution fence
 * @property {number} checkLine  line of the ```ts verification fence
 */
/** @typedef {ExampleBlock | ExerciseBlock} RunnableBlock */
/**
 * A block and where it sits in the tree: `parent.children.slice(start, end)` are its code nodes.
 * @typedef {object} BlockGroup
 * @property {RunnableBlock} block
 * @property {{ children: any[] }} parent
 * @property {number} start
 * @property {number} end
 * @property {any[]} nodes  the code nodes, in order
 */

export const DEFAULT_PRECISION = 6;

/** Each role: the fence's language and the keys its meta may carry. */
const ROLES = /** @type {const} */ ({
  exemple: { lang: 'ts', keys: ['id', 'precision', 'title'] },
  exercice: { lang: 'ts', keys: ['id', 'title'] },
  sortie: { lang: 'text', keys: [] },
  indice: { lang: 'text', keys: [] },
  solution: { lang: 'ts', keys: [] },
  verification: { lang: 'ts', keys: [] },
});
/** @typedef {keyof typeof ROLES} Role */

/** @param {string} word @returns {word is Role} */
const isRole = (word) => Object.hasOwn(ROLES, word);

// French build messages: U+202F inside « » and before ; ! ?, U+00A0 before :.
const q = (/** @type {string} */ s) => `«\u202f${s}\u202f»`;
const fence = (/** @type {Role} */ role) => `\`\`\`${ROLES[role].lang} ${role}`;

export class RunnableBlockError extends Error {
  /** @param {string} file @param {number} line @param {string} message French, without the position */
  constructor(file, line, message) {
    super(`${file}:${line}: ${message}`);
    this.name = 'RunnableBlockError';
    this.file = file;
    this.line = line;
  }
}

const TOKEN = /\s*([^\s="]+)(?:=(?:"([^"]*)"|([^\s"]+)))?/y;

/**
 * Splits a fence's meta into bare words and `key=value` / `key="value"` pairs.
 * Throws a plain Error (French) on a syntax it cannot read; callers add the position.
 * @param {string | null | undefined} meta
 * @returns {{ words: string[], attrs: Map<string, string> }}
 */
export function parseMeta(meta) {
  const words = [];
  const attrs = new Map();
  const text = (meta ?? '').trimEnd();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m)
      throw new Error(`options illisibles à partir de ${q(text.slice(at))}\u00a0: écrivez clé=valeur ou clé="valeur"`);
    const [whole, key, quoted, bare] = m;
    if (!key) throw new Error(`options illisibles à partir de ${q(text.slice(at))}`);
    if (!whole.includes('=')) {
      words.push(key);
      continue;
    }
    if (attrs.has(key)) throw new Error(`l’option ${q(key)} est donnée deux fois`);
    attrs.set(key, quoted ?? bare ?? '');
  }
  return { words, attrs };
}

/**
 * The role a code node plays, or null for an ordinary code block. Lenient: only a bare role word
 * outside quotes counts, so `title="un exemple"` stays an ordinary block. A fence whose language
 * is itself a role word (```sortie) counts too, so the typo is reported instead of ignored.
 * @param {any} node
 * @returns {Role | null}
 */
export function roleOf(node) {
  if (node?.type !== 'code') return null;
  const unquoted = String(node.meta ?? '').replace(/"[^"]*"/g, '""');
  for (const word of unquoted.split(/\s+/)) if (isRole(word)) return word;
  if (typeof node.lang === 'string' && isRole(node.lang)) return node.lang;
  return null;
}

/**
 * Reads a role's meta strictly: right language, one role word, only the keys allowed.
 * @param {any} node @param {Role} role @param {string} file
 * @returns {Map<string, string>}
 */
function strictMeta(node, role, file) {
  const line = node.position?.start?.line ?? 0;
  const fail = (/** @type {string} */ message) => new RunnableBlockError(file, line, message);
  if (node.lang !== ROLES[role].lang) {
    throw fail(`un bloc ${q(role)} s’écrit ${fence(role)} (langage ${q(node.lang ?? 'aucun')} trouvé)`);
  }
  let parsed;
  try {
    parsed = parseMeta(node.meta);
  } catch (error) {
    throw fail(/** @type {Error} */ (error).message);
  }
  const roles = parsed.words.filter(isRole);
  if (roles.length > 1) throw fail(`un bloc ne peut jouer qu’un rôle (${roles.map(q).join(', ')} trouvés)`);
  const stray = parsed.words.find((w) => !isRole(w));
  if (stray !== undefined) throw fail(`option ${q(stray)} inconnue pour un bloc ${q(role)}${allowed(role)}`);
  /** @type {readonly string[]} */
  const keys = ROLES[role].keys;
  for (const key of parsed.attrs.keys()) {
    if (!keys.includes(key)) throw fail(`option ${q(key)} inconnue pour un bloc ${q(role)}${allowed(role)}`);
  }
  return parsed.attrs;
}

/** @param {Role} role */
function allowed(role) {
  const keys = ROLES[role].keys;
  return keys.length === 0 ? ' (il n’en prend aucune)' : ` (options permises\u00a0: ${keys.join(', ')})`;
}

/**
 * Finds every runnable block of an mdast tree, validated, with its place in the tree.
 * @param {any} tree  an mdast root (remark-parse + remark-mdx)
 * @param {string} file  the name used in error messages
 * @returns {BlockGroup[]}  in document order
 */
export function collectBlocks(tree, file) {
  /** @type {BlockGroup[]} */
  const groups = [];
  /** @type {Map<string, number>} */
  const ids = new Map();
  const lineOf = (/** @type {any} */ node) => node.position?.start?.line ?? 0;

  /** @param {Map<string, string>} attrs @param {any} node @param {Role} role */
  const idOf = (attrs, node, role) => {
    const id = attrs.get('id');
    if (id === undefined)
      throw new RunnableBlockError(
        file,
        lineOf(node),
        `un bloc ${q(role)} demande un id="…" (lettres minuscules, chiffres et tirets)`,
      );
    if (!/^[a-z0-9-]+$/.test(id)) {
      throw new RunnableBlockError(
        file,
        lineOf(node),
        `id ${q(id)} invalide\u00a0: lettres minuscules, chiffres et tirets seulement`,
      );
    }
    const seen = ids.get(id);
    if (seen !== undefined) throw new RunnableBlockError(file, lineOf(node), `id ${q(id)} déjà utilisé ligne ${seen}`);
    ids.set(id, lineOf(node));
    return id;
  };

  /** @param {{ children?: any[] }} parent */
  const walk = (parent) => {
    const children = parent.children;
    if (!Array.isArray(children)) return;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      const role = roleOf(node);
      if (role === null) {
        walk(node);
        continue;
      }
      const attrs = strictMeta(node, role, file);
      const line = lineOf(node);
      const title = attrs.get('title');
      const withTitle = title === undefined ? {} : { title };
      if (role === 'exemple') {
        const id = idOf(attrs, node, role);
        const precision = precisionOf(attrs.get('precision'), file, line);
        const next = children[i + 1];
        if (roleOf(next) !== 'sortie') {
          throw new RunnableBlockError(
            file,
            line,
            `l’exemple ${q(id)} doit être suivi immédiatement d’un bloc ${fence('sortie')} (la sortie attendue)`,
          );
        }
        strictMeta(next, 'sortie', file);
        const block = { kind: 'exemple', id, ...withTitle, precision, source: node.value, expected: next.value, line };
        groups.push({
          block: /** @type {ExampleBlock} */ (block),
          parent: /** @type {{ children: any[] }} */ (parent),
          start: i,
          end: i + 2,
          nodes: [node, next],
        });
        i += 1;
      } else if (role === 'exercice') {
        const id = idOf(attrs, node, role);
        let j = i + 1;
        const hints = [];
        while (roleOf(children[j]) === 'indice') {
          strictMeta(children[j], 'indice', file);
          hints.push(children[j].value);
          j++;
        }
        if (roleOf(children[j]) !== 'solution') {
          throw new RunnableBlockError(
            file,
            line,
            `l’exercice ${q(id)} demande, après ses indices, un bloc ${fence('solution')} puis un bloc ${fence('verification')}`,
          );
        }
        const solution = children[j];
        strictMeta(solution, 'solution', file);
        if (roleOf(children[j + 1]) !== 'verification') {
          throw new RunnableBlockError(
            file,
            line,
            `l’exercice ${q(id)} demande un bloc ${fence('verification')} juste après sa solution`,
          );
        }
        const check = children[j + 1];
        strictMeta(check, 'verification', file);
        const block = {
          kind: 'exercice',
          id,
          ...withTitle,
          starter: node.value,
          hints,
          solution: solution.value,
          check: check.value,
          line,
          solutionLine: lineOf(solution),
          checkLine: lineOf(check),
        };
        groups.push({
          block: /** @type {ExerciseBlock} */ (block),
          parent: /** @type {{ children: any[] }} */ (parent),
          start: i,
          end: j + 2,
          nodes: children.slice(i, j + 2),
        });
        i = j + 1;
      } else {
        const owner =
          role === 'sortie'
            ? `un bloc ${fence('exemple')}`
            : `un bloc ${fence('exercice')} (dans l’ordre\u00a0: indices, solution, vérification)`;
        throw new RunnableBlockError(file, line, `bloc ${q(role)} isolé\u00a0: il doit suivre immédiatement ${owner}`);
      }
    }
  };
  walk(tree);
  return groups;
}

/** @param {string | undefined} value @param {string} file @param {number} line */
function precisionOf(value, file, line) {
  if (value === undefined) return DEFAULT_PRECISION;
  if (!/^\d{1,2}$/.test(value) || Number(value) > 12) {
    throw new RunnableBlockError(
      file,
      line,
      `precision ${q(value)} invalide\u00a0: un entier de 0 à 12 (chiffres après la virgule comparés)`,
    );
  }
  return Number(value);
}
