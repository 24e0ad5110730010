// A DOM for Observable Plot in Node (linkedom: small, no native code). Figures in the isomorphic
// packages take a `document`; the CLI makes one here, the browser passes its own.
import { parseHTML } from 'linkedom';

let cached: Document | undefined;

export function svgDocument(): Document {
  cached ??= (parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document }).document;
  return cached;
}
