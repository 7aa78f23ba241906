/**
 * Runs a reader's code block: the same function in Node (the doc-tests of `npm test`) and in
 * the browser's worker (`worker.ts`). The code becomes the body of an async function (so
 * top-level `await` works) whose parameters are every value `src/nn` exports, plus a `console`
 * routed to `print`, `loadFastEngine` and `fastMlp` (fast-mlp.ts). Types are stripped (sucrase, loaded lazily) only when
 * the code does not parse as JavaScript. Errors come back in French with the line and column
 * in the reader's own code.
 */
import * as nn from '../nn/index';
import type { CheckMessage, OutputMessage } from '../nn/index';
import {
  describeError,
  framePosition,
  frenchRuntimeMessage,
  frenchSyntaxMessage,
  messageOf,
  stackOf,
  type Position,
} from './error-position';
import { makeLoadFastEngine } from './fast-engine';
import { makeFastMlp } from './fast-mlp';
import { locateSyntaxError, StripError, stripTypes } from './strip-types';

export interface RunOptions {
  /** Every output message, in order. */
  emit(message: OutputMessage): void;
  /** An exercise's verification code, run after the reader's code, in the same scope. */
  check?: string;
  /** Default 1000; past it, one 'notice' message and the run ends (`truncated`). */
  maxLines?: number;
  /** Absolute URL of the site's base (tfjs's .wasm files), browser only. */
  siteBase?: string;
}

export interface RunError {
  kind: 'syntax' | 'runtime';
  /** The whole French sentence, position included: « Erreur ligne 2, colonne 9 : … ». */
  message: string;
  /** 1-based, in the reader's code; absent when unknown or when the error is in the check. */
  line?: number;
  column?: number;
}

export interface RunResult {
  ok: boolean;
  error?: RunError;
  checks: { name: string; pass: boolean; expected: string; received: string }[];
  truncated: boolean;
}

export const DEFAULT_MAX_LINES = 1000;

/** Stack frames of the block are named after this (`//# sourceURL`). */
const SOURCE_URL = 'bloc.ts';

type AsyncFn = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = (async () => {}).constructor as new (...paramsAndBody: string[]) => AsyncFn;

/**
 * The body: strict like a module; the reader's code in a block of its own, so that a
 * `const sigmoid = …` may shadow the library's name (a parameter) instead of being a syntax
 * error; the check in a nested block, where it sees the reader's declarations.
 */
const OPEN = "'use strict';{\n";
// (The `;` is interpolated so that the typography test of the sources does not read it as prose.)
const SEPARATOR = `\n${';'}{\n`;
const CLOSE = `\n}}\n//# sourceURL=${SOURCE_URL}`;

/** Words a strict-mode parameter cannot be named. */
const RESERVED = new Set(
  'arguments eval implements interface let package private protected public static yield await enum'.split(' '),
);
/** The library's values, as parameter names (identifiers only). */
const scopeNames = Object.keys(nn).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name));

let headerLines: number | undefined;
/**
 * How many lines the engine puts before the body: the Function constructor's own header (2 in
 * V8 and Firefox, by the spec's `anonymous(…\n) {\n`).
 * Measured once on a probe rather than assumed, so that another engine's header cannot shift
 * every reported line.
 */
function measureHeaderLines(): number {
  if (headerLines !== undefined) return headerLines;
  let stack = '';
  // The code of an async function runs synchronously up to its first await: the probe hands
  // its Error over at once.
  void new AsyncFunction('probe', body('probe(new Error())', undefined))((e: unknown) => (stack = stackOf(e)));
  // The probe sits on the body's line 2 (after OPEN).
  headerLines = (framePosition(stack, SOURCE_URL)?.line ?? 4) - 2;
  return headerLines;
}

interface Region {
  /** First line of this region in the body's text (1-based; OPEN is line 1). */
  readonly start: number;
  readonly lines: number;
}

const countLines = (s: string) => s.split('\n').length;

/** Where each part lies in the body, to map an engine position back to reader or check. */
function layout(source: string, check: string | undefined) {
  const reader: Region = { start: countLines(OPEN), lines: countLines(source) };
  const checkRegion: Region | undefined =
    check === undefined
      ? undefined
      : { start: reader.start + reader.lines + countLines(SEPARATOR) - 2, lines: countLines(check) };
  return { reader, check: checkRegion };
}

function body(source: string, check: string | undefined): string {
  return `${OPEN}${source}${SEPARATOR}${check ?? ''}${CLOSE}`;
}

/** Sent out of the output sink past the line limit; caught by runCode (never by the reader, we hope). */
class OutputLimitReached {}

/**
 * How many lines a message adds on screen. A progress line updates in place, so only the first
 * message with a given label adds one (a long training run reporting every epoch is not cut).
 */
function linesOf(message: OutputMessage, progressLabels: Set<string>): number {
  if (message.kind === 'text') return countLines(message.text);
  if (message.kind === 'table') return message.rows.length + 1;
  if (message.kind === 'progress') {
    if (progressLabels.has(message.label)) return 0;
    progressLabels.add(message.label);
  }
  return 1;
}

function compile(text: string): AsyncFn {
  return new AsyncFunction(...scopeNames, 'console', 'loadFastEngine', 'fastMlp', text);
}

type Compiled = { fn: AsyncFn; source: string; check: string | undefined } | { error: RunError };

/** Compiles as JavaScript; on a syntax error, strips types (sucrase) and tries again. */
async function compileBlock(source: string, check: string | undefined): Promise<Compiled> {
  try {
    return { fn: compile(body(source, check)), source, check };
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
  }
  let plainSource: string;
  let plainCheck: string | undefined;
  try {
    plainSource = await stripTypes(source);
  } catch (e) {
    return { error: syntaxError(e, '') };
  }
  try {
    plainCheck = check === undefined ? undefined : await stripTypes(check);
  } catch (e) {
    return { error: syntaxError(e, ' dans la vérification', true) };
  }
  try {
    return { fn: compile(body(plainSource, plainCheck)), source: plainSource, check: plainCheck };
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    // Sucrase accepted what V8 refuses (an early error): acorn says where.
    const inSource = await locateSyntaxError(plainSource);
    if (inSource) return { error: syntaxError(inSource, '') };
    const inCheck = plainCheck === undefined ? undefined : await locateSyntaxError(plainCheck);
    if (inCheck) return { error: syntaxError(inCheck, ' dans la vérification', true) };
    return { error: { kind: 'syntax', message: describeError('syntax', frenchSyntaxMessage(e.message)) } };
  }
}

function syntaxError(e: unknown, where: string, inCheck = false): RunError {
  const strip = e instanceof StripError ? e : undefined;
  const position: Position | undefined =
    strip?.line !== undefined && strip.column !== undefined ? { line: strip.line, column: strip.column } : undefined;
  const message = describeError('syntax', frenchSyntaxMessage(messageOf(e)), position, where);
  return inCheck || !position
    ? { kind: 'syntax', message }
    : { kind: 'syntax', message, line: position.line, column: position.column };
}

function runtimeError(e: unknown, regions: ReturnType<typeof layout>): RunError {
  const french = frenchRuntimeMessage(messageOf(e));
  const frame = framePosition(stackOf(e), SOURCE_URL);
  if (frame) {
    const line = frame.line - measureHeaderLines();
    const inRegion = (r: Region) => line >= r.start && line < r.start + r.lines;
    if (inRegion(regions.reader)) {
      const position = { line: line - regions.reader.start + 1, column: frame.column };
      return { kind: 'runtime', message: describeError('runtime', french, position), ...position };
    }
    if (regions.check && inRegion(regions.check))
      return { kind: 'runtime', message: describeError('runtime', french, undefined, ' dans la vérification') };
  }
  return { kind: 'runtime', message: describeError('runtime', french) };
}

export async function runCode(source: string, options: RunOptions): Promise<RunResult> {
  const maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
  const checks: RunResult['checks'] = [];
  let lines = 0;
  let truncated = false;
  const progressLabels = new Set<string>();

  const compiled = await compileBlock(source, options.check);
  if ('error' in compiled) return { ok: false, error: compiled.error, checks, truncated };

  const sink = (message: OutputMessage) => {
    if (truncated) throw new OutputLimitReached();
    const n = linesOf(message, progressLabels);
    if (lines + n > maxLines) {
      truncated = true;
      options.emit({
        kind: 'notice',
        text: `Sortie arrêtée après ${nn.formatNumber(maxLines, { digits: 0 })} lignes\u00a0: le programme a été interrompu pour ne pas submerger la page.`,
      });
      throw new OutputLimitReached();
    }
    lines += n;
    if (message.kind === 'check') {
      const { name, pass, expected, received } = message as CheckMessage;
      checks.push({ name, pass, expected, received });
    }
    options.emit(message);
  };
  const print = (...values: unknown[]) => nn.print(...values);
  const consoleForCode = Object.assign(Object.create(console) as Console, {
    log: print,
    info: print,
    warn: print,
    error: print,
    debug: print,
  });
  const loadFastEngine = makeLoadFastEngine(options.siteBase);
  const args = [
    ...scopeNames.map((name) => (nn as Record<string, unknown>)[name]),
    consoleForCode,
    loadFastEngine,
    makeFastMlp(loadFastEngine),
  ];

  // loadMnistData reads the site's files in the browser, the disk's in Node (no siteBase).
  nn.setMnistSiteBase(options.siteBase);
  const previous = nn.setOutputSink(sink);
  try {
    await compiled.fn(...args);
    return { ok: true, checks, truncated };
  } catch (e) {
    if (e instanceof OutputLimitReached) return { ok: true, checks, truncated };
    return { ok: false, error: runtimeError(e, layout(compiled.source, compiled.check)), checks, truncated };
  } finally {
    nn.setOutputSink(previous);
  }
}
