/**
 * Where the reader's code runs: a module worker started inside an invisible
 * `<iframe sandbox="allow-scripts">` (no allow-same-origin), so that the code has an opaque
 * origin: it cannot read or change the site's pages, localStorage, IndexedDB or caches, even
 * when it came from a shared link. The frame's only job is to start the worker and relay
 * messages both ways; the page checks that every message it gets comes from that frame.
 *
 * The worker is started from a `data:` URL that imports the built worker module by its absolute
 * URL: Chromium refuses a `blob:` MODULE worker in an opaque-origin frame, and a `data:` worker is
 * opaque whatever its parent. The module is then fetched cross-origin (Origin: null), which is
 * why the server must answer `Access-Control-Allow-Origin: *` (GitHub Pages does).
 *
 * A sandbox stays warm between runs; « Arrêter » removes its frame (the browser ends the worker
 * with it, even inside `while (true) {}`) and a fresh one is started for the next run.
 */
import workerUrl from '../worker.ts?worker&url';
import type { FromWorker, RunRequest } from '../protocol';
import type { OutputMessage } from '../../nn';
import type { RunResult } from '../run-code';

/** What a run ends with: the runtime's result, or the reader's « Arrêter ». */
export type RunOutcome = { stopped: false; result: RunResult } | { stopped: true };

interface CurrentRun {
  runId: string;
  onOutput: (messages: readonly OutputMessage[]) => void;
  resolve: (outcome: RunOutcome) => void;
}

function frameDocument(moduleUrl: string): string {
  const workerSource = `data:text/javascript,${encodeURIComponent(`import ${JSON.stringify(moduleUrl)};`)}`;
  // The relay: the worker's messages go to the page, the page's to the worker. A worker that
  // cannot load (network, CORS) is reported as such.
  const script = `
const worker = new Worker(${JSON.stringify(workerSource)}, { type: 'module' });
worker.onmessage = (e) => parent.postMessage(e.data, '*');
worker.onerror = (e) => { e.preventDefault(); parent.postMessage({ type: 'failed', message: String(e.message || '') }, '*'); };
addEventListener('message', (e) => { if (e.source === parent) worker.postMessage(e.data); });
`;
  return `<!doctype html><meta charset="utf-8"><title>bac à sable</title><script>${script}</script>`;
}

let nextRunId = 0;

export class Sandbox {
  private readonly frame: HTMLIFrameElement;
  private readonly ready: Promise<void>;
  private current: CurrentRun | undefined;
  private failure: string | undefined;
  private disposed = false;

  constructor() {
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('sandbox', 'allow-scripts');
    this.frame.setAttribute('aria-hidden', 'true');
    this.frame.tabIndex = -1;
    this.frame.title = 'Bac à sable du code';
    this.frame.className = 'npn-run-sandbox';
    this.frame.srcdoc = frameDocument(new URL(workerUrl, location.href).href);
    let markReady = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.onMessage = (event: MessageEvent) => {
      if (event.source !== this.frame.contentWindow || this.disposed) return;
      const data = event.data as FromWorker | { type: 'failed'; message: string };
      if (typeof data !== 'object' || data === null) return;
      if (data.type === 'ready') markReady();
      else if (data.type === 'failed') this.fail(data.message);
      else if (data.type === 'output' && data.runId === this.current?.runId && Array.isArray(data.messages))
        this.current.onOutput(data.messages);
      else if (data.type === 'done' && data.runId === this.current?.runId) {
        const { resolve } = this.current;
        this.current = undefined;
        resolve({ stopped: false, result: data.result });
      }
    };
    addEventListener('message', this.onMessage);
    document.body.append(this.frame);
  }

  private readonly onMessage: (event: MessageEvent) => void;

  private fail(message: string) {
    this.failure = `Le moteur d’exécution n’a pas pu se charger${message ? `\u00a0: ${message}` : ''}. Rechargez la page pour réessayer.`;
    const run = this.current;
    this.current = undefined;
    run?.resolve({
      stopped: false,
      result: { ok: false, error: { kind: 'runtime', message: this.failure }, checks: [], truncated: false },
    });
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  /** Runs one request; `onOutput` gets the output in order, as batches arrive. */
  async run(
    request: Omit<RunRequest, 'type' | 'runId'>,
    onOutput: (messages: readonly OutputMessage[]) => void,
  ): Promise<RunOutcome> {
    const runId = `r${++nextRunId}`;
    if (this.disposed) return { stopped: true };
    const outcome = new Promise<RunOutcome>((resolve) => (this.current = { runId, onOutput, resolve }));
    if (this.failure) this.fail('');
    else
      void this.ready.then(() => {
        if (this.current?.runId === runId)
          this.frame.contentWindow?.postMessage({ ...request, type: 'run', runId }, '*');
      });
    return outcome;
  }

  /** Ends the worker now (the frame goes, and the worker with it); a pending run ends as stopped. */
  dispose() {
    this.disposed = true;
    removeEventListener('message', this.onMessage);
    this.frame.remove();
    const run = this.current;
    this.current = undefined;
    run?.resolve({ stopped: true });
  }
}

/** One warm sandbox kept for the next run; a block that runs while it is busy gets its own. */
let idle: Sandbox | undefined;

export function acquireSandbox(): Sandbox {
  const sandbox = idle && !idle.busy ? idle : new Sandbox();
  if (sandbox === idle) idle = undefined;
  return sandbox;
}

export function releaseSandbox(sandbox: Sandbox) {
  if (idle) sandbox.dispose();
  else idle = sandbox;
}

/** « Arrêter »: ends the sandbox at once and warms a fresh one for the next run. */
export function stopSandbox(sandbox: Sandbox) {
  sandbox.dispose();
  idle ??= new Sandbox();
}

/** Starts loading the worker before the first run (e.g. when the reader opens the editor). */
export function warmSandbox() {
  idle ??= new Sandbox();
}
