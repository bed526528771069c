import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  GateError,
  STATEMENT_BREAKPOINT,
  appliedNames,
  createdTablesIn,
  findFolders,
  journalEntryFile,
  optionLabel,
  quoteIdentifier,
  readCatalog,
  readDrizzleFolder,
  referentialAction,
  serializeError,
  statementLine,
  touchesIn
} from "./chunk-K75UFBPM.js";
import {
  withoutSourceMapComment
} from "./chunk-NBB2ASZL.js";
import {
  cachedTransform,
  flushCacheWrites,
  loadTransformer,
  transformCacheDir,
  writeCacheFile
} from "./chunk-MHSKVNZK.js";
import "./chunk-4MEC2Z5D.js";
import {
  SITE_REGISTRY_GLOBAL
} from "./chunk-7SPMCFMU.js";
import {
  contentHash,
  isRelativeOrAbsolute,
  isUserSource,
  moduleFormat,
  packageScope,
  probeSourceFile,
  resolveTsconfigPath
} from "./chunk-P6JH7XNJ.js";
import {
  esm_default
} from "./chunk-NB5M66S4.js";
import {
  __commonJS,
  __toESM
} from "./chunk-GTCHOZW6.js";

// node_modules/reflect-metadata/Reflect.js
var require_Reflect = __commonJS({
  "node_modules/reflect-metadata/Reflect.js"() {
    var Reflect;
    (function(Reflect2) {
      (function(factory) {
        var root = typeof globalThis === "object" ? globalThis : typeof global === "object" ? global : typeof self === "object" ? self : typeof this === "object" ? this : sloppyModeThis();
        var exporter = makeExporter(Reflect2);
        if (typeof root.Reflect !== "undefined") {
          exporter = makeExporter(root.Reflect, exporter);
        }
        factory(exporter, root);
        if (typeof root.Reflect === "undefined") {
          root.Reflect = Reflect2;
        }
        function makeExporter(target, previous) {
          return function(key2, value) {
            Object.defineProperty(target, key2, { configurable: true, writable: true, value });
            if (previous)
              previous(key2, value);
          };
        }
        function functionThis() {
          try {
            return Function("return this;")();
          } catch (_) {
          }
        }
        function indirectEvalThis() {
          try {
            return (void 0, eval)("(function() { return this; })()");
          } catch (_) {
          }
        }
        function sloppyModeThis() {
          return functionThis() || indirectEvalThis();
        }
      })(function(exporter, root) {
        var hasOwn = Object.prototype.hasOwnProperty;
        var supportsSymbol = typeof Symbol === "function";
        var toPrimitiveSymbol = supportsSymbol && typeof Symbol.toPrimitive !== "undefined" ? Symbol.toPrimitive : "@@toPrimitive";
        var iteratorSymbol = supportsSymbol && typeof Symbol.iterator !== "undefined" ? Symbol.iterator : "@@iterator";
        var supportsCreate = typeof Object.create === "function";
        var supportsProto = { __proto__: [] } instanceof Array;
        var downLevel = !supportsCreate && !supportsProto;
        var HashMap = {
          // create an object in dictionary mode (a.k.a. "slow" mode in v8)
          create: supportsCreate ? function() {
            return MakeDictionary(/* @__PURE__ */ Object.create(null));
          } : supportsProto ? function() {
            return MakeDictionary({ __proto__: null });
          } : function() {
            return MakeDictionary({});
          },
          has: downLevel ? function(map, key2) {
            return hasOwn.call(map, key2);
          } : function(map, key2) {
            return key2 in map;
          },
          get: downLevel ? function(map, key2) {
            return hasOwn.call(map, key2) ? map[key2] : void 0;
          } : function(map, key2) {
            return map[key2];
          }
        };
        var functionPrototype = Object.getPrototypeOf(Function);
        var _Map = typeof Map === "function" && typeof Map.prototype.entries === "function" ? Map : CreateMapPolyfill();
        var _Set = typeof Set === "function" && typeof Set.prototype.entries === "function" ? Set : CreateSetPolyfill();
        var _WeakMap = typeof WeakMap === "function" ? WeakMap : CreateWeakMapPolyfill();
        var registrySymbol = supportsSymbol ? /* @__PURE__ */ Symbol.for("@reflect-metadata:registry") : void 0;
        var metadataRegistry = GetOrCreateMetadataRegistry();
        var metadataProvider = CreateMetadataProvider(metadataRegistry);
        function decorate(decorators, target, propertyKey, attributes) {
          if (!IsUndefined(propertyKey)) {
            if (!IsArray(decorators))
              throw new TypeError();
            if (!IsObject(target))
              throw new TypeError();
            if (!IsObject(attributes) && !IsUndefined(attributes) && !IsNull(attributes))
              throw new TypeError();
            if (IsNull(attributes))
              attributes = void 0;
            propertyKey = ToPropertyKey(propertyKey);
            return DecorateProperty(decorators, target, propertyKey, attributes);
          } else {
            if (!IsArray(decorators))
              throw new TypeError();
            if (!IsConstructor(target))
              throw new TypeError();
            return DecorateConstructor(decorators, target);
          }
        }
        exporter("decorate", decorate);
        function metadata(metadataKey, metadataValue) {
          function decorator(target, propertyKey) {
            if (!IsObject(target))
              throw new TypeError();
            if (!IsUndefined(propertyKey) && !IsPropertyKey(propertyKey))
              throw new TypeError();
            OrdinaryDefineOwnMetadata(metadataKey, metadataValue, target, propertyKey);
          }
          return decorator;
        }
        exporter("metadata", metadata);
        function defineMetadata(metadataKey, metadataValue, target, propertyKey) {
          if (!IsObject(target))
            throw new TypeError();
          if (!IsUndefined(propertyKey))
            propertyKey = ToPropertyKey(propertyKey);
          return OrdinaryDefineOwnMetadata(metadataKey, metadataValue, target, propertyKey);
        }
        exporter("defineMetadata", defineMetadata);
        function hasMetadata(metadataKey, target, propertyKey) {
          if (!IsObject(target))
            throw new TypeError();
          if (!IsUndefined(propertyKey))
            propertyKey = ToPropertyKey(propertyKey);
          return OrdinaryHasMetadata(metadataKey, target, propertyKey);
        }
        exporter("hasMetadata", hasMetadata);
        function hasOwnMetadata(metadataKey, target, propertyKey) {
          if (!IsObject(target))
            throw new TypeError();
          if (!IsUndefined(propertyKey))
            propertyKey = ToPropertyKey(propertyKey);
          return OrdinaryHasOwnMetadata(metadataKey, target, propertyKey);
        }
        exporter("hasOwnMetadata", hasOwnMetadata);
        function getMetadata(metadataKey, target, propertyKey) {
          if (!IsObject(target))
            throw new TypeError();
          if (!IsUndefined(propertyKey))
            propertyKey = ToPropertyKey(propertyKey);
          return OrdinaryGetMetadata(metadataKey, target, propertyKey);
        }
        exporter("getMetadata", getMetadata);
        function getOwnMetadata(metadataKey, target, propertyKey) {
          if (!IsObject(target))
            throw new TypeError();
          if (!IsUndefined(propertyKey))
            propertyKey = ToPropertyKey(propertyKey);
          return OrdinaryGetOwnMetadata(metadataKey, target, propertyKey);
        }
        exporter("getOwnMetadata", getOwnMetadata);
        function getMetadataKeys(target, propertyKey) {
          if (!IsObject(target))
            throw new TypeError();
          if (!IsUndefined(propertyKey))
            propertyKey = ToPropertyKey(propertyKey);
          return OrdinaryMetadataKeys(target, propertyKey);
        }
        exporter("getMetadataKeys", getMetadataKeys);
        function getOwnMetadataKeys(target, propertyKey) {
          if (!IsObject(target))
            throw new TypeError();
          if (!IsUndefined(propertyKey))
            propertyKey = ToPropertyKey(propertyKey);
          return OrdinaryOwnMetadataKeys(target, propertyKey);
        }
        exporter("getOwnMetadataKeys", getOwnMetadataKeys);
        function deleteMetadata(metadataKey, target, propertyKey) {
          if (!IsObject(target))
            throw new TypeError();
          if (!IsUndefined(propertyKey))
            propertyKey = ToPropertyKey(propertyKey);
          if (!IsObject(target))
            throw new TypeError();
          if (!IsUndefined(propertyKey))
            propertyKey = ToPropertyKey(propertyKey);
          var provider = GetMetadataProvider(
            target,
            propertyKey,
            /*Create*/
            false
          );
          if (IsUndefined(provider))
            return false;
          return provider.OrdinaryDeleteMetadata(metadataKey, target, propertyKey);
        }
        exporter("deleteMetadata", deleteMetadata);
        function DecorateConstructor(decorators, target) {
          for (var i = decorators.length - 1; i >= 0; --i) {
            var decorator = decorators[i];
            var decorated = decorator(target);
            if (!IsUndefined(decorated) && !IsNull(decorated)) {
              if (!IsConstructor(decorated))
                throw new TypeError();
              target = decorated;
            }
          }
          return target;
        }
        function DecorateProperty(decorators, target, propertyKey, descriptor) {
          for (var i = decorators.length - 1; i >= 0; --i) {
            var decorator = decorators[i];
            var decorated = decorator(target, propertyKey, descriptor);
            if (!IsUndefined(decorated) && !IsNull(decorated)) {
              if (!IsObject(decorated))
                throw new TypeError();
              descriptor = decorated;
            }
          }
          return descriptor;
        }
        function OrdinaryHasMetadata(MetadataKey, O, P) {
          var hasOwn2 = OrdinaryHasOwnMetadata(MetadataKey, O, P);
          if (hasOwn2)
            return true;
          var parent = OrdinaryGetPrototypeOf(O);
          if (!IsNull(parent))
            return OrdinaryHasMetadata(MetadataKey, parent, P);
          return false;
        }
        function OrdinaryHasOwnMetadata(MetadataKey, O, P) {
          var provider = GetMetadataProvider(
            O,
            P,
            /*Create*/
            false
          );
          if (IsUndefined(provider))
            return false;
          return ToBoolean(provider.OrdinaryHasOwnMetadata(MetadataKey, O, P));
        }
        function OrdinaryGetMetadata(MetadataKey, O, P) {
          var hasOwn2 = OrdinaryHasOwnMetadata(MetadataKey, O, P);
          if (hasOwn2)
            return OrdinaryGetOwnMetadata(MetadataKey, O, P);
          var parent = OrdinaryGetPrototypeOf(O);
          if (!IsNull(parent))
            return OrdinaryGetMetadata(MetadataKey, parent, P);
          return void 0;
        }
        function OrdinaryGetOwnMetadata(MetadataKey, O, P) {
          var provider = GetMetadataProvider(
            O,
            P,
            /*Create*/
            false
          );
          if (IsUndefined(provider))
            return;
          return provider.OrdinaryGetOwnMetadata(MetadataKey, O, P);
        }
        function OrdinaryDefineOwnMetadata(MetadataKey, MetadataValue, O, P) {
          var provider = GetMetadataProvider(
            O,
            P,
            /*Create*/
            true
          );
          provider.OrdinaryDefineOwnMetadata(MetadataKey, MetadataValue, O, P);
        }
        function OrdinaryMetadataKeys(O, P) {
          var ownKeys = OrdinaryOwnMetadataKeys(O, P);
          var parent = OrdinaryGetPrototypeOf(O);
          if (parent === null)
            return ownKeys;
          var parentKeys = OrdinaryMetadataKeys(parent, P);
          if (parentKeys.length <= 0)
            return ownKeys;
          if (ownKeys.length <= 0)
            return parentKeys;
          var set = new _Set();
          var keys = [];
          for (var _i = 0, ownKeys_1 = ownKeys; _i < ownKeys_1.length; _i++) {
            var key2 = ownKeys_1[_i];
            var hasKey = set.has(key2);
            if (!hasKey) {
              set.add(key2);
              keys.push(key2);
            }
          }
          for (var _a = 0, parentKeys_1 = parentKeys; _a < parentKeys_1.length; _a++) {
            var key2 = parentKeys_1[_a];
            var hasKey = set.has(key2);
            if (!hasKey) {
              set.add(key2);
              keys.push(key2);
            }
          }
          return keys;
        }
        function OrdinaryOwnMetadataKeys(O, P) {
          var provider = GetMetadataProvider(
            O,
            P,
            /*create*/
            false
          );
          if (!provider) {
            return [];
          }
          return provider.OrdinaryOwnMetadataKeys(O, P);
        }
        function Type(x) {
          if (x === null)
            return 1;
          switch (typeof x) {
            case "undefined":
              return 0;
            case "boolean":
              return 2;
            case "string":
              return 3;
            case "symbol":
              return 4;
            case "number":
              return 5;
            case "object":
              return x === null ? 1 : 6;
            default:
              return 6;
          }
        }
        function IsUndefined(x) {
          return x === void 0;
        }
        function IsNull(x) {
          return x === null;
        }
        function IsSymbol(x) {
          return typeof x === "symbol";
        }
        function IsObject(x) {
          return typeof x === "object" ? x !== null : typeof x === "function";
        }
        function ToPrimitive(input, PreferredType) {
          switch (Type(input)) {
            case 0:
              return input;
            case 1:
              return input;
            case 2:
              return input;
            case 3:
              return input;
            case 4:
              return input;
            case 5:
              return input;
          }
          var hint = PreferredType === 3 ? "string" : PreferredType === 5 ? "number" : "default";
          var exoticToPrim = GetMethod(input, toPrimitiveSymbol);
          if (exoticToPrim !== void 0) {
            var result = exoticToPrim.call(input, hint);
            if (IsObject(result))
              throw new TypeError();
            return result;
          }
          return OrdinaryToPrimitive(input, hint === "default" ? "number" : hint);
        }
        function OrdinaryToPrimitive(O, hint) {
          if (hint === "string") {
            var toString_1 = O.toString;
            if (IsCallable(toString_1)) {
              var result = toString_1.call(O);
              if (!IsObject(result))
                return result;
            }
            var valueOf = O.valueOf;
            if (IsCallable(valueOf)) {
              var result = valueOf.call(O);
              if (!IsObject(result))
                return result;
            }
          } else {
            var valueOf = O.valueOf;
            if (IsCallable(valueOf)) {
              var result = valueOf.call(O);
              if (!IsObject(result))
                return result;
            }
            var toString_2 = O.toString;
            if (IsCallable(toString_2)) {
              var result = toString_2.call(O);
              if (!IsObject(result))
                return result;
            }
          }
          throw new TypeError();
        }
        function ToBoolean(argument) {
          return !!argument;
        }
        function ToString(argument) {
          return "" + argument;
        }
        function ToPropertyKey(argument) {
          var key2 = ToPrimitive(
            argument,
            3
            /* String */
          );
          if (IsSymbol(key2))
            return key2;
          return ToString(key2);
        }
        function IsArray(argument) {
          return Array.isArray ? Array.isArray(argument) : argument instanceof Object ? argument instanceof Array : Object.prototype.toString.call(argument) === "[object Array]";
        }
        function IsCallable(argument) {
          return typeof argument === "function";
        }
        function IsConstructor(argument) {
          return typeof argument === "function";
        }
        function IsPropertyKey(argument) {
          switch (Type(argument)) {
            case 3:
              return true;
            case 4:
              return true;
            default:
              return false;
          }
        }
        function SameValueZero(x, y) {
          return x === y || x !== x && y !== y;
        }
        function GetMethod(V, P) {
          var func = V[P];
          if (func === void 0 || func === null)
            return void 0;
          if (!IsCallable(func))
            throw new TypeError();
          return func;
        }
        function GetIterator(obj) {
          var method = GetMethod(obj, iteratorSymbol);
          if (!IsCallable(method))
            throw new TypeError();
          var iterator = method.call(obj);
          if (!IsObject(iterator))
            throw new TypeError();
          return iterator;
        }
        function IteratorValue(iterResult) {
          return iterResult.value;
        }
        function IteratorStep(iterator) {
          var result = iterator.next();
          return result.done ? false : result;
        }
        function IteratorClose(iterator) {
          var f = iterator["return"];
          if (f)
            f.call(iterator);
        }
        function OrdinaryGetPrototypeOf(O) {
          var proto = Object.getPrototypeOf(O);
          if (typeof O !== "function" || O === functionPrototype)
            return proto;
          if (proto !== functionPrototype)
            return proto;
          var prototype = O.prototype;
          var prototypeProto = prototype && Object.getPrototypeOf(prototype);
          if (prototypeProto == null || prototypeProto === Object.prototype)
            return proto;
          var constructor = prototypeProto.constructor;
          if (typeof constructor !== "function")
            return proto;
          if (constructor === O)
            return proto;
          return constructor;
        }
        function CreateMetadataRegistry() {
          var fallback;
          if (!IsUndefined(registrySymbol) && typeof root.Reflect !== "undefined" && !(registrySymbol in root.Reflect) && typeof root.Reflect.defineMetadata === "function") {
            fallback = CreateFallbackProvider(root.Reflect);
          }
          var first;
          var second;
          var rest;
          var targetProviderMap = new _WeakMap();
          var registry = {
            registerProvider,
            getProvider,
            setProvider
          };
          return registry;
          function registerProvider(provider) {
            if (!Object.isExtensible(registry)) {
              throw new Error("Cannot add provider to a frozen registry.");
            }
            switch (true) {
              case fallback === provider:
                break;
              case IsUndefined(first):
                first = provider;
                break;
              case first === provider:
                break;
              case IsUndefined(second):
                second = provider;
                break;
              case second === provider:
                break;
              default:
                if (rest === void 0)
                  rest = new _Set();
                rest.add(provider);
                break;
            }
          }
          function getProviderNoCache(O, P) {
            if (!IsUndefined(first)) {
              if (first.isProviderFor(O, P))
                return first;
              if (!IsUndefined(second)) {
                if (second.isProviderFor(O, P))
                  return first;
                if (!IsUndefined(rest)) {
                  var iterator = GetIterator(rest);
                  while (true) {
                    var next = IteratorStep(iterator);
                    if (!next) {
                      return void 0;
                    }
                    var provider = IteratorValue(next);
                    if (provider.isProviderFor(O, P)) {
                      IteratorClose(iterator);
                      return provider;
                    }
                  }
                }
              }
            }
            if (!IsUndefined(fallback) && fallback.isProviderFor(O, P)) {
              return fallback;
            }
            return void 0;
          }
          function getProvider(O, P) {
            var providerMap = targetProviderMap.get(O);
            var provider;
            if (!IsUndefined(providerMap)) {
              provider = providerMap.get(P);
            }
            if (!IsUndefined(provider)) {
              return provider;
            }
            provider = getProviderNoCache(O, P);
            if (!IsUndefined(provider)) {
              if (IsUndefined(providerMap)) {
                providerMap = new _Map();
                targetProviderMap.set(O, providerMap);
              }
              providerMap.set(P, provider);
            }
            return provider;
          }
          function hasProvider(provider) {
            if (IsUndefined(provider))
              throw new TypeError();
            return first === provider || second === provider || !IsUndefined(rest) && rest.has(provider);
          }
          function setProvider(O, P, provider) {
            if (!hasProvider(provider)) {
              throw new Error("Metadata provider not registered.");
            }
            var existingProvider = getProvider(O, P);
            if (existingProvider !== provider) {
              if (!IsUndefined(existingProvider)) {
                return false;
              }
              var providerMap = targetProviderMap.get(O);
              if (IsUndefined(providerMap)) {
                providerMap = new _Map();
                targetProviderMap.set(O, providerMap);
              }
              providerMap.set(P, provider);
            }
            return true;
          }
        }
        function GetOrCreateMetadataRegistry() {
          var metadataRegistry2;
          if (!IsUndefined(registrySymbol) && IsObject(root.Reflect) && Object.isExtensible(root.Reflect)) {
            metadataRegistry2 = root.Reflect[registrySymbol];
          }
          if (IsUndefined(metadataRegistry2)) {
            metadataRegistry2 = CreateMetadataRegistry();
          }
          if (!IsUndefined(registrySymbol) && IsObject(root.Reflect) && Object.isExtensible(root.Reflect)) {
            Object.defineProperty(root.Reflect, registrySymbol, {
              enumerable: false,
              configurable: false,
              writable: false,
              value: metadataRegistry2
            });
          }
          return metadataRegistry2;
        }
        function CreateMetadataProvider(registry) {
          var metadata2 = new _WeakMap();
          var provider = {
            isProviderFor: function(O, P) {
              var targetMetadata = metadata2.get(O);
              if (IsUndefined(targetMetadata))
                return false;
              return targetMetadata.has(P);
            },
            OrdinaryDefineOwnMetadata: OrdinaryDefineOwnMetadata2,
            OrdinaryHasOwnMetadata: OrdinaryHasOwnMetadata2,
            OrdinaryGetOwnMetadata: OrdinaryGetOwnMetadata2,
            OrdinaryOwnMetadataKeys: OrdinaryOwnMetadataKeys2,
            OrdinaryDeleteMetadata
          };
          metadataRegistry.registerProvider(provider);
          return provider;
          function GetOrCreateMetadataMap(O, P, Create) {
            var targetMetadata = metadata2.get(O);
            var createdTargetMetadata = false;
            if (IsUndefined(targetMetadata)) {
              if (!Create)
                return void 0;
              targetMetadata = new _Map();
              metadata2.set(O, targetMetadata);
              createdTargetMetadata = true;
            }
            var metadataMap = targetMetadata.get(P);
            if (IsUndefined(metadataMap)) {
              if (!Create)
                return void 0;
              metadataMap = new _Map();
              targetMetadata.set(P, metadataMap);
              if (!registry.setProvider(O, P, provider)) {
                targetMetadata.delete(P);
                if (createdTargetMetadata) {
                  metadata2.delete(O);
                }
                throw new Error("Wrong provider for target.");
              }
            }
            return metadataMap;
          }
          function OrdinaryHasOwnMetadata2(MetadataKey, O, P) {
            var metadataMap = GetOrCreateMetadataMap(
              O,
              P,
              /*Create*/
              false
            );
            if (IsUndefined(metadataMap))
              return false;
            return ToBoolean(metadataMap.has(MetadataKey));
          }
          function OrdinaryGetOwnMetadata2(MetadataKey, O, P) {
            var metadataMap = GetOrCreateMetadataMap(
              O,
              P,
              /*Create*/
              false
            );
            if (IsUndefined(metadataMap))
              return void 0;
            return metadataMap.get(MetadataKey);
          }
          function OrdinaryDefineOwnMetadata2(MetadataKey, MetadataValue, O, P) {
            var metadataMap = GetOrCreateMetadataMap(
              O,
              P,
              /*Create*/
              true
            );
            metadataMap.set(MetadataKey, MetadataValue);
          }
          function OrdinaryOwnMetadataKeys2(O, P) {
            var keys = [];
            var metadataMap = GetOrCreateMetadataMap(
              O,
              P,
              /*Create*/
              false
            );
            if (IsUndefined(metadataMap))
              return keys;
            var keysObj = metadataMap.keys();
            var iterator = GetIterator(keysObj);
            var k = 0;
            while (true) {
              var next = IteratorStep(iterator);
              if (!next) {
                keys.length = k;
                return keys;
              }
              var nextValue = IteratorValue(next);
              try {
                keys[k] = nextValue;
              } catch (e) {
                try {
                  IteratorClose(iterator);
                } finally {
                  throw e;
                }
              }
              k++;
            }
          }
          function OrdinaryDeleteMetadata(MetadataKey, O, P) {
            var metadataMap = GetOrCreateMetadataMap(
              O,
              P,
              /*Create*/
              false
            );
            if (IsUndefined(metadataMap))
              return false;
            if (!metadataMap.delete(MetadataKey))
              return false;
            if (metadataMap.size === 0) {
              var targetMetadata = metadata2.get(O);
              if (!IsUndefined(targetMetadata)) {
                targetMetadata.delete(P);
                if (targetMetadata.size === 0) {
                  metadata2.delete(targetMetadata);
                }
              }
            }
            return true;
          }
        }
        function CreateFallbackProvider(reflect) {
          var defineMetadata2 = reflect.defineMetadata, hasOwnMetadata2 = reflect.hasOwnMetadata, getOwnMetadata2 = reflect.getOwnMetadata, getOwnMetadataKeys2 = reflect.getOwnMetadataKeys, deleteMetadata2 = reflect.deleteMetadata;
          var metadataOwner = new _WeakMap();
          var provider = {
            isProviderFor: function(O, P) {
              var metadataPropertySet = metadataOwner.get(O);
              if (!IsUndefined(metadataPropertySet) && metadataPropertySet.has(P)) {
                return true;
              }
              if (getOwnMetadataKeys2(O, P).length) {
                if (IsUndefined(metadataPropertySet)) {
                  metadataPropertySet = new _Set();
                  metadataOwner.set(O, metadataPropertySet);
                }
                metadataPropertySet.add(P);
                return true;
              }
              return false;
            },
            OrdinaryDefineOwnMetadata: defineMetadata2,
            OrdinaryHasOwnMetadata: hasOwnMetadata2,
            OrdinaryGetOwnMetadata: getOwnMetadata2,
            OrdinaryOwnMetadataKeys: getOwnMetadataKeys2,
            OrdinaryDeleteMetadata: deleteMetadata2
          };
          return provider;
        }
        function GetMetadataProvider(O, P, Create) {
          var registeredProvider = metadataRegistry.getProvider(O, P);
          if (!IsUndefined(registeredProvider)) {
            return registeredProvider;
          }
          if (Create) {
            if (metadataRegistry.setProvider(O, P, metadataProvider)) {
              return metadataProvider;
            }
            throw new Error("Illegal state.");
          }
          return void 0;
        }
        function CreateMapPolyfill() {
          var cacheSentinel = {};
          var arraySentinel = [];
          var MapIterator = (
            /** @class */
            (function() {
              function MapIterator2(keys, values, selector) {
                this._index = 0;
                this._keys = keys;
                this._values = values;
                this._selector = selector;
              }
              MapIterator2.prototype["@@iterator"] = function() {
                return this;
              };
              MapIterator2.prototype[iteratorSymbol] = function() {
                return this;
              };
              MapIterator2.prototype.next = function() {
                var index = this._index;
                if (index >= 0 && index < this._keys.length) {
                  var result = this._selector(this._keys[index], this._values[index]);
                  if (index + 1 >= this._keys.length) {
                    this._index = -1;
                    this._keys = arraySentinel;
                    this._values = arraySentinel;
                  } else {
                    this._index++;
                  }
                  return { value: result, done: false };
                }
                return { value: void 0, done: true };
              };
              MapIterator2.prototype.throw = function(error) {
                if (this._index >= 0) {
                  this._index = -1;
                  this._keys = arraySentinel;
                  this._values = arraySentinel;
                }
                throw error;
              };
              MapIterator2.prototype.return = function(value) {
                if (this._index >= 0) {
                  this._index = -1;
                  this._keys = arraySentinel;
                  this._values = arraySentinel;
                }
                return { value, done: true };
              };
              return MapIterator2;
            })()
          );
          var Map2 = (
            /** @class */
            (function() {
              function Map3() {
                this._keys = [];
                this._values = [];
                this._cacheKey = cacheSentinel;
                this._cacheIndex = -2;
              }
              Object.defineProperty(Map3.prototype, "size", {
                get: function() {
                  return this._keys.length;
                },
                enumerable: true,
                configurable: true
              });
              Map3.prototype.has = function(key2) {
                return this._find(
                  key2,
                  /*insert*/
                  false
                ) >= 0;
              };
              Map3.prototype.get = function(key2) {
                var index = this._find(
                  key2,
                  /*insert*/
                  false
                );
                return index >= 0 ? this._values[index] : void 0;
              };
              Map3.prototype.set = function(key2, value) {
                var index = this._find(
                  key2,
                  /*insert*/
                  true
                );
                this._values[index] = value;
                return this;
              };
              Map3.prototype.delete = function(key2) {
                var index = this._find(
                  key2,
                  /*insert*/
                  false
                );
                if (index >= 0) {
                  var size = this._keys.length;
                  for (var i = index + 1; i < size; i++) {
                    this._keys[i - 1] = this._keys[i];
                    this._values[i - 1] = this._values[i];
                  }
                  this._keys.length--;
                  this._values.length--;
                  if (SameValueZero(key2, this._cacheKey)) {
                    this._cacheKey = cacheSentinel;
                    this._cacheIndex = -2;
                  }
                  return true;
                }
                return false;
              };
              Map3.prototype.clear = function() {
                this._keys.length = 0;
                this._values.length = 0;
                this._cacheKey = cacheSentinel;
                this._cacheIndex = -2;
              };
              Map3.prototype.keys = function() {
                return new MapIterator(this._keys, this._values, getKey);
              };
              Map3.prototype.values = function() {
                return new MapIterator(this._keys, this._values, getValue);
              };
              Map3.prototype.entries = function() {
                return new MapIterator(this._keys, this._values, getEntry);
              };
              Map3.prototype["@@iterator"] = function() {
                return this.entries();
              };
              Map3.prototype[iteratorSymbol] = function() {
                return this.entries();
              };
              Map3.prototype._find = function(key2, insert) {
                if (!SameValueZero(this._cacheKey, key2)) {
                  this._cacheIndex = -1;
                  for (var i = 0; i < this._keys.length; i++) {
                    if (SameValueZero(this._keys[i], key2)) {
                      this._cacheIndex = i;
                      break;
                    }
                  }
                }
                if (this._cacheIndex < 0 && insert) {
                  this._cacheIndex = this._keys.length;
                  this._keys.push(key2);
                  this._values.push(void 0);
                }
                return this._cacheIndex;
              };
              return Map3;
            })()
          );
          return Map2;
          function getKey(key2, _) {
            return key2;
          }
          function getValue(_, value) {
            return value;
          }
          function getEntry(key2, value) {
            return [key2, value];
          }
        }
        function CreateSetPolyfill() {
          var Set2 = (
            /** @class */
            (function() {
              function Set3() {
                this._map = new _Map();
              }
              Object.defineProperty(Set3.prototype, "size", {
                get: function() {
                  return this._map.size;
                },
                enumerable: true,
                configurable: true
              });
              Set3.prototype.has = function(value) {
                return this._map.has(value);
              };
              Set3.prototype.add = function(value) {
                return this._map.set(value, value), this;
              };
              Set3.prototype.delete = function(value) {
                return this._map.delete(value);
              };
              Set3.prototype.clear = function() {
                this._map.clear();
              };
              Set3.prototype.keys = function() {
                return this._map.keys();
              };
              Set3.prototype.values = function() {
                return this._map.keys();
              };
              Set3.prototype.entries = function() {
                return this._map.entries();
              };
              Set3.prototype["@@iterator"] = function() {
                return this.keys();
              };
              Set3.prototype[iteratorSymbol] = function() {
                return this.keys();
              };
              return Set3;
            })()
          );
          return Set2;
        }
        function CreateWeakMapPolyfill() {
          var UUID_SIZE = 16;
          var keys = HashMap.create();
          var rootKey = CreateUniqueKey();
          return (
            /** @class */
            (function() {
              function WeakMap2() {
                this._key = CreateUniqueKey();
              }
              WeakMap2.prototype.has = function(target) {
                var table = GetOrCreateWeakMapTable(
                  target,
                  /*create*/
                  false
                );
                return table !== void 0 ? HashMap.has(table, this._key) : false;
              };
              WeakMap2.prototype.get = function(target) {
                var table = GetOrCreateWeakMapTable(
                  target,
                  /*create*/
                  false
                );
                return table !== void 0 ? HashMap.get(table, this._key) : void 0;
              };
              WeakMap2.prototype.set = function(target, value) {
                var table = GetOrCreateWeakMapTable(
                  target,
                  /*create*/
                  true
                );
                table[this._key] = value;
                return this;
              };
              WeakMap2.prototype.delete = function(target) {
                var table = GetOrCreateWeakMapTable(
                  target,
                  /*create*/
                  false
                );
                return table !== void 0 ? delete table[this._key] : false;
              };
              WeakMap2.prototype.clear = function() {
                this._key = CreateUniqueKey();
              };
              return WeakMap2;
            })()
          );
          function CreateUniqueKey() {
            var key2;
            do
              key2 = "@@WeakMap@@" + CreateUUID();
            while (HashMap.has(keys, key2));
            keys[key2] = true;
            return key2;
          }
          function GetOrCreateWeakMapTable(target, create) {
            if (!hasOwn.call(target, rootKey)) {
              if (!create)
                return void 0;
              Object.defineProperty(target, rootKey, { value: HashMap.create() });
            }
            return target[rootKey];
          }
          function FillRandomBytes(buffer, size) {
            for (var i = 0; i < size; ++i)
              buffer[i] = Math.random() * 255 | 0;
            return buffer;
          }
          function GenRandomBytes(size) {
            if (typeof Uint8Array === "function") {
              var array = new Uint8Array(size);
              if (typeof crypto !== "undefined") {
                crypto.getRandomValues(array);
              } else if (typeof msCrypto !== "undefined") {
                msCrypto.getRandomValues(array);
              } else {
                FillRandomBytes(array, size);
              }
              return array;
            }
            return FillRandomBytes(new Array(size), size);
          }
          function CreateUUID() {
            var data = GenRandomBytes(UUID_SIZE);
            data[6] = data[6] & 79 | 64;
            data[8] = data[8] & 191 | 128;
            var result = "";
            for (var offset = 0; offset < UUID_SIZE; ++offset) {
              var byte = data[offset];
              if (offset === 4 || offset === 6 || offset === 8)
                result += "-";
              if (byte < 16)
                result += "0";
              result += byte.toString(16).toLowerCase();
            }
            return result;
          }
        }
        function MakeDictionary(obj) {
          obj.__ = void 0;
          delete obj.__;
          return obj;
        }
      });
    })(Reflect || (Reflect = {}));
  }
});

// node_modules/tinyglobby/node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/tinyglobby/node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/tinyglobby/node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/tinyglobby/node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path17, { windows } = {}) => {
      const segs = path17.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/tinyglobby/node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/tinyglobby/node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/tinyglobby/node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/tinyglobby/node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/tinyglobby/node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/tinyglobby/node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix: posix2 });
        const result = { glob, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix2 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/tinyglobby/node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/tinyglobby/node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/worker/main.ts
var import_reflect_metadata = __toESM(require_Reflect(), 1);
import path16 from "node:path";

// src/worker/install-hooks.ts
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";

// src/worker/register-cjs.ts
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";
var internals = Module;
function installCommonJsHooks({ tsconfig, cacheDir, oxcBinding }) {
  const compileTransformed = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    module._compile(cachedTransform({ source, filename, format: "commonjs", tsconfig, ...oxcBinding && { oxcBinding } }, cacheDir), filename);
  };
  for (const ext of [".ts", ".tsx", ".cts"]) internals._extensions[ext] = compileTransformed;
  const loadJs = internals._extensions[".js"];
  internals._extensions[".js"] = (module, filename) => {
    const userSource = isUserSource(filename);
    if (userSource && packageScope(filename) === "commonjs") return compileTransformed(module, filename);
    if (!userSource) compileWithoutSourceMap(module);
    loadJs(module, filename);
  };
  const resolveFilename = internals._resolveFilename;
  internals._resolveFilename = function(request, parent, isMain, options) {
    if (!isRelativeOrAbsolute(request) && parent?.filename && isUserSource(parent.filename)) {
      const mapped = resolveTsconfigPath(request, tsconfig, parent.filename);
      if (mapped) return mapped;
    }
    try {
      return resolveFilename.call(this, request, parent, isMain, options);
    } catch (error) {
      const parentFile = parent?.filename;
      if (error.code === "MODULE_NOT_FOUND" && parentFile && isRelativeOrAbsolute(request)) {
        const probed = probeSourceFile(path.resolve(path.dirname(parentFile), request));
        if (probed) return probed;
      }
      throw error;
    }
  };
}
function compileWithoutSourceMap(module) {
  const compile = module._compile;
  module._compile = function(code, ...rest) {
    delete this._compile;
    return compile.call(this, withoutSourceMapComment(code), ...rest);
  };
}

// src/worker/install-hooks.ts
function installTransformHooks(settings, options) {
  installCommonJsHooks(settings);
  const flushEsm = options.esm ? registerEsmHooks(settings) : async () => void 0;
  return { flush: async () => void await Promise.all([flushCacheWrites(), flushEsm()]) };
}
var ESM_FLUSH_LIMIT_MS = 2e3;
function registerEsmHooks(settings) {
  const { port1, port2 } = new MessageChannel();
  register(new URL("./esm-hooks.js", import.meta.url), { data: { ...settings, flushPort: port2 }, transferList: [port2] });
  port1.unref();
  return () => new Promise((resolve3) => {
    const timer = setTimeout(done, ESM_FLUSH_LIMIT_MS);
    function done() {
      clearTimeout(timer);
      port1.unref();
      resolve3();
    }
    port1.once("message", done);
    port1.ref();
    port1.postMessage("flush");
  });
}

// src/worker/site-registry.ts
function isKeyable(value) {
  return typeof value === "function" || typeof value === "object" && value !== null;
}
var SiteRegistry = class {
  sites = /* @__PURE__ */ new WeakMap();
  install() {
    const callback2 = (file, classes) => {
      for (const [value, line, members, decorators = [], mapped] of classes) {
        if (isKeyable(value)) this.sites.set(value, { file: mapped ?? file, line, members, decorators });
      }
    };
    globalThis[SITE_REGISTRY_GLOBAL] = callback2;
  }
  classLocation(target) {
    const site = isKeyable(target) ? this.sites.get(target) : void 0;
    return site && { file: site.file, line: site.line };
  }
  /**
   * The line of a class-level decorator such as `@Index("IDX_live", ["publishedAt"], ...)`,
   * found by its name argument or its column list; undefined when none matches (the caller
   * falls back to the property or the class).
   */
  decoratorLocation(target, query) {
    const site = isKeyable(target) ? this.sites.get(target) : void 0;
    const columns = Array.isArray(query.columns) ? query.columns.map(String) : void 0;
    const found = site?.decorators.find(
      (d) => d.name !== query.decorator ? false : query.name !== void 0 ? d.strings[0] === query.name : columns !== void 0 && d.strings.length === 0 && d.arrays.some((array) => array.length === columns.length && array.every((c, i) => c === columns[i]))
    );
    return site && found && { file: site.file, line: found.line };
  }
  /** A member's line, looked up the prototype chain (columns and relations may live on a base class). */
  memberLocation(target, member) {
    for (let cls = target; isKeyable(cls) && cls !== Function.prototype && cls !== Object.prototype; cls = Object.getPrototypeOf(cls)) {
      const site = this.sites.get(cls);
      const line = site?.members[member];
      if (site && line !== void 0) return { file: site.file, line };
    }
    return this.classLocation(target);
  }
};

// src/worker/read-tsconfig.ts
import crypto2 from "node:crypto";
import fs2 from "node:fs";
import path2 from "node:path";
function readTsconfig(projectDir, cacheDir) {
  const file = findUp(projectDir, "tsconfig.json");
  if (!file) return { compilerOptions: {} };
  const cacheFile = cacheDir && path2.join(cacheDir, `tsconfig-${crypto2.createHash("sha256").update(file).digest("hex").slice(0, 16)}.json`);
  if (cacheFile) {
    try {
      const cached = JSON.parse(fs2.readFileSync(cacheFile, "utf8"));
      if (cached.inputs.every((input) => sameFile(input))) return cached.info;
    } catch {
    }
  }
  const parsed = loadTransformer().parseTsconfig(file);
  if (cacheFile) {
    try {
      const inputs = parsed.inputs.map((input) => ({ file: input, sha1: contentHash(fs2.readFileSync(input, "utf8")) }));
      writeCacheFile(cacheFile, JSON.stringify({ inputs, info: parsed.info }));
    } catch {
    }
  }
  return parsed.info;
}
function sameFile(input) {
  try {
    return input.sha1 !== void 0 && contentHash(fs2.readFileSync(input.file, "utf8")) === input.sha1;
  } catch {
    return false;
  }
}
function findUp(from, name) {
  for (let dir = from; ; dir = path2.dirname(dir)) {
    const candidate = path2.join(dir, name);
    if (fs2.existsSync(candidate)) return candidate;
    if (path2.dirname(dir) === dir) return void 0;
  }
}

// src/worker/typeorm/run-typeorm-project.ts
import fs9 from "node:fs";
import path10 from "node:path";

// src/worker/typeorm/expected-schema.ts
function expectedSchema(dataSource, sites) {
  const driver = dataSource.driver;
  const defaultSchema = driver.options.schema ?? "public";
  const tables = [];
  const views = [];
  const enums = /* @__PURE__ */ new Map();
  for (const metadata of dataSource.entityMetadatas) {
    if (metadata.tableType === "entity-child" || metadata.synchronize === false) continue;
    const base = { schema: metadata.schema ?? defaultSchema, name: metadata.tableName };
    if (metadata.tableType === "view") {
      views.push({ ...base, materialized: metadata.tableMetadataArgs?.materialized === true, entityName: metadata.name, location: sites.classLocation(metadata.target) });
      continue;
    }
    const owner = describeOwner(dataSource, metadata, sites);
    const locate = (column) => columnLocation(column, metadata, owner.location, sites);
    const columns = metadata.columns.filter((column) => !column.isVirtualProperty);
    tables.push({
      ...base,
      ...owner,
      columns: columns.map((column) => expectedColumn({ column, table: base, driver, entityName: owner.entityName, location: locate(column), enums })),
      primaryKey: metadata.primaryColumns.map((column) => column.databaseName),
      uniques: metadata.uniques.map((unique) => ({
        name: unique.name,
        columns: unique.columns.map((column) => column.databaseName),
        location: sites.decoratorLocation(unique.target ?? metadata.target, { decorator: "Unique", name: unique.givenName, columns: unique.givenColumnNames }) ?? // A one-to-one's implied unique carries a generated name: it belongs to the relation.
        (unique.columns.length === 1 && (!unique.givenName || unique.columns[0].relationMetadata) ? locate(unique.columns[0]) : owner.location)
      })),
      indexes: metadata.indices.filter((index) => index.synchronize !== false).map((index) => ({
        name: index.name,
        columns: index.columns.map((column) => column.databaseName),
        unique: index.isUnique,
        ...index.where && { where: index.where },
        location: sites.decoratorLocation(index.target ?? metadata.target, { decorator: "Index", name: index.givenName, columns: index.givenColumnNames }) ?? (propertyLevel(index.givenColumnNames) && index.columns.length === 1 ? locate(index.columns[0]) : owner.location)
      })),
      foreignKeys: metadata.foreignKeys.map((fk) => expectedForeignKey(fk, metadata, owner.location, defaultSchema, sites)),
      checks: metadata.checks.map((check) => ({
        name: check.name,
        expression: check.expression,
        location: sites.decoratorLocation(check.target ?? metadata.target, { decorator: "Check", name: check.givenName ?? check.expression }) ?? owner.location
      }))
    });
  }
  const ownTables = ownTablesOf(dataSource, defaultSchema);
  const merged = mergeSharedTables(tables);
  const schemas = [...new Set([...merged, ...views, ...enums.values()].map((object) => object.schema))];
  return { tables: merged, enums: [...enums.values()], views, schemas, ownTables };
}
function mergeSharedTables(tables) {
  const byName = /* @__PURE__ */ new Map();
  for (const table of tables) {
    const key2 = `${table.schema}.${table.name}`;
    const first = byName.get(key2);
    if (!first) {
      byName.set(key2, table);
      continue;
    }
    const add = (into, items, same) => {
      for (const item of items) if (!into.some((existing) => same(existing, item))) into.push(item);
    };
    const sameColumns = (a, b) => a.columns.length === b.columns.length && a.columns.every((c) => b.columns.includes(c));
    const merged = {
      ...first,
      // Prefer the side TypeORM treats as owning (it has a relation to point at).
      ...first.location === void 0 && table.location !== void 0 && { location: table.location, entityName: table.entityName, relation: table.relation },
      columns: [...first.columns],
      uniques: [...first.uniques],
      indexes: [...first.indexes],
      foreignKeys: [...first.foreignKeys],
      checks: [...first.checks],
      primaryKey: first.primaryKey.length ? first.primaryKey : table.primaryKey
    };
    add(merged.columns, table.columns, (a, b) => a.name === b.name);
    add(merged.uniques, table.uniques, sameColumns);
    add(merged.indexes, table.indexes, (a, b) => sameColumns(a, b) && a.unique === b.unique && a.where === b.where);
    add(merged.foreignKeys, table.foreignKeys, (a, b) => sameColumns(a, b) && a.referencedTable.schema === b.referencedTable.schema && a.referencedTable.name === b.referencedTable.name);
    add(merged.checks, table.checks, (a, b) => a.expression === b.expression);
    byName.set(key2, merged);
  }
  return [...byName.values()];
}
function describeOwner(dataSource, metadata, sites) {
  if (metadata.tableType === "junction") {
    const owner = owningRelation(dataSource, metadata);
    return {
      kind: "join-table",
      entityName: owner ? className(owner.owner) : metadata.name,
      relation: owner ? `${className(owner.owner)}.${owner.relation.propertyName}` : void 0,
      location: owner ? sites.memberLocation(owner.relation.target, owner.relation.propertyName) : void 0
    };
  }
  if (metadata.tableType === "closure-junction") {
    const entity = metadata.parentClosureEntityMetadata;
    return { kind: "closure-table", entityName: entity?.name ?? metadata.name, location: entity && sites.classLocation(entity.target) };
  }
  return { kind: "entity", entityName: metadata.name, location: sites.classLocation(metadata.target) };
}
function expectedColumn({ column, table, driver, entityName, location, enums }) {
  const expected = {
    name: column.databaseName,
    property: `${entityName}.${column.propertyPath}`,
    type: "",
    nullable: column.isNullable === true && !column.isPrimary,
    location
  };
  if (column.type === "enum" || column.type === "simple-enum") {
    const enumName = { schema: table.schema, name: column.enumName ?? `${table.name}_${column.databaseName.toLowerCase()}_enum` };
    expected.enum = enumName;
    expected.type = `${enumName.schema}.${enumName.name}${column.isArray ? "[]" : ""}`;
    const key2 = `${enumName.schema}.${enumName.name}`;
    if (!enums.has(key2)) enums.set(key2, { ...enumName, values: (column.enum ?? []).map(String), usedBy: expected.property, tables: [], location });
    enums.get(key2).tables.push(`${table.schema}.${table.name}`);
  } else {
    expected.type = driver.createFullType({
      type: driver.normalizeType(column),
      length: column.length,
      precision: column.precision,
      scale: column.scale,
      isArray: column.isArray
    });
  }
  const access = { insert: column.isInsert !== false, update: column.isUpdate !== false, select: column.isSelect !== false };
  if (!access.insert || !access.update || !access.select) expected.access = access;
  if (column.isGenerated && column.generationStrategy === "increment") expected.serial = true;
  if (column.isGenerated && column.generationStrategy === "identity") expected.identity = column.generatedIdentity ?? "BY DEFAULT";
  if (column.generatedType === "STORED" && column.asExpression) expected.generated = column.asExpression;
  const given = driver.normalizeDefault(column);
  if (given !== void 0 && given !== null) expected.default = String(given);
  else if (column.isGenerated && column.generationStrategy === "uuid") expected.default = driver.uuidGenerator ?? "uuid_generate_v4()";
  return expected;
}
function expectedForeignKey(fk, metadata, tableLocation, defaultSchema, sites) {
  const relation = metadata.relations.find((r) => r.foreignKeys?.includes(fk));
  const referenced = fk.referencedEntityMetadata;
  return {
    name: fk.name,
    columns: fk.columnNames,
    referencedTable: { schema: referenced.schema ?? defaultSchema, name: referenced.tableName },
    referencedColumns: fk.referencedColumnNames,
    onDelete: referentialAction(fk.onDelete),
    onUpdate: referentialAction(fk.onUpdate),
    ...relation && { relation: `${metadata.name}.${relation.propertyName}` },
    location: relation ? sites.memberLocation(relation.target, relation.propertyName) : tableLocation
  };
}
function columnLocation(column, metadata, tableLocation, sites) {
  if (metadata.tableType === "junction" || metadata.tableType === "closure-junction") return tableLocation;
  if (column.relationMetadata) return sites.memberLocation(column.relationMetadata.target, column.relationMetadata.propertyName) ?? tableLocation;
  if (column.embeddedMetadata) {
    let top = column.embeddedMetadata;
    while (top.parentEmbeddedMetadata) top = top.parentEmbeddedMetadata;
    return sites.memberLocation(metadata.target, top.propertyName) ?? tableLocation;
  }
  if (typeof column.target === "function") return sites.memberLocation(column.target, column.propertyName) ?? tableLocation;
  return tableLocation;
}
function propertyLevel(givenColumnNames) {
  return Array.isArray(givenColumnNames) && givenColumnNames.length === 1;
}
function ownTablesOf(dataSource, defaultSchema) {
  const options = dataSource.options;
  const schema = options["migrationsTableSchema"] ?? defaultSchema;
  return [
    { schema, name: options["migrationsTableName"] ?? "migrations" },
    { schema: defaultSchema, name: options["metadataTableName"] ?? "typeorm_metadata" },
    { schema: defaultSchema, name: "query-result-cache" }
  ];
}
function owningRelation(dataSource, junction) {
  for (const owner of dataSource.entityMetadatas) {
    const relation = owner.relations.find((r) => r.isOwning && r.junctionEntityMetadata === junction);
    if (relation) return { owner, relation };
  }
  return void 0;
}
function className(metadata) {
  return typeof metadata.target === "function" ? metadata.target.name : metadata.name;
}

// src/worker/typeorm/catalog-snapshot.ts
var UDT_QUERY = /^SELECT "udt_schema", "udt_name" FROM "information_schema"\."columns" WHERE "table_schema" = '([^']*)' AND "table_name" = '([^']*)' AND "column_name"='([^']*)'$/;
var ENUM_QUERY = /^SELECT "e"\."enumlabel" AS "value" FROM "pg_enum" "e" INNER JOIN "pg_type" "t" ON "t"\."oid" = "e"\."enumtypid" INNER JOIN "pg_namespace" "n" ON "n"\."oid" = "t"\."typnamespace" WHERE "n"\."nspname" = '([^']*)' AND "t"\."typname" = '([^']*)'(?: ORDER BY "e"\."enumsortorder")?$/;
var UDT_SNAPSHOT = `SELECT "table_schema", "table_name", "column_name", "udt_schema", "udt_name" FROM "information_schema"."columns" WHERE "table_schema" NOT IN ('pg_catalog', 'information_schema')`;
var ENUM_SNAPSHOT = `SELECT "n"."nspname", "t"."typname", "e"."enumlabel" FROM "pg_enum" "e" INNER JOIN "pg_type" "t" ON "t"."oid" = "e"."enumtypid" INNER JOIN "pg_namespace" "n" ON "n"."oid" = "t"."typnamespace" ORDER BY "e"."enumtypid", "e"."enumsortorder"`;
var SYSTEM_SCHEMAS = /* @__PURE__ */ new Set(["pg_catalog", "information_schema"]);
var key = (...parts) => parts.join("\0");
async function withCatalogSnapshot(dataSource, work) {
  const source = dataSource;
  const create = source.createQueryRunner;
  if (typeof create !== "function") return work();
  source.createQueryRunner = function(...args) {
    const runner = create.apply(this, args);
    answerFromSnapshot(runner);
    return runner;
  };
  try {
    return await work();
  } finally {
    source.createQueryRunner = create;
  }
}
function answerFromSnapshot(runner) {
  const query = runner.query;
  if (typeof query !== "function") return;
  let snapshot;
  const take = () => snapshot ??= readSnapshot((sql) => query.call(runner, sql)).catch(() => void 0);
  runner.query = async function(sql, parameters, structured) {
    if (typeof sql === "string" && !parameters?.length && !structured) {
      const udt = UDT_QUERY.exec(sql);
      const udtRows = udt && !SYSTEM_SCHEMAS.has(udt[1]) && (await take())?.udt;
      if (udt && udtRows) return [...udtRows.get(key(udt[1], udt[2], udt[3])) ?? []];
      const labels = ENUM_QUERY.exec(sql);
      const enumRows = labels && (await take())?.enums;
      if (labels && enumRows) return [...enumRows.get(key(labels[1], labels[2])) ?? []];
    }
    return query.call(this, sql, parameters, structured);
  };
}
async function readSnapshot(run) {
  const udt = groupRows(await run(UDT_SNAPSHOT), (row) => key(row["table_schema"], row["table_name"], row["column_name"]), (row) => ({ udt_schema: row["udt_schema"], udt_name: row["udt_name"] }));
  const enums = groupRows(await run(ENUM_SNAPSHOT), (row) => key(row["nspname"], row["typname"]), (row) => ({ value: row["enumlabel"] }));
  return { udt, enums };
}
function groupRows(rows, keyOf, valueOf) {
  const groups = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const k = keyOf(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(valueOf(row));
  }
  return groups;
}

// src/worker/typeorm/table-path-memo.ts
var MEMO = /* @__PURE__ */ Symbol("migration-gate.tablePath");
function memoizeTablePaths(builder) {
  const b = builder;
  const original = b.getTablePath;
  if (typeof original !== "function") return builder;
  b.getTablePath = function(target) {
    if (typeof target !== "object" || target === null) return original.call(this, target);
    const t = target;
    const memo = t[MEMO];
    if (memo && memo.currentSchema === this.currentSchema && memo.currentDatabase === this.currentDatabase && memo.name === t["name"] && memo.tableName === t["tableName"] && memo.schema === t["schema"] && memo.database === t["database"] && memo.referencedTableName === t["referencedTableName"] && memo.referencedSchema === t["referencedSchema"] && memo.referencedDatabase === t["referencedDatabase"]) {
      return memo.path;
    }
    const path17 = original.call(this, target);
    const fresh = {
      currentSchema: this.currentSchema,
      currentDatabase: this.currentDatabase,
      name: t["name"],
      tableName: t["tableName"],
      schema: t["schema"],
      database: t["database"],
      referencedTableName: t["referencedTableName"],
      referencedSchema: t["referencedSchema"],
      referencedDatabase: t["referencedDatabase"],
      path: path17
    };
    if (Object.isExtensible(t)) Object.defineProperty(t, MEMO, { value: fresh, writable: true, configurable: true, enumerable: false });
    return path17;
  };
  return builder;
}

// src/worker/typeorm/schema-oracle.ts
async function runSchemaOracle(dataSource) {
  try {
    const sql = await withCatalogSnapshot(dataSource, () => memoizeTablePaths(dataSource.driver.createSchemaBuilder()).log());
    return { statements: sql.upQueries.map((query) => query.query) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

// src/worker/typeorm/check-down.ts
import fs4 from "node:fs";

// src/worker/stack-frames.ts
import { fileURLToPath } from "node:url";
function stackFrames(stack) {
  const frames = [];
  for (const text of (stack ?? "").split("\n").slice(1)) {
    const match = /(?:^at |\()((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/.exec(text.trim());
    if (match) frames.push({ file: match[1].startsWith("file:") ? fileURLToPath(match[1]) : match[1], line: Number(match[2]) });
  }
  return frames;
}

// src/worker/migration-source-scan.ts
import fs3 from "node:fs";
var STRING_LITERAL = /`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/gs;
var NEW_TABLE = /new\s+Table\s*\(\s*\{\s*name\s*:\s*["'`]([^"'`]+)["'`]/g;
function scanMigrationSource(file) {
  let text;
  try {
    text = fs3.readFileSync(file, "utf8");
  } catch {
    return { tables: [], touches: touchesIn([]) };
  }
  const up = upBody(text);
  const sql = [...up.matchAll(STRING_LITERAL)].map((match) => match[0].slice(1, -1).replace(/\\(["'`\\])/g, "$1"));
  const tables = new Set(sql.flatMap((statement) => createdTablesIn(statement)));
  for (const match of up.matchAll(NEW_TABLE)) {
    const name = match[1];
    tables.add(name.includes(".") ? name : `public.${name}`);
  }
  return { tables: [...tables], touches: touchesIn(sql) };
}
function upBody(text) {
  const start = text.search(/\bup\s*\(/);
  if (start === -1) return text;
  const rest = text.slice(start);
  const end = rest.search(/\bdown\s*\(/);
  return end === -1 ? rest : rest.slice(0, end);
}

// src/worker/typeorm/migration-recorder.ts
var MigrationRecorder = class {
  constructor(sites, onMigrationStart, keepStatements = false) {
    this.sites = sites;
    this.onMigrationStart = onMigrationStart;
    this.keepStatements = keepStatements;
  }
  sites;
  onMigrationStart;
  keepStatements;
  records = [];
  current;
  failedQuery;
  failedBefore = false;
  /** The TypeORM Logger interface. */
  logger = {
    logQuery: (query) => {
      if (this.current?.stage !== "up") return;
      this.current.record.createdTables.push(...createdTablesIn(query));
      this.current.queries.push(query);
    },
    logQueryError: (_error, query) => {
      this.failedQuery = query;
    },
    logQuerySlow: () => void 0,
    logSchemaBuild: () => void 0,
    logMigration: () => void 0,
    log: () => void 0
  };
  async runAll(dataSource) {
    for (const migration of dataSource.migrations) this.wrap(migration);
    for (; ; ) {
      try {
        await dataSource.runMigrations({ transaction: "each" });
        this.settle();
        return this.records;
      } catch (error) {
        const failing = this.current;
        if (!failing) {
          throw new GateError("migrations-could-not-start", `TypeORM could not start the migrations: ${error instanceof Error ? error.message : String(error)}`, {
            hint: "This happened before any migration ran: check the migration class names (they must end in a 13-digit timestamp) and the migrations option.",
            cause: error
          });
        }
        failing.record.status = "failed";
        failing.record.durationMs = Date.now() - failing.startedAt;
        failing.record.failure = this.describeFailure(error, failing);
        this.recordWouldCreate(failing);
        this.current = void 0;
        this.failedQuery = void 0;
        this.failedBefore = true;
        dataSource.migrations.splice(dataSource.migrations.indexOf(failing.migration), 1);
      }
    }
  }
  wrap(migration) {
    const up = migration.up.bind(migration);
    migration.up = async (queryRunner) => {
      this.settle();
      const name = migration.name ?? migration.constructor.name;
      const record = {
        name,
        timestamp: timestampOf(name),
        location: this.sites.classLocation(migration.constructor),
        status: "applied",
        durationMs: 0,
        createdTables: [],
        ranAfterFailure: this.failedBefore
      };
      this.records.push(record);
      this.current = { migration, record, stage: "up", startedAt: Date.now(), queries: [] };
      if (this.keepStatements) record.statements = this.current.queries;
      this.onMigrationStart(name);
      const result = await up(queryRunner);
      this.current.stage = "commit";
      return result;
    };
  }
  /** The previous migration got as far as the next one starting (or the run ending): it is applied. */
  settle() {
    if (this.current) this.current.record.durationMs = Date.now() - this.current.startedAt;
    this.current = void 0;
  }
  /**
   * A failed migration was rolled back, and the statements after the failing one never ran:
   * what it creates comes from the queries it sent and from its source, so that a table or
   * column it would create is blamed on its failure, not on "no migration".
   */
  recordWouldCreate(failing) {
    const scanned = failing.record.location ? scanMigrationSource(failing.record.location.file) : void 0;
    const sent = touchesIn(failing.queries);
    failing.record.createdTables = [.../* @__PURE__ */ new Set([...failing.record.createdTables, ...scanned?.tables ?? []])];
    const touches = { ...sent };
    for (const key2 of Object.keys(touches)) touches[key2] = [.../* @__PURE__ */ new Set([...sent[key2], ...scanned?.touches[key2] ?? []])];
    failing.record.touches = touches;
  }
  describeFailure(error, failing) {
    const err = error;
    const statement = err.query ?? this.failedQuery;
    const file = failing.record.location?.file;
    const atCommit = failing.stage === "commit" ? " (when committing, after up() returned)" : "";
    return {
      code: typeof err.driverError?.code === "string" ? err.driverError.code : void 0,
      message: (err.driverError?.message ?? err.message ?? String(error)) + atCommit,
      statement,
      statementLine: file ? lineFromStack(err.stack, file) ?? (statement ? statementLine(file, statement) : void 0) : void 0
    };
  }
};
function timestampOf(name) {
  const match = /(\d{13})$/.exec(name);
  return match ? Number(match[1]) : void 0;
}
function lineFromStack(stack, file) {
  return stackFrames(stack).find((frame) => frame.file === file)?.line;
}

// src/worker/typeorm/check-down.ts
async function checkDowns(dataSource, names, sites) {
  const stamp = (m) => timestampOf(m.name ?? m.constructor.name) ?? 0;
  const chain = [...dataSource.migrations].sort((a, b) => stamp(a) - stamp(b));
  const catalog = () => readCatalog(asQueryable(dataSource), "user");
  const use = (count) => dataSource.migrations.splice(0, dataSource.migrations.length, ...chain.slice(0, count));
  const records = [];
  for (let i = 0; i < chain.length; i++) {
    const migration = chain[i];
    const name = migration.name ?? migration.constructor.name;
    if (!names.has(name)) continue;
    const location = sites.classLocation(migration.constructor);
    const record = { name, ...location && { location }, status: "applied", durationMs: 0, createdTables: [], ranAfterFailure: false };
    try {
      use(i);
      await dataSource.runMigrations({ transaction: "each" });
    } catch {
      break;
    }
    const started = Date.now();
    const check = { before: await catalog(), ...location && { downLine: downLine(location.file) } };
    record.downCheck = check;
    use(i + 1);
    try {
      await dataSource.runMigrations({ transaction: "each" });
    } catch (error) {
      record.status = "failed";
      record.failure = failureOf(error, location?.file);
      records.push(record);
      break;
    }
    try {
      await dataSource.undoLastMigration({ transaction: "each" });
      check.afterDown = await catalog();
    } catch (error) {
      check.downFailure = failureOf(error, location?.file);
    }
    if (check.afterDown) {
      try {
        await dataSource.runMigrations({ transaction: "each" });
      } catch (error) {
        check.upAgainFailure = failureOf(error, location?.file);
        record.durationMs = Date.now() - started;
        records.push(record);
        break;
      }
    }
    record.durationMs = Date.now() - started;
    records.push(record);
  }
  use(chain.length);
  return records;
}
function asQueryable(dataSource) {
  return { query: async (text) => ({ rows: await dataSource.query(text) }) };
}
function failureOf(error, file) {
  const err = error;
  const fromStack = file ? lineFromStack(err.stack, file) : void 0;
  return {
    ...typeof err.driverError?.code === "string" && { code: err.driverError.code },
    message: err.driverError?.message ?? err.message ?? String(error),
    ...err.query && { statement: err.query },
    ...(fromStack ?? (file && err.query ? statementLine(file, err.query) : void 0)) !== void 0 && { statementLine: fromStack ?? statementLine(file, err.query) }
  };
}
function downLine(file) {
  try {
    const lines = fs4.readFileSync(file, "utf8").split("\n");
    const index = lines.findIndex((line) => /\bdown\s*\(/.test(line) && !/^\s*(\/\/|\*)/.test(line));
    return index >= 0 ? index + 1 : void 0;
  } catch {
    return void 0;
  }
}

// src/worker/typeorm/find-data-source.ts
import path4 from "node:path";

// src/worker/import-user-module.ts
import { pathToFileURL } from "node:url";

// src/worker/user-code-errors.ts
import fs5 from "node:fs";
import path3 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var NATIVE_FAILURE = /invalid ELF header|wrong ELF class|NODE_MODULE_VERSION|compiled against a different Node\.js version|not a valid Win32 application|Could not locate the bindings file|No native build was found|ERR_DLOPEN_FAILED/i;
function nativeModuleError(error, projectDir = process.cwd()) {
  if (!(error instanceof Error)) return void 0;
  const code = error.code;
  const message = error.message;
  const nativeNotFound = code === "MODULE_NOT_FOUND" && /Cannot find module '[^']*\.node'/.test(message);
  if (!nativeNotFound && code !== "ERR_DLOPEN_FAILED" && (code === "MODULE_NOT_FOUND" || !NATIVE_FAILURE.test(message))) return void 0;
  const pkg = packageOf(message, error.stack);
  if (!pkg) return void 0;
  const importer = importerOf(error, pkg, projectDir);
  const where = importer ? ` It is imported at ${path3.relative(projectDir, importer.file)}${importer.line ? `:${importer.line}` : ""}.` : "";
  return new GateError("native-module-failed", `The native module ${pkg} failed to load: ${firstLine(message)}.${where}`, {
    hint: `Its compiled binding is missing or was built for another platform or Node.js version. Rebuild it where the gate runs (npm rebuild ${pkg}), or install the dependencies on this machine (npm ci) instead of restoring node_modules built elsewhere; with npm ci --ignore-scripts, run npm rebuild afterwards. No database was contacted.`,
    cause: error
  });
}
function loadErrorCause(error, projectDir = process.cwd()) {
  return nativeModuleError(error, projectDir) ?? unbuiltPackageError(error, projectDir) ?? unresolvedImportError(error, projectDir);
}
function unbuiltPackageError(error, projectDir) {
  if (!(error instanceof Error)) return void 0;
  const code = error.code;
  if (code !== "MODULE_NOT_FOUND" && code !== "ERR_MODULE_NOT_FOUND") return void 0;
  const match = /Cannot find (?:module|package) '((?:file:\/\/)?\/[^']*[\\/]node_modules[\\/](@[^\\/]+[\\/])?[^\\/']+)[\\/]([^']+)'/.exec(error.message);
  if (!match) return void 0;
  const packageDir = match[1].startsWith("file:") ? fileURLToPath2(match[1]) : match[1];
  let manifest;
  try {
    manifest = JSON.parse(fs5.readFileSync(path3.join(packageDir, "package.json"), "utf8"));
  } catch {
    return void 0;
  }
  const name = manifest.name ?? path3.basename(packageDir);
  const real = fs5.realpathSync(packageDir);
  const workspace = !real.split(path3.sep).includes("node_modules");
  const entry = match[3];
  const build2 = manifest.scripts?.["build"] ? `its build script (npm run build -w ${name}, pnpm --filter ${name} build, or yarn workspace ${name} build)` : "its build";
  return new GateError("package-not-built", `${workspace ? "The workspace package" : "The package"} ${name} has no ${entry}: ${workspace ? `it is not built (${path3.relative(projectDir, real) || real})` : "its install is incomplete"}.`, {
    hint: workspace ? `Build it before the gate runs: ${build2}, in the same CI job after the install. Installing again will not help: the file is build output.` : `Reinstall the project's dependencies (npm ci). No database was contacted.`,
    cause: error
  });
}
function unresolvedImportError(error, projectDir) {
  if (!(error instanceof Error)) return void 0;
  const code = error.code;
  if (code !== "MODULE_NOT_FOUND" && code !== "ERR_MODULE_NOT_FOUND") return void 0;
  const match = /Cannot find (?:module|package) '([^']+)'(?: imported from (\S+))?/.exec(error.message);
  const specifier = match?.[1];
  if (!specifier || /^(\.|\/|[A-Za-z]:|file:)/.test(specifier)) return void 0;
  const pkg = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
  const from = match[2] && (match[2].startsWith("file:") ? fileURLToPath2(match[2]) : match[2]);
  const importer = from && !/[\\/]node_modules[\\/]/.test(from) ? { file: from, line: lineImporting(from, pkg) } : importerOf(error, pkg, projectDir);
  const where = importer ? `, imported at ${path3.relative(projectDir, importer.file)}${importer.line ? `:${importer.line}` : ""}` : "";
  return new GateError("import-not-found", `Nothing resolves the import "${specifier}"${where}.`, {
    hint: `If ${pkg} is a package, install the project's dependencies in working-directory before the gate (npm ci; not --omit=dev when it is a devDependency). If it is a tsconfig paths alias, check compilerOptions.paths and baseUrl in the project's tsconfig.json. No database was contacted.`,
    cause: error
  });
}
function packageOf(message, stack) {
  const paths = [...message.matchAll(/((?:[A-Za-z]:)?[\\/][^\s'"]*node_modules[\\/][^\s'"]+)/g)].map((m) => m[1]);
  paths.push(...stackFrames(stack).map((frame) => frame.file).filter((file) => /[\\/]node_modules[\\/]/.test(file)));
  for (const file of paths) {
    const parts = file.split(/[\\/]node_modules[\\/]/);
    const last = parts[parts.length - 1].split(/[\\/]/);
    const name = last[0].startsWith("@") ? `${last[0]}/${last[1]}` : last[0];
    if (name && !/^(bindings|node-gyp-build|@mapbox\/node-pre-gyp|node-pre-gyp|prebuild-install)$/.test(name)) return name;
  }
  return void 0;
}
function importerOf(error, pkg, projectDir) {
  const isUser = (file2) => !/[\\/]node_modules[\\/]/.test(file2) && path3.isAbsolute(file2) && file2.startsWith(projectDir) && fs5.existsSync(file2);
  const frame = stackFrames(error.stack).find((f) => isUser(f.file));
  const requireStack = (error.requireStack ?? []).find(isUser);
  const file = requireStack ?? frame?.file;
  if (file) return { file, line: lineImporting(file, pkg) ?? (frame?.file === file ? frame.line : void 0) };
  return findImporter(projectDir, pkg);
}
function importPattern(pkg) {
  const name = pkg.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`(?:from\\s*|require\\s*\\(\\s*|import\\s*\\(\\s*|import\\s+)["'\`]${name}(?:/[^"'\`]*)?["'\`]`);
}
function lineImporting(file, pkg) {
  let text;
  try {
    text = fs5.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const match = importPattern(pkg).exec(text);
  return match ? text.slice(0, match.index).split("\n").length : void 0;
}
function findImporter(projectDir, pkg) {
  const pattern = importPattern(pkg);
  let budget = 5e3;
  const walk = (dir) => {
    let entries;
    try {
      entries = fs5.readdirSync(dir, { withFileTypes: true });
    } catch {
      return void 0;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (budget-- <= 0) return void 0;
      if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "dist" || entry.name === "build") continue;
      const full = path3.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(full);
        if (found) return found;
      } else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        const text = fs5.readFileSync(full, "utf8");
        const match = pattern.exec(text);
        if (match) return { file: full, line: text.slice(0, match.index).split("\n").length };
      }
    }
    return void 0;
  };
  return walk(projectDir);
}
function firstLine(message) {
  return message.split("\n")[0].replace(/\.$/, "");
}
function driverTypeFromError(error) {
  if (!(error instanceof Error)) return void 0;
  const match = /Wrong driver: "([^"]*)" given/.exec(error.message);
  return match ? { type: match[1] } : void 0;
}
function undefinedTypeError(file, shown, cause) {
  const variable = file ? typeVariable(file) : void 0;
  const unset = variable && process.env[variable.name] === void 0;
  const where = variable ? `: it is read from ${variable.expression}${unset ? `, and ${variable.name} is not set` : ""}` : "";
  return new GateError("data-source-type-undefined", `The data source's type is undefined in ${shown}${where}, so TypeORM cannot pick a driver.`, {
    hint: variable ? `Set ${variable.name} for the gate's step (${variable.name}=postgres, or env: { ${variable.name}: postgres } in the workflow), the way the app's own environment sets it; or write type: "postgres" in the file. No database was contacted.` : `TypeORM got no type (usually read from an environment variable that is not set where the gate runs): set that variable for the gate's step (e.g. DB_TYPE=postgres), or write type: "postgres" in the data source. No database was contacted.`,
    cause
  });
}
function typeVariable(file) {
  let text;
  try {
    text = fs5.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const env = /\btype\s*:\s*(?:\(\s*|<\w+>\s*)*((?:process\.)?env(?:\.([A-Za-z_$][\w$]*)|\[\s*["'`]([^"'`]+)["'`]\s*\]))/.exec(text);
  if (env) return { name: env[2] ?? env[3], expression: env[1] };
  const config = /\btype\s*:\s*(?:\(\s*)*([\w$.]*\.get(?:OrThrow)?\s*(?:<[^>]*>)?\(\s*["'`]([^"'`]+)["'`])/.exec(text);
  if (config) return { name: config[2], expression: `${config[1].replace(/\s+/g, "")})` };
  const anyTypeVariable = /process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*["'`]([^"'`]+)["'`]\s*\])/g;
  for (const match of text.matchAll(anyTypeVariable)) {
    const name = match[1] ?? match[2];
    if (/TYPE|DIALECT|DRIVER|ENGINE|CONNECTION$/i.test(name)) return { name, expression: match[0] };
  }
  return void 0;
}

// src/worker/import-user-module.ts
async function importUserModule(file, projectRequire) {
  if (moduleFormat(file) === "module") {
    return await import(pathToFileURL(file).href);
  }
  return projectRequire(file);
}
function userModuleThrew(code, what, error) {
  const known = loadErrorCause(error);
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  const envCheck = /invalid environment variables|missing required environment|environment variable/i.test(message);
  return new GateError(code, `Loading ${what} failed: ${message}`, {
    hint: envCheck ? "The project validates its environment variables when it loads: set the ones it names for the gate's step (harmless values: the gate never connects to them), or SKIP_ENV_VALIDATION=1 if the project uses t3-env. No database was contacted." : "No database was contacted. Fix the error (stack trace below); if a module is missing, install the project's dependencies first.",
    cause: error
  });
}
function isCodeFile(file) {
  return /\.[cm]?[jt]s$/.test(file) && !/\.d\.[cm]?ts$/.test(file);
}

// src/worker/typeorm/typeorm-types.ts
function isDataSource(value) {
  return typeof value === "object" && value !== null && value["@instanceof"] === /* @__PURE__ */ Symbol.for("DataSource");
}

// src/worker/typeorm/find-data-source.ts
async function findDataSource(request) {
  const shown = path4.relative(request.projectDir, request.file);
  let exports;
  try {
    exports = await importUserModule(request.file, request.projectRequire);
  } catch (error) {
    throw loadFailure(error, request.file, shown, request.projectDir);
  }
  const options = request.exportName ? await resolveNamed(exports, request.exportName, request.file, shown, request.projectDir) : findOnlyDataSource(exports, shown);
  checkType(options, request.file, shown);
  return { options };
}
function loadFailure(error, file, shown, projectDir) {
  const native = loadErrorCause(error, projectDir);
  if (native) return native;
  const driver = driverTypeFromError(error);
  if (driver) return driver.type === "undefined" ? undefinedTypeError(file, shown, error) : unsupportedType(driver.type, file, shown, error);
  if (error instanceof Error && error.name === "DriverPackageNotInstalledError") return missingDriver(error, shown);
  if (error instanceof GateError) return error;
  return userModuleThrew("data-source-threw", `the data source file ${shown}`, error);
}
function checkType(options, file, shown) {
  if (options["type"] === void 0) throw undefinedTypeError(file, shown);
}
function findOnlyDataSource(exports, shown) {
  const found = collectDataSources(exports);
  if (found.length === 1) return found[0].options;
  if (found.length > 1) {
    throw new GateError("several-data-sources", `${shown} exports ${found.length} DataSources: ${found.map((f) => f.name).join(", ")}.`, {
      hint: `Choose the one your migrations run with: --data-source ${shown}#${found[0].name} (or ${optionLabel("data-source-export")} ${found[0].name})`
    });
  }
  const promises = Object.entries(exports).filter(([, v]) => v instanceof Promise).map(([k]) => k);
  const others = pickable(exports);
  if (others.length === 1 && others[0].what === "an options object") {
    const value = others[0].name === "default" && looksLikeOptions(exports) ? exports : exports[others[0].name] ?? exports["default"]?.[others[0].name];
    if (value && typeof value === "object" && value["type"] === "postgres") return value;
  }
  const instance = 'Export the instance, e.g. `export const AppDataSource = new DataSource({...})` or `export default new DataSource({...})`, the same file `typeorm -d` takes; or give the entity and migration files as globs instead of the data source: --entities "src/**/*.entity.ts" --migrations "src/migrations/*.ts".';
  throw new GateError("no-data-source-export", `${shown} does not export a TypeORM DataSource (exports: ${Object.keys(exports).join(", ") || "none"}).`, {
    hint: promises.length ? `Export "${promises[0]}" is a promise: export the DataSource instance itself, e.g. export const AppDataSource = new DataSource({...}), and initialize it elsewhere.` : others.length === 1 ? `Its export "${others[0].name}" is ${others[0].what}: check that with --data-source ${shown}#${others[0].name} (or ${optionLabel("data-source-export")} ${others[0].name}). Or: ${instance}` : others.length > 1 ? `Pick one of its exports with --data-source ${shown}#<name>: ${others.map((o) => `${o.name} (${o.what})`).join(", ")}. Or: ${instance}` : instance
  });
}
function collectDataSources(exports) {
  if (isDataSourceOrConnection(exports)) return [{ name: "default", options: exports.options }];
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  for (const [name, value] of exportEntries(exports)) {
    if (isDataSourceOrConnection(value) && !seen.has(value)) {
      seen.add(value);
      found.push({ name, options: value.options });
    }
  }
  return found;
}
function pickable(exports) {
  if (looksLikeOptions(exports)) return [{ name: "default", what: "an options object" }];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  const entries = typeof exports === "function" ? [["default", exports]] : exportEntries(exports);
  for (const [name, value] of entries) {
    if (seen.has(value)) continue;
    seen.add(value);
    if (typeof value === "function" && !isClass(value)) out.push({ name, what: "a function" });
    else if (isNestAsyncOptions(value)) out.push({ name, what: "NestJS async options (useFactory)" });
    else if (looksLikeOptions(value)) out.push({ name, what: "an options object" });
  }
  return out;
}
function exportEntries(exports) {
  const entries = Object.entries(exports);
  const fallback = exports["default"];
  if (fallback && typeof fallback === "object" && !isDataSourceOrConnection(fallback) && !looksLikeOptions(fallback) && !isNestAsyncOptions(fallback)) {
    entries.push(...Object.entries(fallback));
  }
  return entries;
}
async function resolveNamed(exports, name, file, shown, projectDir) {
  const value = namedExport(exports, name);
  if (value === void 0) {
    const dataSources = collectDataSources(exports).map((f) => f.name);
    const others = pickable(exports).map((p) => p.name);
    const listed = [
      dataSources.length ? `DataSource exports: ${dataSources.join(", ")}` : "it exports no DataSource",
      ...others.length ? [`options or functions: ${others.join(", ")}`] : []
    ].join("; ");
    throw new GateError("data-source-export-not-found", `${shown} has no DataSource export named "${name}" (${listed}).`, {
      hint: `Name one of the exports listed: --data-source ${shown}#<name> (or ${optionLabel("data-source-export")}).`
    });
  }
  return resolveValue(value, `Export "${name}" of ${shown}`, { file, shown, projectDir, name }, 0);
}
function namedExport(exports, name) {
  if (Object.prototype.hasOwnProperty.call(exports, name)) return exports[name];
  if (name === "default" || name === "module.exports") return exports;
  const fallback = exports["default"];
  if (fallback && typeof fallback === "object" && Object.prototype.hasOwnProperty.call(fallback, name)) return fallback[name];
  return void 0;
}
async function resolveValue(value, what, context, depth) {
  if (isDataSourceOrConnection(value)) return value.options;
  if (isThenable(value)) return resolveValue(await call(() => value, context), `${what} (once resolved)`, context, depth);
  if (typeof value === "function") {
    if (isClass(value)) {
      throw new GateError("data-source-export-unusable", `${what} is a class (${value.name || "anonymous"}), not a DataSource, options object or function.`, {
        hint: "Name the export holding the DataSource instance or the options, or a function returning them."
      });
    }
    if (depth > 0) throw notOptions(`${what} returns another function`, context);
    if (value.length > 0) throw needsArguments(`${what} is a function with ${value.length} parameter${value.length > 1 ? "s" : ""}`, context);
    return resolveValue(await call(() => value(), context), `What ${what.charAt(0).toLowerCase()}${what.slice(1)} returns`, context, depth + 1);
  }
  if (isNestAsyncOptions(value)) {
    const inject = Array.isArray(value.inject) ? value.inject : [];
    if (value.useFactory.length > 0 || inject.length > 0) {
      throw needsArguments(`${what} is TypeOrmModule.forRootAsync options whose useFactory takes ${inject.length ? `injected providers (${inject.map(providerName).join(", ")})` : `${value.useFactory.length} parameter(s)`}`, context);
    }
    return resolveValue(await call(() => value.useFactory(), context), `What useFactory of ${what.charAt(0).toLowerCase()}${what.slice(1)} returns`, context, depth + 1);
  }
  if (typeof value === "object" && value !== null && ("useClass" in value || "useExisting" in value)) {
    throw needsArguments(`${what} is TypeOrmModule.forRootAsync options with ${"useClass" in value ? "useClass" : "useExisting"}, built by Nest's injector`, context);
  }
  if (Array.isArray(value)) {
    throw notOptions(`${what} is an array (${value.length} connections?)`, context, "Export one connection's options, or name the export of the one your migrations run with.");
  }
  if (looksLikeOptions(value)) return value;
  throw notOptions(`${what} is ${describeValue(value)}`, context);
}
async function call(run, context) {
  try {
    return await run();
  } catch (error) {
    throw loadFailure(error, context.file, context.shown, context.projectDir);
  }
}
function needsArguments(what, context) {
  return new GateError("data-source-export-needs-arguments", `${what}; the gate calls it with none (it runs no Nest application and no ConfigService).`, {
    hint: `Export the options from a plain function without parameters, reading process.env directly, e.g. \`export const typeormOptions = () => ({ type: "postgres", host: process.env.DB_HOST, entities: [...], migrations: [...] })\`, call it from your useFactory, and give --data-source ${context.shown}#typeormOptions.`
  });
}
function notOptions(what, context, hint) {
  return new GateError("data-source-export-unusable", `${what}, not a DataSource, TypeORM options object or function returning one.`, {
    hint: hint ?? `Name an export holding a DataSource, an options object ({ type: "postgres", entities, migrations, ... }) or a function without parameters returning one: --data-source ${context.shown}#<name>.`
  });
}
function isDataSourceOrConnection(value) {
  if (isDataSource(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const v = value;
  return typeof v["connect"] === "function" && typeof v["close"] === "function" && typeof v["options"] === "object" && "isConnected" in v && Array.isArray(v["entityMetadatas"]);
}
var OPTION_KEYS = ["type", "entities", "migrations", "url", "host", "database", "synchronize", "namingStrategy", "subscribers"];
function looksLikeOptions(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value) || isDataSourceOrConnection(value)) return false;
  return OPTION_KEYS.some((key2) => key2 in value);
}
function isNestAsyncOptions(value) {
  return typeof value === "object" && value !== null && typeof value.useFactory === "function";
}
function isThenable(value) {
  return typeof value === "object" && value !== null && typeof value.then === "function";
}
function isClass(value) {
  return typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));
}
function providerName(provider) {
  return typeof provider === "function" ? provider.name || "anonymous" : String(provider);
}
function describeValue(value) {
  if (value === null) return "null";
  if (typeof value === "object") return `an object without TypeORM options (keys: ${Object.keys(value).slice(0, 6).join(", ") || "none"})`;
  return `a ${typeof value}`;
}
function missingDriver(error, shown) {
  if (/postgres/i.test(error.message)) {
    return new GateError("pg-not-installed", `${shown} creates a Postgres DataSource, but the pg package is not installed in the project.`, {
      hint: "Add pg to the project's dependencies (npm install pg) and install them before running the gate.",
      cause: error
    });
  }
  return new GateError("unsupported-database", `${shown} creates a DataSource for another database than Postgres (${error.message}); migration-gate checks Postgres projects.`, {
    hint: 'Point the gate at a data source with type: "postgres".',
    cause: error
  });
}
function unsupportedType(type, file, shown, error) {
  const variable = typeVariable(file);
  return new GateError("unsupported-database", `${shown} creates a DataSource of type "${type}"${variable ? ` (read from ${variable.expression})` : ""}, which TypeORM has no driver for.`, {
    hint: variable ? `Set ${variable.name}=postgres for the gate's step: migration-gate checks Postgres projects.` : 'Use type: "postgres": migration-gate checks Postgres projects.',
    cause: error
  });
}

// src/worker/typeorm/isolated-data-source.ts
var EXTRA_CONNECTION_KEYS = ["connectionString", "host", "hostaddr", "port", "user", "password", "database", "ssl", "sslmode", "options"];
function createIsolatedDataSource(typeorm, userOptions, connection2, logger) {
  if (userOptions["type"] !== "postgres") {
    throw new GateError("unsupported-database", `The data source is of type "${String(userOptions["type"])}"; migration-gate checks Postgres projects.`, {
      hint: 'Point the gate at a data source with type: "postgres".'
    });
  }
  const extra = { ...userOptions["extra"] ?? {} };
  for (const key2 of EXTRA_CONNECTION_KEYS) delete extra[key2];
  const options = {
    ...userOptions,
    host: connection2.host,
    port: connection2.port,
    username: connection2.user,
    password: connection2.password,
    database: connection2.database,
    ssl: connection2.ssl,
    extra,
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    // A Redis or database query cache would open connections of its own.
    cache: false,
    logging: true,
    logger,
    migrationsTransactionMode: "each"
  };
  delete options["replication"];
  delete options["url"];
  return new typeorm.DataSource(options);
}

// src/worker/typeorm/load-naming-strategy.ts
import path5 from "node:path";
async function loadNamingStrategy(ref, projectDir, projectRequire) {
  const shown = path5.relative(projectDir, ref.file);
  const exports = await importUserModule(ref.file, projectRequire);
  const looksLikeStrategy = (value) => typeof value === "function" && typeof value.prototype?.tableName === "function" || typeof value === "object" && value !== null && typeof value.tableName === "function";
  let chosen;
  if (ref.exportName) {
    chosen = exports[ref.exportName];
  } else {
    const candidates = Object.values(exports).filter(looksLikeStrategy);
    chosen = candidates.length === 1 ? candidates[0] : void 0;
  }
  if (!looksLikeStrategy(chosen)) {
    throw new GateError("naming-strategy-not-found", `${shown} does not export ${ref.exportName ? `a naming strategy named "${ref.exportName}"` : "exactly one naming strategy"}.`, {
      hint: "Export a class extending DefaultNamingStrategy (or an instance), and name it with file#ExportName when the file exports several."
    });
  }
  return typeof chosen === "function" ? new chosen() : chosen;
}

// src/worker/typeorm/load-typeorm.ts
import { createRequire } from "node:module";
import path7 from "node:path";

// src/worker/installed-version.ts
import fs6 from "node:fs";
import path6 from "node:path";
function installedVersion(entry, name) {
  let dir = path6.dirname(entry);
  while (path6.dirname(dir) !== dir) {
    const pkg = path6.join(dir, "package.json");
    if (fs6.existsSync(pkg)) {
      const json = JSON.parse(fs6.readFileSync(pkg, "utf8"));
      if (json.name === name && json.version) return json.version;
    }
    dir = path6.dirname(dir);
  }
  return "unknown";
}

// src/worker/typeorm/load-typeorm.ts
var OLDEST_02_PATCH = 25;
function loadUserTypeorm(projectDir) {
  const projectRequire = createRequire(path7.join(projectDir, "package.json"));
  let entry;
  try {
    entry = projectRequire.resolve("typeorm");
  } catch (error) {
    throw new GateError("typeorm-not-installed", `typeorm is not installed in ${projectDir}.`, {
      hint: "Install the project's dependencies (npm ci) before running the gate, and set working-directory to the folder whose package.json lists typeorm.",
      cause: error
    });
  }
  const version = installedVersion(entry, "typeorm");
  const patch02 = /^0\.2\.(\d+)/.exec(version);
  if (patch02 ? Number(patch02[1]) < OLDEST_02_PATCH : !/^(0\.3\.|1\.)/.test(version)) {
    throw new GateError("typeorm-unsupported", `typeorm ${version} is installed; migration-gate supports typeorm 0.2.${OLDEST_02_PATCH} and later 0.2.x, 0.3.x and 1.x.`, {
      hint: patch02 ? `Upgrade typeorm to the last 0.2 (npm install typeorm@0.2.45): the same API, and the gate can check it.` : "Upgrade typeorm to 0.3 or later."
    });
  }
  const module = projectRequire("typeorm");
  if (typeof module["DataSource"] === "function") return { module, version, api: "data-source", projectRequire };
  return { module: { ...module, DataSource: connectionAsDataSource(module["Connection"]) }, version, api: "connection", projectRequire };
}
function connectionAsDataSource(Connection) {
  return function ConnectionDataSource(options) {
    const connection2 = new Connection(options);
    return Object.assign(connection2, {
      initialize: async () => {
        await connection2.connect();
        return connection2;
      },
      destroy: async () => {
        if (connection2.isConnected) await connection2.close();
      }
    });
  };
}

// node_modules/tinyglobby/dist/index.mjs
import { readdir, readdirSync, realpath, realpathSync, stat, statSync } from "fs";
import { isAbsolute, posix, resolve as resolve2 } from "path";
import { fileURLToPath as fileURLToPath3 } from "url";

// node_modules/tinyglobby/node_modules/fdir/dist/index.mjs
import { createRequire as createRequire2 } from "module";
import { basename, dirname, normalize, relative, resolve, sep } from "path";
import * as nativeFs from "fs";
var __require = /* @__PURE__ */ createRequire2(import.meta.url);
function cleanPath(path17) {
  let normalized = normalize(path17);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path17, separator) {
  return path17.replace(SLASHES_REGEX, separator);
}
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path17) {
  return path17 === "/" || WINDOWS_ROOT_DIR_REGEX.test(path17);
}
function normalizePath(path17, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path17.includes("/") || path17.startsWith(".");
  if (resolvePaths) path17 = resolve(path17);
  if (normalizePath$1 || pathNeedsCleaning) path17 = cleanPath(path17);
  if (path17 === ".") return "";
  const needsSeperator = path17[path17.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path17 + pathSeparator : path17, pathSeparator);
}
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
function joinPath(filename) {
  return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
var pushDirectory = (directoryPath, paths) => {
  paths.push(directoryPath || ".");
};
var pushDirectoryFilter = (directoryPath, paths, filters) => {
  const path17 = directoryPath || ".";
  if (filters.every((filter) => filter(path17, true))) paths.push(path17);
};
var empty$2 = () => {
};
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
var pushFileFilterAndCount = (filename, _paths, counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts.files++;
};
var pushFileFilter = (filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
var pushFileCount = (_filename, _paths, counts, _filters) => {
  counts.files++;
};
var pushFile = (filename, paths) => {
  paths.push(filename);
};
var empty$1 = () => {
};
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
var getArray = (paths) => {
  return paths;
};
var getArrayGroup = () => {
  return [""].slice(0, 0);
};
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
var groupFiles = (groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
};
var empty = () => {
};
function build$3(options) {
  return options.group ? groupFiles : empty;
}
var resolveSymlinksAsync = function(path17, state, callback$1) {
  const { queue, fs: fs12, options: { suppressErrors } } = state;
  queue.enqueue();
  fs12.realpath(path17, (error, resolvedPath) => {
    if (error) return queue.dequeue(suppressErrors ? null : error, state);
    fs12.stat(resolvedPath, (error$1, stat2) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat2.isDirectory() && isRecursive(path17, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat2, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path17, state, callback$1) {
  const { queue, fs: fs12, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs12.realpathSync(path17);
    const stat2 = fs12.statSync(resolvedPath);
    if (stat2.isDirectory() && isRecursive(path17, resolvedPath, state)) return;
    callback$1(stat2, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
};
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path17, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname(path17);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname(parent);
  }
  state.symlinks.set(path17, resolved);
  return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
var onlyCountsSync = (state) => {
  return state.counts;
};
var groupsSync = (state) => {
  return state.groups;
};
var defaultSync = (state) => {
  return state.paths;
};
var limitFilesSync = (state) => {
  return state.paths.slice(0, state.options.maxFiles);
};
var onlyCountsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error, callback$1, output, suppressErrors) {
  if (error && !suppressErrors) callback$1(error, output);
  else callback$1(null, output);
}
function build$1(options, isSynchronous) {
  const { onlyCounts, group, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
var readdirOpts = { withFileTypes: true };
var walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs: fs12 } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs12.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error, state);
  });
};
var walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs: fs12 } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries = [];
  try {
    entries = fs12.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
var Queue = class {
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error)) {
      this.onQueueEmpty(error, output);
      if (error) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  _files = 0;
  _directories = 0;
  set files(num) {
    this._files = num;
  }
  get files() {
    return this._files;
  }
  set directories(num) {
    this._directories = num;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = (entries, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries.length; ++i) {
      const entry = entries[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path17 = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path17)) continue;
        this.pushDirectory(path17, paths, filters);
        this.walkDirectory(this.state, path17, path17, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path17 = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path17, this.state, (stat2, resolvedPath) => {
          if (stat2.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path17 + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path17 + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path17;
            const filename = basename(resolvedPath);
            const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  };
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
var APIBuilder = class {
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require.resolve("picomatch");
  pm = __require("picomatch");
} catch {
}
var Builder = class {
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path17) => isMatch(path17));
    return this;
  }
};

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts = splitPattern(patterns[i]);
    patternsParts[i] = parts;
    const partsCount = parts.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
  if (cwd === root || root.startsWith(`${cwd}/`)) {
    if (absolute) {
      const start = cwd.length + +!isRoot(cwd);
      return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd.length + 1);
    if (prefix) return (p, isDir) => {
      if (p === ".") return prefix;
      const result = `${prefix}/${p}`;
      return isDir ? result.slice(0, -1) : result;
    };
    return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd, p) || ".";
  return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
  if (root.startsWith(`${cwd}/`)) {
    const prefix = root.slice(cwd.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result = posix.relative(cwd, `${root}/${p}`);
    return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
  };
}
function ensureNonDriveRelativePath(path17) {
  return path17.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
var splitPatternOptions = { parts: true };
function splitPattern(path17) {
  var _result$parts;
  const result = import_picomatch.default.scan(path17, splitPatternOptions);
  return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path17];
}
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = (path17) => path17.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapeWin32Path = (path17) => path17.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd = opts.cwd;
  let result = pattern;
  if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
  if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
  const escapedCwd = escapePath(cwd);
  result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts = splitPattern(result);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
      result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts.length);
    for (let i = 0; i < length; i++) {
      const part = parts[i];
      if (part === "**" && !parts[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
  }
  return result;
}
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
function buildCrawler(options, patterns) {
  const cwd = options.cwd;
  const props = {
    root: cwd,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
  const excludePredicate = (_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  };
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug ? (p, isDirectory) => {
      const path17 = format(p, isDirectory);
      const matches = matcher(path17) && !ignore(path17);
      if (matches) log(`matched ${path17}`);
      return matches;
    } : (p, isDirectory) => {
      const path17 = format(p, isDirectory);
      return matcher(path17) && !ignore(path17);
    }],
    exclude: debug ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key2 in defaultOptions) if (opts[key2] === void 0) Object.assign(opts, { [key2]: defaultOptions[key2] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath3(opts.cwd) : resolve2(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat,
    statSync: opts.fs.statSync || statSync
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
function globSync(globInput, options) {
  const [crawler, relative2] = getCrawler(globInput, options);
  return crawler ? formatPaths(crawler.sync(), relative2) : [];
}

// src/worker/typeorm/preload-globs.ts
async function preloadGlobs(options, projectRequire) {
  const patterns = options.flatMap((option) => Array.isArray(option) ? option : []).filter((p) => typeof p === "string");
  if (!patterns.length) return;
  const files = globSync(patterns.map((p) => p.replace(/\\/g, "/")), { absolute: true, expandDirectories: false });
  for (const file of files) {
    if (!isCodeFile(file)) continue;
    try {
      await importUserModule(file, projectRequire);
    } catch {
    }
  }
}

// src/worker/typeorm/unregistered-migrations.ts
import fs7 from "node:fs";
import path8 from "node:path";
var CODE_FILE = /\.(?:[cm]?ts|[cm]?js)$/;
var MIGRATION_CLASS = /\bclass\s+([A-Za-z_$][\w$]*?\d{13})\b/;
function findUnregisteredMigrations(option, migrations, sites) {
  if (!Array.isArray(option) || !option.some((item) => typeof item === "function")) return [];
  const registeredFiles = /* @__PURE__ */ new Set();
  const registeredNames = /* @__PURE__ */ new Set();
  for (const migration of migrations) {
    registeredNames.add(migration.name ?? migration.constructor.name);
    registeredNames.add(migration.constructor.name);
    const location = sites.classLocation(migration.constructor);
    if (location) registeredFiles.add(location.file);
  }
  const folders = new Set([...registeredFiles].map((file) => path8.dirname(file)));
  const found = [];
  for (const folder of folders) {
    let entries;
    try {
      entries = fs7.readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of entries.sort()) {
      const file = path8.join(folder, entry);
      if (!CODE_FILE.test(entry) || entry.endsWith(".d.ts") || registeredFiles.has(file)) continue;
      const text = fs7.readFileSync(file, "utf8");
      const match = MIGRATION_CLASS.exec(text);
      if (!match || registeredNames.has(match[1]) || !/\bup\s*\(/.test(text)) continue;
      const scanned = scanMigrationSource(file);
      found.push({
        name: match[1],
        location: { file, line: text.slice(0, match.index).split("\n").length },
        createdTables: scanned.tables,
        touches: scanned.touches
      });
    }
  }
  return found;
}

// src/worker/typeorm/read-ormconfig.ts
import fs8 from "node:fs";
import path9 from "node:path";
async function readOrmconfig(typeorm, projectDir, source) {
  const Reader = typeorm.module.ConnectionOptionsReader;
  const shown = source.file ? path9.relative(projectDir, source.file) : "ormconfig";
  if (typeof Reader !== "function") {
    throw new GateError("ormconfig-unsupported", `typeorm ${typeorm.version} does not read ormconfig files.`, {
      hint: `Give ${optionLabel("data-source")}: the file exporting the DataSource (or its options) your migrations run with.`
    });
  }
  let all;
  try {
    all = await new Reader({ root: projectDir, ...source.file && { configName: path9.relative(projectDir, source.file) } }).all();
  } catch (error) {
    const native = loadErrorCause(error, projectDir);
    if (native) throw native;
    const driver = driverTypeFromError(error);
    if (driver?.type === "undefined") throw undefinedTypeError(source.file, shown, error);
    if (error instanceof Error && /No connection options were found/.test(error.message)) {
      throw new GateError("ormconfig-not-found", `typeorm ${typeorm.version} found no connection options in ${projectDir}: no ormconfig file${source.file ? ` at ${shown}` : ""} it can read, and neither TYPEORM_CONNECTION nor TYPEORM_URL is set.`, {
        hint: `Give ${optionLabel("ormconfig")} (the file your typeorm CLI reads, e.g. ormconfig.json), or ${optionLabel("data-source")}.`,
        cause: error
      });
    }
    throw userModuleThrew("ormconfig-threw", source.file ? `the ormconfig file ${shown}` : "the ormconfig (typeorm's ConnectionOptionsReader)", error);
  }
  const name = source.connectionName ?? "default";
  const connections = all.map((options) => ({ name: connectionName(options), options: isDataSource(options) ? options.options : options }));
  const chosen = connections.find((c) => c.name === name);
  if (!chosen) {
    throw new GateError("ormconfig-connection-not-found", `${describe(shown, all)} has no connection named "${name}" (connections: ${connections.map((c) => c.name).join(", ") || "none"}).`, {
      hint: `Set ${optionLabel("data-source-export")} to the connection your migrations run with.`
    });
  }
  if (chosen.options["type"] === void 0) {
    if (!source.file && (process.env["TYPEORM_URL"] !== void 0 || process.env["TYPEORM_HOST"] !== void 0)) {
      throw new GateError("data-source-type-undefined", "The connection read from the TYPEORM_* variables has no type: TYPEORM_CONNECTION is not set.", {
        hint: "Set TYPEORM_CONNECTION=postgres for the gate's step, as the app's environment does. No database was contacted."
      });
    }
    throw undefinedTypeError(source.file ?? findOrmconfigFile(projectDir), shown);
  }
  return chosen.options;
}
function connectionName(options) {
  const name = isDataSource(options) ? options.options["name"] : options["name"];
  return typeof name === "string" && name ? name : "default";
}
function describe(shown, all) {
  return all.length ? shown : `${shown} (empty)`;
}
function findOrmconfigFile(projectDir) {
  return ["js", "mjs", "cjs", "ts", "mts", "cts"].map((ext) => path9.join(projectDir, `ormconfig.${ext}`)).find((file) => fs8.existsSync(file));
}

// src/worker/typeorm/run-typeorm-project.ts
async function runTypeormProject({ request, connection: connection2, appliedRows: appliedRows2, onTracking, sites, onPhase, onMigrationStart, onResult, onOracle }) {
  const { projectDir, project } = request;
  if (project.kind === "drizzle") throw new Error("runTypeormProject was handed a Drizzle project");
  onPhase("load");
  const loadStarted = Date.now();
  const typeorm = loadUserTypeorm(projectDir);
  let userOptions;
  if (project.kind === "data-source") {
    const found = await findDataSource({ file: project.file, exportName: project.exportName, projectDir, projectRequire: typeorm.projectRequire });
    userOptions = found.options;
  } else if (project.kind === "ormconfig") {
    userOptions = await readOrmconfig(typeorm, projectDir, project);
  } else {
    userOptions = {
      type: "postgres",
      entities: project.entities.map((glob) => path10.resolve(projectDir, glob)),
      migrations: project.migrations.map((glob) => path10.resolve(projectDir, glob)),
      namingStrategy: project.namingStrategy && await loadNamingStrategy(project.namingStrategy, projectDir, typeorm.projectRequire)
    };
  }
  if (request.extraMigrations?.length) {
    const configured = userOptions["migrations"];
    userOptions["migrations"] = [...Array.isArray(configured) ? configured : configured === void 0 ? [] : [configured], ...request.extraMigrations];
  }
  await preloadGlobs([userOptions["entities"], userOptions["migrations"], userOptions["subscribers"]], typeorm.projectRequire);
  onTracking({ schema: typeof userOptions["schema"] === "string" ? userOptions["schema"] : "public", name: typeof userOptions["migrationsTableName"] === "string" ? userOptions["migrationsTableName"] : "migrations", format: "typeorm" });
  const recorder = new MigrationRecorder(sites, onMigrationStart);
  const waitStarted = Date.now();
  const database = await connection2;
  const applied = await appliedRows2;
  const waited = Date.now() - waitStarted;
  const dataSource = createIsolatedDataSource(typeorm.module, userOptions, database, recorder.logger);
  await initialize(dataSource, userOptions);
  try {
    const expected = expectedSchema(dataSource, sites);
    if (dataSource.entityMetadatas.length === 0) throw noEntities(userOptions, projectDir);
    const load = Date.now() - loadStarted - waited;
    onPhase("migrate");
    const migrateStarted = Date.now();
    const unregisteredMigrations = findUnregisteredMigrations(userOptions["migrations"], dataSource.migrations, sites);
    const available = applied && dataSource.migrations.map((m) => describeMigration(m, sites));
    if (applied) {
      const names = appliedNames("typeorm", available, applied);
      const keep = dataSource.migrations.filter((m) => names.has(migrationName(m)));
      dataSource.migrations.splice(0, dataSource.migrations.length, ...keep);
    }
    const migrations = await recorder.runAll(dataSource);
    const migrate = Date.now() - migrateStarted;
    await onResult({
      orm: { name: "typeorm", version: typeorm.version },
      entityCount: dataSource.entityMetadatas.filter((m) => m.tableType !== "junction" && m.tableType !== "closure-junction").length,
      expected,
      migrations,
      migrationsOption: describeOption(userOptions["migrations"]),
      unregisteredMigrations,
      ...available && { available },
      timings: { load, migrate }
    });
    if (request.crossCheck) {
      onPhase("cross-check");
      await onOracle(await runSchemaOracle(dataSource));
    }
  } finally {
    await dataSource.destroy().catch(() => void 0);
  }
  return async (other, mode, names) => {
    const rerunRecorder = new MigrationRecorder(sites, onMigrationStart, true);
    const rerunSource = createIsolatedDataSource(typeorm.module, userOptions, other, rerunRecorder.logger);
    await initialize(rerunSource, userOptions);
    try {
      if (mode === "push") throw new GateError("rerun-mode", "drizzle-kit push is not a TypeORM baseline");
      if (mode === "check-down") return await checkDowns(rerunSource, new Set(names ?? []), sites);
      return mode === "synchronize" ? await synchronizeBaseline(rerunSource) : await rerunRecorder.runAll(rerunSource);
    } finally {
      await rerunSource.destroy().catch(() => void 0);
    }
  };
}
async function synchronizeBaseline(dataSource) {
  const schemas = new Set(dataSource.entityMetadatas.map((m) => m.schema).filter((schema) => Boolean(schema)));
  for (const schema of schemas) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
  await dataSource.synchronize();
  for (const migration of dataSource.migrations) migration.up = async () => void 0;
  await dataSource.runMigrations({ transaction: "all" });
  return [];
}
function migrationName(migration) {
  return migration.name ?? migration.constructor.name;
}
function describeMigration(migration, sites) {
  const name = migrationName(migration);
  const timestamp = timestampOf(name);
  const location = sites.classLocation(migration.constructor);
  return { name, ...location && { location }, ...timestamp !== void 0 && { when: timestamp } };
}
async function initialize(dataSource, userOptions) {
  try {
    await dataSource.initialize();
  } catch (error) {
    const cause = loadErrorCause(error);
    if (cause) throw cause;
    const message = error instanceof Error ? error.message : String(error);
    const undefinedType = /ColumnTypeUndefinedError|Column type for .* is not defined/.test(`${error.name} ${message}`);
    const entities = describeOption(userOptions["entities"]).join(", ") || "none";
    throw new GateError("typeorm-initialize-failed", `TypeORM could not load the entities and migrations: ${message}`, {
      hint: undefinedType ? "Decorator metadata was missing for that property: give @Column() an explicit type, or check the file compiles with emitDecoratorMetadata." : message.includes("Maximum call stack size exceeded") ? `An entities or migrations glob probably matches the data source file itself (TypeORM walks every export of the files it matches, and a DataSource refers to itself): narrow the globs (entities: ${entities}) to the entity and migration files.` : `Check the entities and migrations options (entities: ${entities}). No database other than the throwaway one was contacted.`,
      cause: error
    });
  }
}
function noEntities(userOptions, projectDir) {
  const configured = describeOption(userOptions["entities"]);
  const globs = suggestedGlobs(userOptions, projectDir);
  if (configured.length === 0) {
    return new GateError("no-entities", "The data source lists no entities, so there is nothing to check.", {
      hint: `NestJS apps with autoLoadEntities register them in their modules, which the gate does not start: give the entity and migration files as globs, e.g. ${globs}.`
    });
  }
  const unbuilt = configured.map((glob) => staticRoot(glob, projectDir)).find((root) => root !== void 0 && !fs9.existsSync(root));
  if (unbuilt) {
    return new GateError("no-entities", `No entities were loaded from ${configured.join(", ")}: ${path10.relative(projectDir, unbuilt) || unbuilt} does not exist.`, {
      hint: `The globs point at build output that is not there: build the project first (e.g. npm run build), or check the TypeScript sources instead: ${globs}.`
    });
  }
  return new GateError("no-entities", `No entities were loaded from ${configured.join(", ")}, so there is nothing to check.`, {
    hint: "Globs are resolved from the working directory; in a data source file, build them from __dirname (CommonJS) or import.meta.dirname (ESM), and make sure they match .ts files."
  });
}
function suggestedGlobs(userOptions, projectDir) {
  const toSource = (glob) => {
    const relative2 = path10.isAbsolute(glob) ? path10.relative(projectDir, glob) : glob;
    const moved = relative2.replace(/^(\.\/)?(dist|build|out|lib)\//, "src/").replace(/\.js\b/g, ".ts").replace(/\{\.ts,\.ts\}/g, ".ts");
    const root = staticRoot(moved, projectDir);
    return root && fs9.existsSync(root) ? moved : void 0;
  };
  const pick = (option, fallback) => describeOption(option).map(toSource).find((g) => g !== void 0) ?? fallback;
  const [migrationsDir] = findFolders(path10.join(projectDir, "src"), { depth: 4, matches: (_folder, name) => name === "migrations", limit: 1 });
  const migrations = pick(userOptions["migrations"], migrationsDir ? `${path10.relative(projectDir, migrationsDir)}/*.ts` : "src/migrations/*.ts");
  return `--entities "${pick(userOptions["entities"], "src/**/*.entity.ts")}" --migrations "${migrations}" (instead of the data source)`;
}
function staticRoot(glob, projectDir) {
  if (glob.startsWith("class ")) return void 0;
  const parts = path10.resolve(projectDir, glob).split(path10.sep);
  const wild = parts.findIndex((part) => /[*?{[]/.test(part));
  return wild > 0 ? parts.slice(0, wild).join(path10.sep) || path10.sep : void 0;
}
function describeOption(value) {
  if (!Array.isArray(value)) return value === void 0 ? [] : [String(value)];
  return value.map((item) => typeof item === "function" ? `class ${item.name}` : typeof item === "string" ? item : "(object)");
}

// src/worker/drizzle/run-drizzle-project.ts
import path15 from "node:path";

// src/worker/drizzle/expected-schema.ts
var SERIAL_TYPES = { serial: "integer", bigserial: "bigint", smallserial: "smallint" };
function drizzleExpectedSchema(loaded, config, orm, sites) {
  const convert = config.casing && orm.CasingCache ? config.casing === "snake_case" ? orm.toSnakeCase : orm.toCamelCase : void 0;
  const context = {
    orm,
    dialect: new orm.PgDialect(config.casing ? { casing: config.casing } : void 0),
    columnName: (column) => convert && column.keyAsName ? convert(column.name) : column.name,
    sites,
    enums: /* @__PURE__ */ new Map()
  };
  for (const { value, exportName } of loaded.enums) addEnum(context, value, `enum ${exportName}`, sites.classLocation(value));
  const tables = /* @__PURE__ */ new Map();
  for (const { value, exportName } of loaded.tables) {
    const table = expectedTable(context, value, exportName);
    if (!tables.has(`${table.schema}.${table.name}`)) tables.set(`${table.schema}.${table.name}`, table);
  }
  const views = loaded.views.flatMap(({ value, exportName, materialized }) => {
    const viewConfig = materialized ? orm.getMaterializedViewConfig?.(value) : orm.getViewConfig?.(value);
    if (!viewConfig || viewConfig.isExisting) return [];
    return [{ schema: viewConfig.schema ?? "public", name: viewConfig.name, materialized, entityName: exportName, location: sites.classLocation(value) }];
  });
  const enums = [...context.enums.values()];
  const schemas = [...new Set([...tables.values(), ...views, ...enums].map((object) => object.schema))];
  const ownTables = [
    { schema: config.migrationsSchema, name: config.migrationsTable },
    // drizzle-orm 0.x's pg-proxy migrator, used for the replay, always keeps its log here.
    { schema: "drizzle", name: "__drizzle_migrations" }
  ];
  return { tables: [...tables.values()], enums, views, schemas, ownTables };
}
function expectedTable(context, value, exportName) {
  const { orm, sites, columnName } = context;
  const config = orm.getTableConfig(value);
  const schema = config.schema ?? "public";
  const location = sites.classLocation(value);
  const keys = new Map(Object.entries(orm.getTableColumns(value)).map(([key2, column]) => [column.name, key2]));
  const keyOf = (column) => keys.get(column.name) ?? column.name;
  const columnLocation2 = (column) => sites.memberLocation(value, keyOf(column)) ?? location;
  const entryLocation = (builders, name, columns2) => {
    for (const decorator of builders) {
      const found = name !== void 0 ? sites.decoratorLocation(value, { decorator, name }) : void 0;
      if (found) return found;
      const unnamed = sites.decoratorLocation(value, { decorator, columns: columns2.map(keyOf) });
      if (unnamed) return unnamed;
    }
    return columns2.length === 1 ? columnLocation2(columns2[0]) : location;
  };
  const table = { schema, name: config.name };
  const compositeKey = config.primaryKeys[0]?.columns ?? [];
  const primaryKey = [...config.columns.filter((column) => column.primary), ...compositeKey].map(columnName);
  const columns = config.columns.map(
    (column) => expectedColumn2(context, column, { table, property: `${exportName}.${keyOf(column)}`, location: columnLocation2(column), inPrimaryKey: primaryKey.includes(columnName(column)) })
  );
  const uniques = [
    ...config.columns.filter((column) => column.isUnique).map((column) => ({ name: column.uniqueName, columns: [columnName(column)], location: columnLocation2(column) })),
    ...config.uniqueConstraints.map((unique) => {
      const name = unique.name ?? unique.getName?.();
      return { name, columns: unique.columns.map(columnName), location: entryLocation(["unique"], unique.name, unique.columns) };
    })
  ];
  const indexes = config.indexes.flatMap((index) => {
    const indexColumns = index.config.columns;
    if (!indexColumns.every((column) => isColumn(column) && !orm.is(column, orm.SQL))) return [];
    const cols = indexColumns;
    return [
      {
        name: index.config.name,
        columns: cols.map(columnName),
        unique: index.config.unique,
        ...index.config.where && { where: context.dialect.sqlToQuery(index.config.where, "indexes").sql },
        location: entryLocation([index.config.unique ? "uniqueIndex" : "index"], index.config.name, cols)
      }
    ];
  });
  const foreignKeys = config.foreignKeys.map((fk) => {
    const reference = fk.reference();
    const target = orm.getTableConfig(reference.foreignTable);
    const single = reference.columns.length === 1 ? sites.memberLocation(value, keyOf(reference.columns[0])) : void 0;
    return {
      name: fk.getName(),
      columns: reference.columns.map(columnName),
      referencedTable: { schema: target.schema ?? "public", name: target.name },
      referencedColumns: reference.foreignColumns.map(columnName),
      onDelete: referentialAction(fk.onDelete),
      onUpdate: referentialAction(fk.onUpdate),
      relation: `${exportName}.${reference.columns.map(keyOf).join(", ")}`,
      // `.references()` on the column, or a foreignKey() entry of the callback.
      location: sites.decoratorLocation(value, { decorator: "foreignKey", columns: reference.columns.map(keyOf) }) ?? single ?? location
    };
  });
  const checks = config.checks.map((check) => ({
    name: check.name,
    expression: context.dialect.sqlToQuery(check.value, "indexes").sql,
    location: entryLocation(["check"], check.name, [])
  }));
  return { ...table, kind: "table", entityName: exportName, location, columns, primaryKey, uniques, indexes, foreignKeys, checks };
}
function expectedColumn2(context, column, place) {
  const sqlType = column.getSQLType();
  const dimensions = column.dimensions ?? 0;
  const arraySuffix = dimensions > 0 && !sqlType.endsWith("[]") ? "[]".repeat(dimensions) : "";
  const expected = {
    name: context.columnName(column),
    property: place.property,
    type: `${sqlType}${arraySuffix}`,
    nullable: !column.notNull && !place.inPrimaryKey,
    location: place.location
  };
  const enumType = column.enum ?? column.baseColumn?.enum;
  if (enumType) {
    const name = addEnum(context, enumType, place.property, place.location);
    expected.enum = name;
    expected.type = `${name.schema}.${name.name}${sqlType.endsWith("[]") || dimensions > 0 ? "[]" : ""}`;
    context.enums.get(`${name.schema}.${name.name}`).tables.push(`${place.table.schema}.${place.table.name}`);
  }
  const serial = SERIAL_TYPES[sqlType];
  if (serial) {
    expected.type = serial;
    expected.serial = true;
  }
  if (column.generatedIdentity) expected.identity = column.generatedIdentity.type === "always" ? "ALWAYS" : "BY DEFAULT";
  if (column.generated) {
    const as = typeof column.generated.as === "function" ? column.generated.as() : column.generated.as;
    expected.generated = renderSql(context, as) ?? String(as);
  } else if (column.default !== void 0 && !serial) {
    expected.default = renderDefault(context, column, column.default);
  }
  return expected;
}
function renderDefault(context, column, value) {
  const sql = renderSql(context, value);
  if (sql !== void 0) return sql;
  if (typeof value === "string") return quoteLiteral(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return quoteLiteral(/^date$/.test(column.getSQLType()) ? value.toISOString().slice(0, 10) : value.toISOString().replace("T", " ").replace("Z", ""));
  const isArray = column.baseColumn !== void 0 || (column.dimensions ?? 0) > 0;
  if (isArray && Array.isArray(value)) return quoteLiteral(arrayLiteral(value));
  return quoteLiteral(JSON.stringify(value));
}
function renderSql(context, value) {
  return context.orm.is(value, context.orm.SQL) ? context.dialect.sqlToQuery(value, "indexes").sql : void 0;
}
function arrayLiteral(values) {
  return `{${values.map((v) => Array.isArray(v) ? arrayLiteral(v) : typeof v === "string" ? `"${v.replace(/["\\]/g, "\\$&")}"` : v === null ? "NULL" : typeof v === "object" ? `"${JSON.stringify(v).replace(/["\\]/g, "\\$&")}"` : String(v)).join(",")}}`;
}
function quoteLiteral(text) {
  return `'${text.replace(/'/g, "''")}'`;
}
function addEnum(context, value, usedBy, location) {
  const name = { schema: value.schema ?? "public", name: value.enumName };
  const key2 = `${name.schema}.${name.name}`;
  if (!context.enums.has(key2)) {
    context.enums.set(key2, { ...name, values: [...value.enumValues], usedBy, tables: [], location: context.sites.classLocation(value) ?? location });
  }
  return name;
}
function isColumn(value) {
  return typeof value === "object" && value !== null && typeof value.name === "string";
}

// src/worker/drizzle/load-config.ts
import path11 from "node:path";
var POSTGRES_DRIVERS = /* @__PURE__ */ new Set(["pg", "postgres", "aws-data-api", "pglite", "neon-http", "vercel-postgres"]);
async function loadDrizzleConfig(source, projectDir, projectRequire) {
  const raw = source.configFile ? await readConfigFile(source.configFile, projectDir, projectRequire) : {};
  const shown = source.configFile ? path11.relative(projectDir, source.configFile) : void 0;
  if (raw.dialect !== void 0 && raw.dialect !== "postgresql") {
    throw new GateError("drizzle-unsupported-dialect", `${shown} sets dialect "${String(raw.dialect)}"; migration-gate checks PostgreSQL projects only.`, {
      hint: "Point drizzle-config at the config of the project's PostgreSQL database."
    });
  }
  if (raw.dialect === void 0 && typeof raw.driver === "string" && !POSTGRES_DRIVERS.has(raw.driver)) {
    throw new GateError("drizzle-unsupported-dialect", `${shown} sets driver "${raw.driver}"; migration-gate checks PostgreSQL projects only.`, {
      hint: `Point drizzle-config at the config of the project's PostgreSQL database (driver: "pg", or dialect: "postgresql").`
    });
  }
  const configSchema = typeof raw.schema === "string" ? [raw.schema] : Array.isArray(raw.schema) ? raw.schema.filter((s) => typeof s === "string") : [];
  const schema = source.schema.length ? source.schema : configSchema;
  if (!schema.length) {
    throw new GateError("drizzle-no-schema", `${shown ?? "The options"} name${shown ? "s" : ""} no schema files, so there is nothing to check.`, {
      hint: `Set schema in ${shown ?? "drizzle.config.ts"} (e.g. "./src/db/schema.ts"), or give ${optionLabel("schema")}.`
    });
  }
  const out = source.migrationsDir ?? (typeof raw.out === "string" ? raw.out : "drizzle");
  const casing = raw.casing === "snake_case" || raw.casing === "camelCase" ? raw.casing : void 0;
  return {
    schema,
    migrationsDir: path11.resolve(projectDir, out),
    casing,
    migrationsTable: typeof raw.migrations?.table === "string" ? raw.migrations.table : "__drizzle_migrations",
    migrationsSchema: typeof raw.migrations?.schema === "string" ? raw.migrations.schema : "drizzle",
    origin: source.schema.length || !shown ? optionLabel("schema") : shown
  };
}
async function readConfigFile(file, projectDir, projectRequire) {
  const shown = path11.relative(projectDir, file);
  let exports;
  try {
    exports = await importUserModule(file, projectRequire);
  } catch (error) {
    throw userModuleThrew("drizzle-config-threw", shown, error);
  }
  let config = exports["default"] ?? exports;
  if (config && typeof config === "object" && "default" in config) config = config.default;
  if (!config || typeof config !== "object") {
    throw new GateError("drizzle-config-invalid", `${shown} has no default export with the drizzle-kit config.`, {
      hint: "drizzle-kit expects `export default defineConfig({ dialect, schema, out })`."
    });
  }
  return config;
}

// src/worker/drizzle/load-drizzle.ts
import { createRequire as createRequire3 } from "node:module";
import path12 from "node:path";
function loadUserDrizzle(projectDir) {
  const projectRequire = createRequire3(path12.join(projectDir, "package.json"));
  let entry;
  try {
    entry = projectRequire.resolve("drizzle-orm");
  } catch (error) {
    throw new GateError("drizzle-not-installed", `drizzle-orm is not installed in ${projectDir}.`, {
      hint: "Install the project's dependencies (npm ci) before running the gate, and set working-directory to the folder whose package.json lists drizzle-orm.",
      cause: error
    });
  }
  const version = installedVersion(entry, "drizzle-orm");
  if (!/^(0\.(2[89]|[34]\d)\.|1\.)/.test(version)) {
    throw new GateError("drizzle-unsupported", `drizzle-orm ${version} is installed; migration-gate supports drizzle-orm 0.28 to 0.45 and 1.x.`, {
      hint: "Upgrade drizzle-orm (and drizzle-kit with it) to 0.28 or later."
    });
  }
  const load = (id) => projectRequire(id);
  const optional = (id) => {
    try {
      return load(id);
    } catch {
      return {};
    }
  };
  const root = load("drizzle-orm");
  const pgCore = load("drizzle-orm/pg-core");
  const casing = optional("drizzle-orm/casing");
  const orm = {
    version,
    is: root["is"],
    SQL: root["SQL"],
    getTableColumns: root["getTableColumns"],
    PgTable: pgCore["PgTable"],
    PgView: pgCore["PgView"],
    PgMaterializedView: pgCore["PgMaterializedView"],
    isPgEnum: pgCore["isPgEnum"],
    getTableConfig: pgCore["getTableConfig"],
    getViewConfig: pgCore["getViewConfig"],
    getMaterializedViewConfig: pgCore["getMaterializedViewConfig"],
    PgDialect: pgCore["PgDialect"],
    CasingCache: casing["CasingCache"],
    toSnakeCase: casing["toSnakeCase"],
    toCamelCase: casing["toCamelCase"],
    proxyDrizzle: optional("drizzle-orm/pg-proxy")["drizzle"],
    proxyMigrate: optional("drizzle-orm/pg-proxy/migrator")["migrate"],
    readMigrationFiles: load("drizzle-orm/migrator")["readMigrationFiles"]
  };
  return { orm, projectRequire };
}

// src/worker/drizzle/load-schema.ts
import fs10 from "node:fs";
import path13 from "node:path";
async function loadDrizzleSchema(patterns, options) {
  const { projectDir, orm } = options;
  const files = schemaFiles(patterns, projectDir);
  if (!files.length) {
    throw new GateError("drizzle-schema-not-found", `No schema file matches ${patterns.map((p) => `"${p}"`).join(", ")} (from ${options.origin}, relative to ${projectDir}).`, {
      hint: "Give the files, folders or globs that hold your pgTable definitions, relative to working-directory, as drizzle-kit's schema setting does."
    });
  }
  const loaded = { files, exports: {}, tables: [], enums: [], views: [] };
  const seen = /* @__PURE__ */ new Set();
  for (const file of files) {
    let exports;
    try {
      exports = await importUserModule(file, options.projectRequire);
    } catch (error) {
      throw userModuleThrew("drizzle-schema-threw", `the schema module ${path13.relative(projectDir, file)}`, error);
    }
    for (const [exportName, value] of Object.entries(exports)) loaded.exports[`${files.indexOf(file)}:${exportName}`] = value;
    for (const [exportName, value] of Object.entries(exports)) {
      if (value === null || typeof value !== "object" && typeof value !== "function" || seen.has(value)) continue;
      if (orm.isPgEnum(value)) loaded.enums.push({ exportName, value });
      else if (orm.is(value, orm.PgTable)) loaded.tables.push({ exportName, value });
      else if (orm.PgMaterializedView && orm.is(value, orm.PgMaterializedView)) loaded.views.push({ exportName, value, materialized: true });
      else if (orm.PgView && orm.is(value, orm.PgView)) loaded.views.push({ exportName, value, materialized: false });
      else continue;
      seen.add(value);
    }
  }
  return loaded;
}
function schemaFiles(patterns, projectDir) {
  const globs = patterns.map((pattern) => {
    const full = path13.resolve(projectDir, pattern);
    const isDir = fs10.existsSync(full) && fs10.statSync(full).isDirectory();
    return (isDir ? path13.join(pattern, "**/*") : pattern).replace(/\\/g, "/");
  });
  return globSync(globs, { cwd: projectDir, absolute: true, expandDirectories: false }).filter(isCodeFile).sort();
}

// src/worker/drizzle/replay-migrations.ts
import crypto4 from "node:crypto";
import fs11 from "node:fs";
import path14 from "node:path";

// src/worker/drizzle/bookkeeping-table.ts
var HARDCODED = '"drizzle"."__drizzle_migrations"';
function asRealMigrator(config) {
  const schema = config.migrationsSchema ?? "drizzle";
  const qualified = `${quoteIdentifier(schema)}.${quoteIdentifier(config.migrationsTable ?? "__drizzle_migrations")}`;
  const table = (sql) => sql.split(HARDCODED).join(qualified);
  return {
    own(sql) {
      const renamed = /^\s*CREATE SCHEMA IF NOT EXISTS "drizzle"\s*$/.test(sql) ? `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}` : table(sql);
      return /^\s*CREATE TABLE IF NOT EXISTS/i.test(renamed) && renamed.includes(qualified) ? renamed.replace(/\bcreated_at\s+numeric\b/i, "created_at bigint") : renamed;
    },
    row: (sql) => sql.trimStart().startsWith(`INSERT INTO ${HARDCODED}`) ? table(sql) : sql
  };
}

// src/worker/drizzle/migration-batch.ts
import crypto3 from "node:crypto";
var SEPARATOR = "\n;\n";
function transactionText(statements, beforeCommit = []) {
  return ["BEGIN", ...statements.filter((s) => s.trim()), ...beforeCommit, "COMMIT"].join(SEPARATOR);
}
async function runMigrationBatch(request) {
  const column = `migration_gate_batch_${crypto3.randomBytes(6).toString("hex")}`;
  const text = request.migrations.map((statements, index) => transactionText(statements, [`SELECT ${index} AS "${column}", txid_current()::text AS "${column}_xid"`])).join(SEPARATOR);
  let last;
  let cancelled;
  const query = new esm_default.Query({ text });
  query.on("row", (row) => {
    if (column in row) last = { index: Number(row[column]), xid: String(row[`${column}_xid`]) };
  });
  const finished = new Promise((resolve3) => {
    query.on("end", () => resolve3(true));
    query.on("error", () => resolve3(false));
  });
  const timer = setTimeout(() => cancelled = request.cancel().catch(() => void 0), request.budgetMs);
  void request.client.query(query);
  const ok = await finished.finally(() => clearTimeout(timer));
  await cancelled;
  if (ok) return { committed: request.migrations.length, end: "done" };
  await request.client.query("ROLLBACK");
  return { committed: await committedCount(request.client, last), end: cancelled ? "slow" : "failed" };
}
async function committedCount(client, last) {
  if (!last) return 0;
  const { rows } = await client.query("SELECT txid_status($1::bigint) AS status", [last.xid]);
  return rows[0]?.status === "committed" ? last.index + 1 : last.index;
}
function cancellerFor(connection2, pid) {
  return async () => {
    const other = new esm_default.Client(connection2);
    await other.connect();
    try {
      await other.query("SELECT pg_cancel_backend($1)", [pid]);
    } finally {
      await other.end().catch(() => void 0);
    }
  };
}

// src/worker/drizzle/replay-migrations.ts
var BREAKPOINT = STATEMENT_BREAKPOINT;
var BATCH_MIGRATIONS = 50;
var BATCH_CHARS = 256 * 1024;
var BATCH_BUDGET_MS = 1e3;
async function replayDrizzleMigrations(request) {
  const config = { ...request.connection, ssl: request.connection.ssl };
  const client = new esm_default.Client(config);
  await client.connect();
  try {
    const runner = new MigrationRunner(client, config, request.onMigrationStart, { bookkeepingOnly: request.bookkeepingOnly === true, keepStatements: request.upgrade === true, ...request.only && { only: request.only } });
    let planned;
    try {
      planned = plan(request.orm.readMigrationFiles(request.migrator), request.folder);
    } catch (error) {
      if (request.upgrade || request.bookkeepingOnly) throw cannotUpgrade(`drizzle-orm's migrator refuses the folder (${error instanceof Error ? error.message : String(error)})`);
      return await runner.fallback(request.folder, error);
    }
    const { proxyDrizzle, proxyMigrate } = request.orm;
    if ((request.upgrade || request.bookkeepingOnly) && (!proxyDrizzle || !proxyMigrate)) throw cannotUpgrade(`drizzle-orm ${request.orm.version} has no pg-proxy driver, through which the gate runs the real migrator`);
    if (!proxyDrizzle || !proxyMigrate) {
      await runner.runJobs(planned.filter((m) => !request.only || request.only.has(m.name)).map((m) => ({ migration: m, statements: m.meta.sql })));
      return runner.records;
    }
    const real = asRealMigrator(request.migrator);
    const db = proxyDrizzle(async (sql, params, method) => {
      const result = await client.query({ text: real.own(sql), values: params, ...method === "all" || method === "values" ? { rowMode: "array" } : {} });
      return { rows: result.rows };
    });
    await proxyMigrate(db, (queries) => runner.runAll(queries.map(real.row), planned), request.migrator);
    return runner.records;
  } finally {
    await client.end().catch(() => void 0);
  }
}
function availableMigrations(orm, folder, migrator) {
  try {
    return plan(orm.readMigrationFiles(migrator), folder).map((p) => ({ name: p.name, location: { file: p.file, line: 1 }, hash: p.meta.hash, when: p.meta.folderMillis }));
  } catch {
    const files = folder.format === "journal" ? folder.journal.map((e) => ({ name: e.tag, file: journalEntryFile(folder, e), when: e.when })) : folder.sqlFiles.map((f) => ({ name: f.name, file: f.file, when: void 0 }));
    return files.filter((f) => fs11.existsSync(f.file)).map((f) => ({ name: f.name, location: { file: f.file, line: 1 }, hash: crypto4.createHash("sha256").update(fs11.readFileSync(f.file, "utf8")).digest("hex"), ...f.when !== void 0 && { when: f.when } }));
  }
}
function cannotUpgrade(why) {
  return new GateError("upgrade-unsupported", `The upgrade from the base could not be simulated: ${why}.`);
}
function plan(metas, folder) {
  return metas.map((meta, index) => {
    if (meta.name) return { meta, name: meta.name, file: path14.join(folder.dir, meta.name, "migration.sql") };
    const entry = folder.journal[index];
    return { meta, name: entry?.tag ?? `migration ${index}`, file: entry ? journalEntryFile(folder, entry) : folder.journalFile ?? folder.dir };
  });
}
var MigrationRunner = class {
  constructor(client, config, onMigrationStart, options = {}) {
    this.client = client;
    this.config = config;
    this.onMigrationStart = onMigrationStart;
    this.bookkeepingOnly = options.bookkeepingOnly === true;
    this.keepStatements = options.keepStatements === true;
    this.only = options.only;
  }
  client;
  config;
  onMigrationStart;
  records = [];
  failedBefore = false;
  /** Off after a batch overran its budget: from then on, one migration per round trip. */
  batching = true;
  cancel;
  bookkeepingOnly;
  keepStatements;
  only;
  /**
   * The migrator's queries: each pending migration's statements followed by the INSERT of its
   * hash into the migrations table. Split them back into migrations by that hash.
   */
  async runAll(queries, planned) {
    if (this.bookkeepingOnly) {
      for (const query of queries.filter((q) => /^\s*insert\s+into/i.test(q) && planned.some((p) => q.includes(`'${p.meta.hash}'`)))) await this.client.query(query);
      return;
    }
    const jobs = [];
    let group = [];
    let next = 0;
    for (const query of queries) {
      group.push(query);
      const owner = /^\s*insert\s+into/i.test(query) ? planned.findIndex((p, i) => i >= next && query.includes(`'${p.meta.hash}'`)) : -1;
      if (owner === -1) continue;
      if (!this.only || this.only.has(planned[owner].name)) jobs.push({ migration: planned[owner], statements: group });
      group = [];
      next = owner + 1;
    }
    await this.runJobs(jobs);
    if (group.some((q) => q.trim())) await this.execute(group);
  }
  /**
   * In batches (migration-batch.ts), each migration still in its own transaction. A migration
   * that fails or overruns the budget inside a batch is run again alone, through run(), which
   * names its failing statement and tells the engine it started.
   */
  async runJobs(jobs) {
    let next = 0;
    while (next < jobs.length) {
      const batch = this.batching ? takeBatch(jobs, next) : [];
      if (batch.length < 2) {
        await this.run(jobs[next].migration, jobs[next].statements);
        next++;
        continue;
      }
      const started = Date.now();
      this.onMigrationStart(batch[0].migration.name);
      const outcome = await runMigrationBatch({ client: this.client, migrations: batch.map((j) => j.statements), budgetMs: BATCH_BUDGET_MS, cancel: await this.canceller() });
      const each = Math.round((Date.now() - started) / Math.max(1, outcome.committed));
      for (const [index, job] of batch.slice(0, outcome.committed).entries()) {
        if (index > 0) this.onMigrationStart(job.migration.name);
        this.record(job.migration, job.statements).durationMs = each;
      }
      next += outcome.committed;
      if (outcome.end === "slow") this.batching = false;
      if (outcome.end !== "done") {
        await this.run(jobs[next].migration, jobs[next].statements, { announced: outcome.committed === 0, oneByOne: outcome.end === "failed" });
        next++;
      }
    }
  }
  async canceller() {
    if (!this.cancel) {
      const { rows } = await this.client.query("SELECT pg_backend_pid() AS pid");
      this.cancel = cancellerFor(this.config, rows[0].pid);
    }
    return this.cancel;
  }
  async fallback(folder, refusal) {
    const message = refusal instanceof Error ? refusal.message : String(refusal);
    const files = folder.format === "journal" ? folder.journal.map((entry) => ({ name: entry.tag, file: journalEntryFile(folder, entry), when: entry.when })) : folder.sqlFiles.map((file) => ({ name: file.name, file: file.file, when: void 0 }));
    const present = files.filter((f) => fs11.existsSync(f.file));
    if (present.length === files.length) {
      this.records.push({
        name: path14.basename(folder.dir),
        location: { file: folder.journalFile ?? folder.dir, line: 1 },
        status: "failed",
        durationMs: 0,
        createdTables: [],
        ranAfterFailure: false,
        failure: { message: `drizzle-orm's migrator refuses the folder: ${message}` }
      });
      this.failedBefore = true;
    }
    for (const migration of present) {
      const text = fs11.readFileSync(migration.file, "utf8");
      await this.run({ meta: { sql: text.split(BREAKPOINT), folderMillis: migration.when ?? 0, hash: "" }, name: migration.name, file: migration.file }, text.split(BREAKPOINT));
    }
    return this.records;
  }
  async run(migration, statements, options = {}) {
    if (!options.announced) this.onMigrationStart(migration.name);
    const started = Date.now();
    const record = this.record(migration, statements);
    const failure = options.oneByOne ? await this.executeOneByOne(statements, migration) : await this.execute(statements, migration);
    if (this.keepStatements && failure) record.statements = sentStatements(statements.slice(0, statements.findIndex((s) => s.trim() === failure.statement) + 1 || statements.length));
    record.durationMs = Date.now() - started;
    if (failure) {
      record.status = "failed";
      record.failure = failure;
      record.touches = touchesIn(migration.meta.sql);
      this.failedBefore = true;
    }
  }
  /** The migration's record, as applied; run() marks it failed when it was not. */
  record(migration, statements) {
    const record = {
      name: migration.name,
      timestamp: migration.meta.folderMillis || void 0,
      location: { file: migration.file, line: 1 },
      status: "applied",
      durationMs: 0,
      createdTables: migration.meta.sql.flatMap((statement) => createdTablesIn(statement)),
      ranAfterFailure: this.failedBefore,
      ...this.keepStatements && { statements: sentStatements(statements) }
    };
    this.records.push(record);
    return record;
  }
  /**
   * One transaction; on failure it is rolled back and the failing statement is located in the file.
   * First the whole migration goes in one round trip (Postgres stops at the first error, as the
   * statement-by-statement run would); only when that fails is it rolled back and run again one
   * statement at a time, to name the statement. At 950 migrations that saves some 4,000 round
   * trips through the door. Statements are joined on lines of their own, so a trailing `--`
   * comment cannot swallow the next one.
   */
  async execute(statements, migration) {
    try {
      await this.client.query(transactionText(statements));
      return void 0;
    } catch {
      await this.client.query("ROLLBACK");
    }
    return this.executeOneByOne(statements, migration);
  }
  async executeOneByOne(statements, migration) {
    await this.client.query("BEGIN");
    for (const [index, statement] of statements.entries()) {
      if (!statement.trim()) continue;
      try {
        await this.client.query(statement);
      } catch (error) {
        await this.client.query("ROLLBACK");
        const isOwn = migration !== void 0 && index < migration.meta.sql.length;
        return { ...failureOf2(error), statement: statement.trim(), statementLine: isOwn ? lineOfStatement(migration.meta.sql, index) : void 0 };
      }
    }
    try {
      await this.client.query("COMMIT");
    } catch (error) {
      const failure = failureOf2(error);
      return { ...failure, message: `${failure.message} (when committing, after its last statement)`, statement: "COMMIT" };
    }
    return void 0;
  }
};
function failureOf2(error) {
  const err = error;
  return { code: typeof err.code === "string" ? err.code : void 0, message: err.message ?? String(error) };
}
function sentStatements(statements) {
  return statements.filter((s) => s.trim()).map((s) => s.trim());
}
function takeBatch(jobs, start) {
  let chars = 0;
  let end = start;
  while (end < jobs.length && end - start < BATCH_MIGRATIONS) {
    chars += jobs[end].statements.reduce((sum, s) => sum + s.length, 0);
    if (chars > BATCH_CHARS && end > start) break;
    end++;
  }
  return jobs.slice(start, end);
}
function lineOfStatement(statements, index) {
  const before = statements.slice(0, index).join(BREAKPOINT) + (index > 0 ? BREAKPOINT : "");
  const leading = /^\s*/.exec(statements[index])[0];
  return (before + leading).split("\n").length;
}

// src/worker/drizzle/push-baseline.ts
async function pushToEmptyDatabase(options) {
  const kit = loadKitApi(options.projectRequire);
  const empty2 = await kit.generateDrizzleJson({});
  const current = await kit.generateDrizzleJson(options.exports, void 0, void 0, options.casing);
  const statements = await kit.generateMigration(empty2, current);
  const client = new esm_default.Client({ ...options.connection, ssl: options.connection.ssl });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => void 0);
    throw new GateError("push-simulation-failed", `drizzle-kit's push SQL for the base revision failed on the throwaway database: ${error.message}`, { cause: error });
  } finally {
    await client.end().catch(() => void 0);
  }
  return statements.length;
}
function loadKitApi(projectRequire) {
  const tried = [];
  for (const entry of ["drizzle-kit/api-postgres", "drizzle-kit/api"]) {
    try {
      const api = projectRequire(entry);
      if (typeof api.generateDrizzleJson === "function" && typeof api.generateMigration === "function") return api;
      tried.push(`${entry} (no generateDrizzleJson/generateMigration)`);
    } catch (error) {
      tried.push(`${entry} (${error.message.split("\n")[0]})`);
    }
  }
  throw new GateError("push-simulation-unavailable", `simulate-push needs the project's drizzle-kit, which builds the pushed schema: ${tried.join("; ")}.`, {
    hint: "Install drizzle-kit in the project (it is a devDependency of most Drizzle projects), or set simulate-push: false."
  });
}

// src/worker/drizzle/run-drizzle-project.ts
async function runDrizzleProject({ projectDir, project, connection: connection2, appliedRows: appliedRows2, onTracking, sites, onPhase, onMigrationStart, onResult }) {
  onPhase("load");
  const loadStarted = Date.now();
  const { orm, projectRequire } = loadUserDrizzle(projectDir);
  const config = await loadDrizzleConfig(project, projectDir, projectRequire);
  const loaded = await loadDrizzleSchema(config.schema, { projectDir, origin: config.origin, orm, projectRequire });
  const expected = drizzleExpectedSchema(loaded, config, orm, sites);
  const folder = readDrizzleFolder(config.migrationsDir);
  const load = Date.now() - loadStarted;
  const format = folder.format === "journal" ? "drizzle-journal" : "drizzle-folders";
  onTracking({ schema: config.migrationsSchema ?? "drizzle", name: config.migrationsTable ?? "__drizzle_migrations", format });
  const database = await connection2;
  const applied = await appliedRows2;
  onPhase("migrate");
  const migrateStarted = Date.now();
  const migrator = { migrationsFolder: config.migrationsDir, migrationsTable: config.migrationsTable, migrationsSchema: config.migrationsSchema };
  const hasMigrations = folder.sqlFiles.length > 0 || folder.journal.length > 0;
  const available = applied && availableMigrations(orm, folder, migrator);
  const only = applied && appliedNames(format, available, applied);
  const migrations = hasMigrations ? await replayDrizzleMigrations({ orm, folder, migrator, connection: database, onMigrationStart, ...only && { only } }) : [];
  await onResult({
    orm: { name: "drizzle", version: orm.version },
    entityCount: expected.tables.length,
    expected,
    migrations,
    migrationsOption: [path15.relative(projectDir, config.migrationsDir) || "."],
    drizzleFolder: folder,
    ...available && { available },
    timings: { load, migrate: Date.now() - migrateStarted }
  });
  return async (other, mode) => {
    if (mode === "synchronize") throw new GateError("rerun-mode", "synchronize is not a Drizzle baseline");
    if (mode === "push") await pushToEmptyDatabase({ exports: loaded.exports, ...config.casing && { casing: config.casing }, projectRequire, connection: other });
    if (!hasMigrations) return [];
    const replayed = await replayDrizzleMigrations({ orm, folder, migrator, connection: other, onMigrationStart, upgrade: mode === "upgrade", bookkeepingOnly: mode === "push" });
    return mode === "push" ? [] : replayed;
  };
}

// src/worker/main.ts
function send(message) {
  return new Promise((resolve3) => process.send(message, void 0, void 0, () => resolve3()));
}
var resolveConnection = () => void 0;
var connection = new Promise((resolve3) => resolveConnection = resolve3);
var resolveApplied = () => void 0;
var appliedRows = new Promise((resolve3) => resolveApplied = resolve3);
var guard = globalThis[/* @__PURE__ */ Symbol.for("migration-gate.guard")];
async function main(request) {
  process.setSourceMapsEnabled(true);
  if (!guard) throw new GateError("guard-missing", "migration-gate's connection guard did not load in the process that runs your project, so the gate stopped before loading it.", { hint: "Something replaced NODE_OPTIONS for the worker; report this as a bug." });
  guard.loading();
  const cacheDir = request.transformCache ? transformCacheDir(request.projectDir) : void 0;
  const tsconfig = readTsconfig(request.projectDir, cacheDir);
  const settings = { tsconfig, cacheDir, ...request.transpiler.kind === "oxc" && { oxcBinding: request.transpiler.binding } };
  hooks = installTransformHooks(settings, { esm: needsEsmHooks(request) });
  const sites = new SiteRegistry();
  sites.install();
  const shared = {
    connection,
    appliedRows,
    onTracking: (tracking) => void send({ type: "tracking", tracking }),
    sites,
    onPhase: (phase) => {
      if (phase === "migrate") guard?.loaded();
      void send({ type: "phase", phase });
    },
    onMigrationStart: (name) => void send({ type: "migration-start", name }),
    onResult: async (result) => {
      if (!request.crossCheck) await flushCaches();
      await send({ type: "result", result });
    }
  };
  const rerun = request.project.kind === "drizzle" ? await runDrizzleProject({ ...shared, projectDir: request.projectDir, project: request.project }) : await runTypeormProject({
    ...shared,
    request,
    onOracle: async (oracle) => {
      await flushCaches();
      await send({ type: "oracle", oracle });
    }
  });
  for (let i = 0; i < (request.reruns ?? 0); i++) {
    const next = await nextRerun();
    if (!next) continue;
    try {
      await send({ type: "rerun-result", migrations: await rerun(next.connection, next.mode, next.names) });
    } catch (error) {
      await send({ type: "rerun-error", error: serializeError(error) });
    }
  }
}
async function flushCaches() {
  await (hooks ? hooks.flush() : flushCacheWrites());
}
var hooks;
var reruns = [];
var rerunArrived = () => void 0;
async function nextRerun() {
  while (reruns.length === 0) await new Promise((resolve3) => rerunArrived = resolve3);
  return reruns.shift();
}
function needsEsmHooks({ projectDir, project }) {
  if (packageScope(path16.join(projectDir, "package.json")) === "module") return true;
  if (project.kind === "drizzle") return [project.configFile ?? "", ...project.schema].some((file) => /\.m[jt]s\b/.test(file));
  const files = project.kind === "data-source" ? [project.file] : project.kind === "ormconfig" ? [project.file ?? ""] : [...project.entities, ...project.migrations];
  return files.some((file) => /\.m[jt]s\b|\{[^}]*m[jt]s/.test(file) || project.kind === "data-source" && moduleFormat(file) === "module");
}
process.on("message", (message) => {
  if (message.type === "connection") {
    resolveApplied(message.appliedRows);
    resolveConnection(message.connection);
    return;
  }
  if (message.type === "rerun" || message.type === "rerun-skip") {
    reruns.push(message.type === "rerun" ? { connection: message.connection, mode: message.mode, ...message.names && { names: message.names } } : void 0);
    rerunArrived();
    return;
  }
  main(message.request).catch(async (error) => {
    await flushCaches();
    await send({ type: "error", error: serializeError(error) });
  }).finally(() => process.exit(0));
});
process.on("disconnect", () => process.exit(1));
process.on("unhandledRejection", (reason) => {
  process.stderr.write(`migration-gate: unhandled rejection in project code: ${reason instanceof Error ? reason.stack : String(reason)}
`);
});
