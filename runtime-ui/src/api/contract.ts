/**
 * Compile-time checks that a hand-written API type agrees with the generated one in `schema.d.ts` (the OpenAPI
 * contract), for the types that stay hand-written because they say more than springdoc's schema: springdoc marks
 * no field required and no field nullable, so the hand-written `count: number` or `value?: number | null` cannot
 * be an alias of the generated `count?: number`. The checks compare the fields after dropping `?` and `null`
 * (`Loose`); a field the schema leaves untyped (`unknown`, from `JsonNode`/`Object`) accepts any hand-written type.
 *
 * Use: `export type _X = Agrees<Mismatch<Hand, S['Gen']>>;` — when the server renames, drops, retypes or adds a
 * field, `tsc` fails with the field's name ("Type '"rank"' does not satisfy the constraint 'never'").
 */

/**
 * `T` without `?`, `null` and `undefined`, at every depth; `unknown`/`any` become `any` (no constraint). A nested
 * object that keeps unnamed fields (named fields plus an index signature, like `Unit`) becomes `any` too: it is
 * checked on its own with `Subset`.
 */
export type Loose<T> = unknown extends T
  ? any
  : T extends readonly (infer E)[]
    ? Loose<Exclude<E, null | undefined>>[]
    : T extends object
      ? string extends keyof T
        ? [NamedKeys<T>] extends [never]
          ? { [K in keyof T]-?: Loose<Exclude<T[K], null | undefined>> }
          : any
        : { [K in keyof T]-?: Loose<Exclude<T[K], null | undefined>> }
      : T;

/** The named keys of `T`, without an index signature (`[k: string]: unknown`). */
export type NamedKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};

type Compatible<A, B> = [Loose<Exclude<A, null | undefined>>] extends [Loose<Exclude<B, null | undefined>>]
  ? [Loose<Exclude<B, null | undefined>>] extends [Loose<Exclude<A, null | undefined>>]
    ? true
    : false
  : false;

/** `H`'s named fields that the generated `G` lacks or types differently. */
type Changed<H, G, K> = K extends keyof G ? (K extends keyof H ? (Compatible<H[K], G[K]> extends true ? never : K) : never) : K;

/**
 * The fields on which the hand-written `H` and the generated `G` disagree: missing on either side or typed
 * differently; `never` when they agree. Fields in `Skip` are left out (say why where it is used).
 */
export type Mismatch<H, G, Skip extends PropertyKey = never> =
  | Changed<H, G, Exclude<NamedKeys<H>, Skip>>
  | Exclude<NamedKeys<G>, NamedKeys<H> | Skip>;

/**
 * Like `Mismatch`, for a hand-written type that names only some of the server's fields (a summary, or a type that
 * keeps the rest with an index signature): each of `H`'s named fields must exist in `G` with the same type.
 */
export type Subset<H, G, Skip extends PropertyKey = never> = Changed<H, G, Exclude<NamedKeys<H>, Skip>>;

/** Fails to compile unless the mismatch is empty. */
export type Agrees<M extends never> = M;
