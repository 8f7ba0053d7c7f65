// What a service folder (./services/<service>/) contributes to the emulator: its slice of the account
// model, its slice of the index built from it, and the products it answers. ./services/index.ts lists
// the services; the account model, the index and the product table are merged from that list.
import type { z } from 'zod';
import type { ShapeContext } from './fill.js';
import type { Expect } from './model-fields.js';
import type { EmulatedProduct } from './protocol.js';

/**
 * Each function is given the whole parsed model (or region) and declares, by the type of its parameter,
 * the part it reads (its own slice, and any other service's it builds on).
 */
export interface EmulatedService {
  /** fields the service adds to every region of the account model: `regions.<id>.<field>` */
  readonly regionFields?: z.ZodRawShape;
  /** top-level fields the service adds to the account model */
  readonly accountFields?: z.ZodRawShape;
  /** the references within a region no schema states (an id pointed at exists); paths from the region */
  checkRegion?(region: never, regionId: string, expect: Expect): void;
  /** the references across the account no schema states */
  checkAccount?(model: never, expect: Expect): void;
  /** the region's items as served, and their lookups: merged into RegionIndex */
  indexRegion?(region: never, context: ShapeContext): object;
  /** the account-level items as served, and their lookups: merged into AccountIndex */
  indexAccount?(model: never): object;
  /** the products it answers: entries of the table the server asks who answers a request */
  readonly products: readonly EmulatedProduct[];
}

/** Keeps the service's own types (what its functions read and build) for the merged model and index. */
export const defineService = <S extends EmulatedService>(service: S): S => service;

// A service without the member adds nothing: `{}`, which a union would not absorb as it absorbs `unknown`.
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The services' `regionFields` (or another member's type) merged: one object type with every field. */
export type Merged<S, K extends keyof EmulatedService> = UnionToIntersection<
  S extends { readonly [P in K]: infer F } ? (F extends (...args: never[]) => infer R ? R : F) : {}
>;

/** What the services' `K` functions read, merged: the model must give each of them what it declares. */
export type Reads<S, K extends 'checkRegion' | 'checkAccount' | 'indexRegion' | 'indexAccount'> = UnionToIntersection<
  S extends { readonly [P in K]: (input: infer I, ...rest: never[]) => unknown } ? I : {}
>;
