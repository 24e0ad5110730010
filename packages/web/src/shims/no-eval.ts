// Stands in for @stdlib/utils-eval (which is `module.exports = eval`) in the browser bundle. stdlib
// calls it only to probe for generator support (assert-has-generator-support) and falls back to
// plain functions when it throws. Under the server's CSP eval is blocked anyway, so the outcome is
// the same; throwing here just avoids the blocked attempt and the CSP violation report it causes.
export default function noEval(): never {
  throw new EvalError('eval is disabled in LDN Workbench (Content Security Policy)');
}
