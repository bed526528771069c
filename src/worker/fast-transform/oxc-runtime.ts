/**
 * What oxc's output calls and does not define, as one line put before it (so the source map
 * only shifts by a line). oxc is asked for "External" helpers: `babelHelpers.decorate` and
 * friends, defined here exactly as tslib's __decorate, __metadata and __param, which is what
 * tsc's own output inlines. CommonJS files also get the module-runner globals (see
 * commonjs-from-runner.ts) bound to this module's require and exports.
 */
const HELPERS =
  "var babelHelpers={" +
  'decorate:function(d,t,k,s){var c=arguments.length,r=c<3?t:s===null?s=Object.getOwnPropertyDescriptor(t,k):s,x;if(typeof Reflect==="object"&&typeof Reflect.decorate==="function")r=Reflect.decorate(d,t,k,s);else for(var i=d.length-1;i>=0;i--)if(x=d[i])r=(c<3?x(r):c>3?x(t,k,r):x(t,k))||r;return c>3&&r&&Object.defineProperty(t,k,r),r},' +
  'decorateMetadata:function(k,v){if(typeof Reflect==="object"&&typeof Reflect.metadata==="function")return Reflect.metadata(k,v)},' +
  "decorateParam:function(i,d){return function(t,k){d(t,k,i)}}" +
  "};";

/**
 * esModuleInterop as tsc's CommonJS output has it: a module that is not compiled ESM is its own
 * default export. Object.create keeps every other property a live lookup on the module.
 */
const RUNNER =
  'Object.defineProperty(exports,"__esModule",{value:true});' +
  "var __vite_ssr_exports__=exports;" +
  'function __vite_ssr_import__(s){var m=require(s);if(m&&m.__esModule)return m;return m!==null&&(typeof m==="object"||typeof m==="function")?Object.create(m,{default:{value:m,enumerable:true}}):{default:m}}' +
  "function __vite_ssr_dynamic_import__(s){return Promise.resolve().then(function(){return __vite_ssr_import__(s)})}" +
  'function __vite_ssr_exportAll__(m){for(var k in m)if(k!=="default"&&k!=="__esModule"&&!Object.prototype.hasOwnProperty.call(exports,k))(function(k){Object.defineProperty(exports,k,{enumerable:true,get:function(){return m[k]}})})(k)}' +
  'var __vite_ssr_import_meta__={get url(){return require("node:url").pathToFileURL(__filename).href},filename:__filename,dirname:__dirname};';

export function runtimePrelude(format: "commonjs" | "module"): string {
  return format === "commonjs" ? `"use strict";${RUNNER}${HELPERS}` : HELPERS;
}
