/**
 * TypeScript's compiler API, the copy ts-morph ships (TypeScript 6.0, in @ts-morph/common),
 * imported on its own: ts-morph's wrapper and @ts-morph/common's index are 4 MB of the
 * transformer's 14 MB that we never call, and a cold run paid about 0.1 s to compile and
 * initialise them before the first file could be transformed.
 */
import ts from "@ts-morph/common/dist/typescript.js";

export { ts };
