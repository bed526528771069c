// The compiler ts-morph bundles, as a module of its own (see typescript.ts): its types are the
// namespace @ts-morph/common re-exports.
declare module "@ts-morph/common/dist/typescript.js" {
  import { ts } from "@ts-morph/common";
  export = ts;
}
