/**
 * The part of the WebAssembly JS API the SIMD kernel uses. TypeScript declares it only in the DOM
 * libraries and @types/node 20 not at all; pulling in "DOM" would type browser globals (window,
 * document) that do not exist in Node. Remove this file once @types/node declares WebAssembly.
 */
declare namespace WebAssembly {
  type ImportValue = ((...args: number[]) => number) | Memory;
  type Imports = Record<string, Record<string, ImportValue>>;
  type ExportValue = ((...args: number[]) => number | void) | Memory | Global;

  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: Imports);
    readonly exports: Record<string, ExportValue>;
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number; shared?: boolean });
    /** A SharedArrayBuffer when the memory is shared. */
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
    grow(delta: number): number;
  }
  class Global {
    readonly value: number;
  }
  class CompileError extends Error {}
  function validate(bytes: Uint8Array): boolean;
}
