/**
 * Removes TypeScript's types from a block, loading sucrase only now (a separate chunk: code
 * without types never downloads it). Sucrase keeps every line where it was, so line numbers
 * of later errors stay the reader's; columns after a removed annotation may shift left.
 */

export class StripError extends Error {
  constructor(
    message: string,
    /** 1-based, in the code given to `stripTypes`. */
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(message);
    this.name = 'StripError';
  }
}

/** The code without types, or a StripError when it does not parse as TypeScript either. */
export async function stripTypes(code: string): Promise<string> {
  const { transform } = await import('sucrase');
  try {
    return transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (e) {
    // Sucrase's SyntaxError carries `loc` (line and column, both 1-based) and « (line:col) ».
    const loc = (e as { loc?: { line?: unknown; column?: unknown } }).loc;
    const message = e instanceof Error ? e.message : String(e);
    const m = /\((\d+):(\d+)\)\s*$/.exec(message);
    const line = typeof loc?.line === 'number' ? loc.line : m ? Number(m[1]) : undefined;
    const column = typeof loc?.column === 'number' ? loc.column : m ? Number(m[2]) : undefined;
    throw new StripError(message, line, column);
  }
}

/**
 * Where a plain-JS parse fails when V8 does not say (its SyntaxError from `new Function` has no
 * position; sucrase misses early errors such as a `const` declared twice). Acorn loads only here;
 * parsed as a module, strict like the wrapped block, where top-level await is allowed.
 */
export async function locateSyntaxError(code: string): Promise<StripError | undefined> {
  const { parse } = await import('acorn');
  try {
    parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowReturnOutsideFunction: true });
    return undefined;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const message = e instanceof Error ? e.message : String(e);
    // Acorn's columns are 0-based.
    return new StripError(message, loc?.line, loc ? loc.column + 1 : undefined);
  }
}
