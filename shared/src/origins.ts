/**
 * Typed transaction origins. They are singletons because Y.UndoManager
 * compares origins by identity: only `user` edits are undoable.
 */
export type OriginKind = 'user' | 'remote' | 'template' | 'migration';

export interface Origin {
  readonly kind: OriginKind;
}

export const origins: { readonly [K in OriginKind]: Origin & { readonly kind: K } } = {
  user: Object.freeze({ kind: 'user' }),
  remote: Object.freeze({ kind: 'remote' }),
  template: Object.freeze({ kind: 'template' }),
  migration: Object.freeze({ kind: 'migration' }),
};
