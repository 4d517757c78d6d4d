import { isDeletedType, madeSince, valueBefore, refusedChanges, roots, stampItem, type Offence, type Refusal, type WriteContext, type Writer } from '@bodem/shared';
import { templateById } from '@bodem/templates';
import type { RoomLimits } from './limits.ts';
import * as Y from 'yjs';

/**
 * Applies a client's update to the room's document and takes back what its
 * writer may not change (schema/permissions.ts), by a compensating update.
 *
 * Dropping a refused update instead would not do: Yjs updates of one client
 * form a chain, and every later update of that tablet would wait forever
 * for the missing link. So the update is applied, and an undo limited to the
 * refused subtrees writes the previous values back. The sender receives that
 * undo like everyone else and converges to the allowed state.
 *
 * The UndoManager captures only transactions that hold a refused change
 * (`captureTransaction`), so ordinary updates are never tracked: tracking
 * keeps deleted content from being garbage collected, and deleted note text
 * must not linger in memory or in stored snapshots.
 */
export class WriteGuard {
  private readonly undo: Y.UndoManager;
  private writer: Writer | null = null;
  private origin: unknown = null;
  private refusals: Refusal[] = [];
  /** What `Y.applyUpdate` threw during the current apply. */
  private fault: Error | null = null;

  /** New items to remove again, and existing items' keys to write back, after the apply. */
  private toDiscard: { id: string; offence: Offence }[] = [];
  private toRevert: { item: Y.Map<unknown>; key: string; had: boolean; value: unknown; offence: Offence }[] = [];
  /** Items the writer created under another author, side or time: stamped from the token after the apply. */
  private toStamp: Y.Map<unknown>[] = [];
  /** Set for an update refused as a whole (too large, meeting full): everything it integrates is taken back. */
  private refuseAll: Offence | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: Pick<RoomLimits, 'maxTextLength' | 'itemsPerBoard'> = { maxTextLength: 1000, itemsPerBoard: 1000 },
    /** A personal document's rules (schema/permissions.ts `personal`): everyone who writes here is held to them. */
    private readonly personal: WriteContext['personal'] | null = null,
  ) {
    this.undo = new Y.UndoManager(doc, {
      captureTimeout: 0,
      trackedOrigins: new Set(),
      captureTransaction: (tr) => {
        if (!this.writer || tr.origin !== this.origin) return false;
        // A fault, or an update refused whole: everything the transaction integrated is taken back.
        if (this.fault || this.refuseAll) return true;
        const ctx: WriteContext = {
          created: (type) => madeSince(type, tr.beforeState),
          now: Date.now(),
          maxTextLength: this.limits.maxTextLength,
          maxItemsPerBoard: this.limits.itemsPerBoard,
          stamp: (item) => this.toStamp.push(item),
          template: templateById,
          ...(this.personal ? { personal: this.personal } : {}),
          discard: (id, offence) => this.toDiscard.push({ id, offence }),
          revertKey: (item, key, offence) => {
            // Read now, before what the transaction replaced is collected.
            const { had, value } = valueBefore(item, key, tr);
            this.toRevert.push({ item, key, had, value, offence });
          },
        };
        this.refusals = this.refusals.concat(refusedChanges(doc, tr.changed as Map<Y.AbstractType<unknown>, Set<string | null>>, this.writer, ctx));
        return this.refusals.length > 0;
      },
    });
  }

  /**
   * Applies `update` with `origin` and reverts the writer's refused changes.
   *
   * The facilitator's update is applied as it is; what `Y.applyUpdate`
   * throws is thrown. Anyone else's update that throws while it is applied
   * (yjs integrates structs before it reads the delete set, so a lying
   * update throws after its change is in) is taken back as a whole: every
   * struct the transaction integrated is deleted again and every deletion
   * restored, and `fault` says why. The apply runs inside a transaction of
   * our own, so the throw is caught before the transaction ends and the
   * UndoManager sees it as a fault.
   */
  apply(
    update: Uint8Array,
    origin: object,
    writer: Writer,
    refuseAll: Offence | null = null,
  ): { refusals: Refusal[]; fault: Error | null; stamped: number } {
    if (writer.role === 'facilitator' && !this.personal) {
      Y.applyUpdate(this.doc, update, origin);
      return { refusals: [], fault: null, stamped: 0 };
    }
    this.toStamp = [];
    this.toDiscard = [];
    this.toRevert = [];
    this.writer = writer;
    this.origin = origin;
    this.refusals = [];
    this.fault = null;
    this.refuseAll = refuseAll;
    this.undo.trackedOrigins.add(origin);
    try {
      this.doc.transact(() => {
        try {
          Y.applyUpdate(this.doc, update, origin);
        } catch (e) {
          this.fault = e instanceof Error ? e : new Error(String(e));
        }
      }, origin);
    } finally {
      this.undo.trackedOrigins.delete(origin);
      this.writer = null;
      this.origin = null;
      this.refuseAll = null;
    }
    const fault = this.fault;
    this.fault = null;
    const whole = fault !== null || refuseAll !== null;
    const refusals = fault ? [] : refuseAll ? [{ offence: refuseAll, scope: roots(this.doc).items as unknown as Y.AbstractType<unknown> }] : this.refusals;
    this.refusals = [];
    if (this.undo.undoStack.length > 0) {
      this.undo.scope = whole ? [this.doc] : refusals.map((r) => r.scope);
      try {
        while (this.undo.undoStack.length > 0) this.undo.undo();
      } finally {
        // Clearing releases the kept items of the whole document, not only of the refused scopes.
        this.undo.scope = [this.doc];
        this.undo.clear();
      }
    }
    // Items: refused new ones removed, refused keys written back, and kept
    // new ones given the token's author, side and time. Done directly, as the
    // relay's own change: exact, and nothing else of the item is touched.
    const now = Date.now();
    let stamped = 0;
    const discard = whole ? [] : this.toDiscard;
    const revert = whole ? [] : this.toRevert.filter((r) => !isDeletedType(r.item) && r.item.doc === this.doc);
    const stamp = whole ? [] : this.toStamp.filter((item) => !isDeletedType(item) && item.doc === this.doc);
    this.toDiscard = [];
    this.toRevert = [];
    this.toStamp = [];
    if (discard.length || revert.length || stamp.length) {
      const items = roots(this.doc).items;
      this.doc.transact(() => {
        for (const d of discard) items.delete(d.id);
        for (const r of revert) {
          if (r.had) r.item.set(r.key, r.value);
          else r.item.delete(r.key);
        }
        for (const item of stamp) if (!isDeletedType(item) && stampItem(item, writer, now)) stamped++;
      }, this.undo);
    }
    const fixed = [...discard, ...revert].map((x) => ({ offence: x.offence, scope: roots(this.doc).items as unknown as Y.AbstractType<unknown> }));
    return { refusals: refusals.concat(fixed), fault, stamped };
  }

  destroy(): void {
    this.undo.destroy();
  }
}
