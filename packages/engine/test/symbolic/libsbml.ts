// libSBML (the reference SBML library, compiled to WebAssembly: npm libsbmljs_stable) as an
// offline validator for the exports. Its trap: the Emscripten module object is itself a
// "thenable", so `await libsbml()` (or resolving a promise with the module) recurses forever.
// We call `.then()` once, keep the module inside a closure, and give up after a timeout.
import { createRequire } from 'node:module';

interface SbmlError {
  getMessage(): string;
}
interface SbmlDocument {
  getNumErrors(): number;
  getError(i: number): SbmlError;
  checkConsistency(): number;
  getLevel(): number;
  getVersion(): number;
}
interface LibSbmlModule {
  SBMLReader: new () => { readSBMLFromString(xml: string): SbmlDocument };
  SBMLWriter: new () => { writeSBMLToString(doc: SbmlDocument): string };
  destroy(o: object): void;
}
type Factory = (overrides?: Record<string, unknown>) => { then(cb: (m: LibSbmlModule) => void): void };

export interface SbmlValidator {
  /** every message of reading plus the full consistency check (errors and warnings alike) */
  validate(xml: string): { level: number; version: number; messages: string[] };
  /** the document as libSBML itself serialises it (its own spacing and number formats) */
  rewrite(xml: string): string;
}

let loading: Promise<SbmlValidator> | undefined;

export function loadLibSbml(timeoutMs = 60_000): Promise<SbmlValidator> {
  loading ??= new Promise<SbmlValidator>((resolve, reject) => {
    const factory = createRequire(import.meta.url)('libsbmljs_stable') as Factory;
    const timer = setTimeout(() => reject(new Error(`libsbmljs did not initialise within ${timeoutMs} ms`)), timeoutMs);
    factory({ printErr: () => undefined }).then((m) => {
      clearTimeout(timer);
      // resolve with a plain object, never with the thenable module itself
      resolve({
        validate(xml) {
          const reader = new m.SBMLReader();
          const doc = reader.readSBMLFromString(xml);
          doc.checkConsistency();
          const messages: string[] = [];
          for (let i = 0; i < doc.getNumErrors(); i++) messages.push(doc.getError(i).getMessage().trim());
          const result = { level: doc.getLevel(), version: doc.getVersion(), messages };
          m.destroy(doc);
          m.destroy(reader);
          return result;
        },
        rewrite(xml) {
          const reader = new m.SBMLReader();
          const writer = new m.SBMLWriter();
          const doc = reader.readSBMLFromString(xml);
          const out = writer.writeSBMLToString(doc);
          m.destroy(doc);
          m.destroy(writer);
          m.destroy(reader);
          return out;
        },
      });
    });
  });
  return loading;
}
