// Public API of the symbolic layer: expressions that can be printed, evaluated without eval and
// converted to MathML; symbolic model descriptions beside the fast hand-written right-hand sides;
// and SBML Level 3 Version 2 export and import of them.
export { parseExpr, printExpr, compileExpr, evaluateExpr, freeIdentifiers, usesTime, exprEquals, ExprSyntaxError, RESERVED_NAMES, FUNCTIONS as EXPR_FUNCTIONS } from './expr.js';
export type { Expr, BinaryOp, FunctionName, ConstantName, CompiledExpr } from './expr.js';
export { toMathML, fromMathML, parseMathML, MathMLError, MATHML_NS, SBML_TIME_URL } from './mathml.js';
export type { MathMLWriteOptions } from './mathml.js';
export { parseXml, escapeText, escapeAttr, xmlSafe, XmlError } from './xml.js';
export type { XmlElement, XmlNode } from './xml.js';
export { composeSymbolicModel, compileSymbolicModel, assignmentOrder, outputIds, parameterValuesOf, SymbolicModelError, CLOCK_FRAGMENT } from './model.js';
export type { SymbolicModel, SymbolicFragment, SymbolicCompartment, SymbolicState, SymbolicParameter, SymbolicAssignment, SymbolicRate, Provenance, CompiledSymbolicModel } from './model.js';
export { simulateSymbolic } from './simulate.js';
export type { SymbolicDose, SymbolicSimulateOptions, SymbolicTrajectory } from './simulate.js';
export { toSbml, toSid, SBML_L3V2_NS, LDN_SBML_NS } from './sbml-write.js';
export type { SbmlDose, SbmlExportOptions } from './sbml-write.js';
export { sbmlUnitOf, unitOfSbmlId } from './sbml-units.js';
export type { SbmlUnit, SbmlUnitDefinition } from './sbml-units.js';
export { fromSbml, SbmlReadError } from './sbml-read.js';
export type { SbmlImport, SbmlImportedDose } from './sbml-read.js';
export { sbmlFromRequest, SYMBOLIC_MODULES } from './export-request.js';
export type { SbmlExport } from './export-request.js';
