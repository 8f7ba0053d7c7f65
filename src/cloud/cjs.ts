// The Alibaba SDKs are CommonJS with `exports.default`. Node's ESM loader hands us the whole exports object
// (the class is on `.default`); bundler-style loaders (vitest) already unwrap it. Accept both.
export function cjsDefault<T>(module: { default: T }): T {
  return typeof module === 'function' ? (module as unknown as T) : module.default;
}
