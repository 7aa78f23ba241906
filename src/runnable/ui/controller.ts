/**
 * Everything a runnable block does once the reader touches it, loaded by RunToolbar's loader on
 * the first click on a block's button (or at load when there is something to restore: kept edits,
 * or code from a shared link). The loader hands every click over to `handle`.
 *
 * A block shows one code at a time: the original (the build's highlighted block), the reader's
 * kept edits, or code from a link; when it is not the original it is shown in a plain `<pre>`
 * (or in the editor once opened) with a notice saying where it comes from.
 */
import type { EditorHandle } from './editor';
import { acquireSandbox, releaseSandbox, stopSandbox, type Sandbox } from './sandbox';
import { OutputView } from './render';
import { renderError } from './render-error';
import { checkSummary } from './render-check';
import { clearCode, loadCode, saveCode, savedRunIds } from './storage';
import { decodeCode, shareParam, shareUrl } from './share';

type Origin = 'original' | 'saved' | 'link';

interface BlockData {
  source: string;
  check?: string;
}

interface Block {
  section: HTMLElement;
  runId: string;
  chapter: string;
  id: string;
  kind: 'exemple' | 'exercice';
  original: string;
  check: string | undefined;
  current: string;
  origin: Origin;
  code: HTMLElement;
  plain: HTMLPreElement | undefined;
  editor: EditorHandle | undefined;
  editorHost: HTMLElement | undefined;
  notice: HTMLElement;
  share: HTMLElement;
  status: HTMLElement;
  result: HTMLElement;
  output: HTMLElement;
  button: (action: string) => HTMLButtonElement | null;
  sandbox: Sandbox | undefined;
  storageWarned: boolean;
}

const NOTICE_EDITED = 'Code modifié par vous (gardé dans ce navigateur).';
const NOTICE_LINK = 'Ce code vient d’un lien\u00a0: il ne s’exécutera que si vous cliquez sur «\u202fExécuter\u202f».';
const NOTICE_BAD_LINK = 'Le code de ce lien est illisible (lien tronqué\u202f?)\u00a0: voici le code d’origine.';
const NOTICE_NO_STORAGE =
  'Votre navigateur ne permet pas de garder vos modifications\u00a0: elles seront perdues en quittant la page.';
const CHAPTER_RESET = 'Revenir au code d’origine pour tout le chapitre';

const blocks = new Map<HTMLElement, Block>();
let chapterReset: HTMLButtonElement | undefined;
let started: Promise<void> | undefined;

const ms = (x: number) => `${new Intl.NumberFormat('fr-FR').format(Math.round(x))}\u00a0ms`;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}

function readBlock(section: HTMLElement): Block | undefined {
  const runId = section.dataset['runId'];
  const code = section.querySelector<HTMLElement>('.npn-run__code');
  const output = section.querySelector<HTMLElement>('.npn-run__output');
  const toolbar = section.querySelector<HTMLElement>('.npn-run__toolbar');
  let data: BlockData;
  try {
    data = JSON.parse(section.querySelector('.npn-run__data')?.textContent ?? '') as BlockData;
  } catch {
    return undefined;
  }
  if (!runId || !code || !output || !toolbar || typeof data.source !== 'string') return undefined;
  const [chapter = '', id = runId] = runId.split('/');
  section.id ||= `code-${id}`;
  const notice = element('p', 'npn-run__notice');
  notice.setAttribute('role', 'status');
  notice.hidden = true;
  code.before(notice);
  const share = element('div', 'npn-run__share');
  toolbar.after(share);
  const status = element('p', 'npn-run__status');
  status.setAttribute('role', 'status');
  const result = element('div', 'npn-run__result');
  output.replaceChildren(status, result);
  return {
    section,
    runId,
    chapter,
    id,
    kind: section.dataset['kind'] === 'exercice' ? 'exercice' : 'exemple',
    original: data.source,
    check: data.check,
    current: data.source,
    origin: 'original',
    code,
    plain: undefined,
    editor: undefined,
    editorHost: undefined,
    notice,
    share,
    status,
    result,
    output,
    button: (action) => toolbar.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`),
    sandbox: undefined,
    storageWarned: false,
  };
}

function setNotice(block: Block, text: string | null) {
  block.notice.textContent = text ?? '';
  block.notice.hidden = !text;
}

/** Shows `code` in the block: the build's block for the original, else a plain `<pre>` or the editor. */
function showCode(block: Block, code: string, origin: Origin) {
  block.current = code;
  block.origin = origin;
  const original = code === block.original && origin !== 'link';
  if (block.editor) {
    if (block.editor.getDoc() !== code) block.editor.setDoc(code);
  } else if (original) {
    block.plain?.remove();
    block.plain = undefined;
    block.code.hidden = false;
  } else {
    if (!block.plain) {
      block.plain = element('pre', 'npn-run__plain');
      block.plain.tabIndex = 0;
      block.plain.setAttribute('aria-label', `Code à exécuter (${block.id})`);
      block.plain.append(document.createElement('code'));
      block.code.after(block.plain);
    }
    block.plain.firstElementChild!.textContent = code;
    block.code.hidden = true;
  }
  setNotice(block, origin === 'link' ? NOTICE_LINK : original ? null : NOTICE_EDITED);
  const reset = block.button('reset');
  if (reset) reset.hidden = original;
  updateChapterReset();
}

function updateChapterReset() {
  const chapter = blocks.values().next().value?.chapter;
  if (chapter === undefined) return;
  const edited = savedRunIds(chapter).length > 0 || [...blocks.values()].some((b) => b.current !== b.original);
  if (!chapterReset && edited) {
    const holder = element('p', 'npn-run-chapter-reset');
    chapterReset = element('button', 'npn-run__button');
    chapterReset.type = 'button';
    chapterReset.textContent = CHAPTER_RESET;
    chapterReset.addEventListener('click', () => {
      for (const runId of savedRunIds(chapter)) clearCode(runId);
      for (const block of blocks.values()) resetBlock(block);
      chapterReset!.parentElement!.hidden = true;
    });
    holder.append(chapterReset);
    blocks.keys().next().value!.before(holder);
  }
  if (chapterReset) chapterReset.parentElement!.hidden = !edited;
}

function resetBlock(block: Block) {
  clearCode(block.runId);
  showCode(block, block.original, 'original');
  // A shared code read from the URL would come back on reload: drop it from the address.
  const url = new URL(location.href);
  if (url.searchParams.has(shareParam(block.id))) {
    url.searchParams.delete(shareParam(block.id));
    history.replaceState(history.state, '', url);
  }
}

function edited(block: Block, code: string) {
  block.current = code;
  if (code === block.original) clearCode(block.runId);
  else if (!saveCode(block.runId, code) && !block.storageWarned) block.storageWarned = true;
  block.origin = code === block.original ? 'original' : 'saved';
  setNotice(block, block.storageWarned ? NOTICE_NO_STORAGE : block.origin === 'saved' ? NOTICE_EDITED : null);
  const reset = block.button('reset');
  if (reset) reset.hidden = block.origin === 'original';
  updateChapterReset();
}

async function openEditorIn(block: Block) {
  if (block.editor) {
    block.editor.focus();
    return;
  }
  const { openEditor } = await import('./editor');
  if (block.editor) return;
  const host = element('div', 'npn-run__editor');
  (block.plain ?? block.code).after(host);
  const name = block.section.getAttribute('aria-label')?.replace(/^Code exécutable\s*:\s*/, '') ?? block.id;
  block.editor = openEditor(host, {
    doc: block.current,
    label: `Code modifiable\u00a0: ${name}`,
    onRun: () => void run(block),
    onChange: (doc) => edited(block, doc),
    onEscape: () => block.button('edit')?.focus(),
  });
  block.editorHost = host;
  block.code.hidden = true;
  block.plain?.remove();
  block.plain = undefined;
  block.editor.focus();
}

async function run(block: Block) {
  if (block.sandbox) return;
  const started = performance.now();
  const sandbox = acquireSandbox();
  block.sandbox = sandbox;
  const stop = block.button('stop');
  if (stop) stop.disabled = false;
  block.section.dataset['state'] = 'running';
  if (block.output.hidden) {
    // A live region announces changes only once it is shown: show it, then write to it.
    block.output.hidden = false;
    await new Promise(requestAnimationFrame);
  }
  block.status.textContent = 'Exécution…';
  block.result.replaceChildren();
  const view = new OutputView(block.result);
  const source = block.current;
  const outcome = await sandbox.run(
    { source, ...(block.kind === 'exercice' && block.check ? { check: block.check } : {}), siteBase: siteBase() },
    (messages) => view.push(messages),
  );
  block.sandbox = undefined;
  if (stop) {
    if (document.activeElement === stop) block.button('run')?.focus();
    stop.disabled = true;
  }
  if (outcome.stopped) {
    block.section.dataset['state'] = 'stopped';
    block.status.textContent = 'Arrêté.';
    return;
  }
  releaseSandbox(sandbox);
  await view.settled();
  const { result } = outcome;
  if (result.error) view.append(renderError(result.error, source));
  if (block.kind === 'exercice') view.append(checkSummary(result.checks, !result.ok));
  const elapsed = ms(performance.now() - started);
  block.section.dataset['state'] = result.ok ? 'done' : 'error';
  block.status.textContent = result.ok ? `Terminé en ${elapsed}.` : `Terminé avec une erreur (${elapsed}).`;
}

function stopRun(block: Block) {
  if (block.sandbox) stopSandbox(block.sandbox);
}

async function copyLink(block: Block) {
  const url = await shareUrl(block.id, block.section.id, block.current);
  const status = element('p', 'npn-run__share-status');
  status.setAttribute('role', 'status');
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = 'Lien copié dans le presse-papiers.';
    block.share.replaceChildren(status);
  } catch {
    // Clipboard refused (permissions, insecure context): the link, to copy by hand.
    status.textContent = 'Copie impossible ici\u00a0: sélectionnez le lien ci-dessous.';
    const label = element('label', 'npn-run__share-field');
    const field = document.createElement('input');
    field.type = 'text';
    field.readOnly = true;
    field.value = url;
    field.addEventListener('focus', () => field.select());
    label.append('Lien du code ', field);
    block.share.replaceChildren(status, label);
    field.focus();
  }
}

function siteBase(): string {
  return new URL(import.meta.env.BASE_URL, location.href).href;
}

/** Reads every block of the page; restores kept edits and code from a shared link. */
export function start(): Promise<void> {
  return (started ??= restore());
}

async function restore() {
  const params = new URLSearchParams(location.search);
  const pending: Promise<void>[] = [];
  for (const section of document.querySelectorAll<HTMLElement>('.npn-run')) {
    const block = readBlock(section);
    if (!block) continue;
    blocks.set(section, block);
    const shared = params.get(shareParam(block.id));
    const saved = loadCode(block.runId);
    if (shared !== null)
      pending.push(
        decodeCode(shared).then(
          (code) => showCode(block, code, 'link'),
          () => setNotice(block, NOTICE_BAD_LINK),
        ),
      );
    else if (saved !== null && saved !== block.original) showCode(block, saved, 'saved');
  }
  await Promise.all(pending);
  updateChapterReset();
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target && pending.length > 0) target.scrollIntoView();
}

/** A click on one of a block's buttons (forwarded by the loader). */
export async function handle(button: HTMLButtonElement): Promise<void> {
  await start();
  const section = button.closest<HTMLElement>('.npn-run');
  const block = section && blocks.get(section);
  if (!block) return;
  const action = button.dataset['action'];
  if (action === 'run') await run(block);
  else if (action === 'stop') stopRun(block);
  else if (action === 'edit') await openEditorIn(block);
  else if (action === 'reset') {
    resetBlock(block);
    block.button('edit')?.focus();
  } else if (action === 'link') await copyLink(block);
}
