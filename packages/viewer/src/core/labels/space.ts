/**
 * The screen as labels see it: node discs that no label may cover, and the
 * label boxes already placed. A uniform grid of buckets, so that a test
 * looks at the few cells a box touches (thousands of discs on screen).
 */

/** A rectangle in viewport pixels. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Disc {
  key: string;
  x: number;
  y: number;
  radius: number;
  /** Place in the order of importance (0 first); absent: as important as any. */
  rank?: number;
  /** Its node has a label (set by LabelSpace when one is placed). */
  labelled?: boolean;
  /** A label covers part of it (see placeLabels' exception): its node gets no label of its own. */
  covered?: boolean;
}

export const boxesIntersect = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

export function discIntersectsBox(d: Disc, b: Box): boolean {
  const cx = Math.min(Math.max(d.x, b.x1), b.x2);
  const cy = Math.min(Math.max(d.y, b.y1), b.y2);
  return (d.x - cx) ** 2 + (d.y - cy) ** 2 < d.radius * d.radius;
}

class Grid<T> {
  private cells = new Map<number, T[]>();
  constructor(private readonly cell: number) {}

  /** Calls `fn` with the cell ids a box touches; stops when it returns true. */
  private cellsOf(b: Box, fn: (id: number) => boolean | void): boolean {
    const c = this.cell;
    const i1 = Math.floor(b.x1 / c);
    const i2 = Math.floor(b.x2 / c);
    const j1 = Math.floor(b.y1 / c);
    const j2 = Math.floor(b.y2 / c);
    for (let i = i1; i <= i2; i++) for (let j = j1; j <= j2; j++) if (fn(i * 65_536 + j)) return true;
    return false;
  }

  add(b: Box, item: T): void {
    this.cellsOf(b, (id) => {
      const list = this.cells.get(id);
      if (list) list.push(item);
      else this.cells.set(id, [item]);
    });
  }

  some(b: Box, test: (item: T) => boolean): boolean {
    return this.cellsOf(b, (id) => this.cells.get(id)?.some(test) ?? false);
  }

  count(b: Box, test: (item: T) => boolean): number {
    const seen = new Set<T>();
    this.cellsOf(b, (id) => void this.cells.get(id)?.forEach((item) => test(item) && seen.add(item)));
    return seen.size;
  }
}

export class LabelSpace {
  private discs: Grid<Disc>;
  private boxes: Grid<Box>;
  private byKey = new Map<string, Disc>();

  constructor(cell = 64) {
    this.discs = new Grid(cell);
    this.boxes = new Grid(cell);
  }

  addDisc(d: Disc): void {
    this.byKey.set(d.key, d);
    this.discs.add({ x1: d.x - d.radius, y1: d.y - d.radius, x2: d.x + d.radius, y2: d.y + d.radius }, d);
  }

  /**
   * A placed label's box; `of` is the node it names, whose disc no later
   * label may cover. Discs the box covers are marked: a label of their own
   * would sit beside a disc partly hidden, and make the label over it cover a
   * labelled node after all.
   */
  addBox(b: Box, of?: string): void {
    this.boxes.add(b, b);
    const d = of === undefined ? undefined : this.byKey.get(of);
    if (d) d.labelled = true;
    this.discs.some(b, (c) => {
      if (c.key !== of && discIntersectsBox(c, b)) c.covered = true;
      return false;
    });
  }

  /** Whether a placed label covers part of this node's disc. */
  isCovered(key: string): boolean {
    return this.byKey.get(key)?.covered === true;
  }

  /**
   * Whether a box covers no placed label and no disc but those of `own` (the
   * labelled node or the edge's ends). With `above` (a rank), the discs of
   * unlabelled nodes ranked after it do not count: see placeLabels.
   */
  isFree(b: Box, own: readonly string[] = [], above?: number): boolean {
    const blocks = (d: Disc) =>
      !own.includes(d.key) && (above === undefined || d.labelled === true || (d.rank ?? -1) <= above) && discIntersectsBox(d, b);
    return !this.boxes.some(b, (o) => boxesIntersect(o, b)) && !this.discs.some(b, blocks);
  }

  /** How badly a box collides: labels it covers weigh more than discs. */
  cost(b: Box, own: readonly string[] = []): number {
    return 10 * this.boxes.count(b, (o) => boxesIntersect(o, b)) + this.discs.count(b, (d) => !own.includes(d.key) && discIntersectsBox(d, b));
  }
}
