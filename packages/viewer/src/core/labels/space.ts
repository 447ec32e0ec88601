/**
 * The screen as labels see it: node discs that no label may cover, and the
 * label boxes already placed. Discs are kept in flat arrays, bucketed by the
 * grid cell of their centre (a linked list per cell): the label pass adds
 * every disc on screen on every frame, 50,000 on the biggest graphs, and
 * objects or maps per disc made that the slowest part of a frame.
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
}

export const boxesIntersect = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

export function discIntersectsBox(d: Disc, b: Box): boolean {
  return circleHitsBox(d.x, d.y, d.radius, b);
}

function circleHitsBox(x: number, y: number, r: number, b: Box): boolean {
  const cx = x < b.x1 ? b.x1 : x > b.x2 ? b.x2 : x;
  const cy = y < b.y1 ? b.y1 : y > b.y2 ? b.y2 : y;
  return (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r;
}

const LABELLED = 1;
const COVERED = 2;

export class LabelSpace {
  private readonly cols: number;
  private readonly rows: number;
  private readonly heads: Int32Array;
  private n = 0;
  private xs = new Float64Array(256);
  private ys = new Float64Array(256);
  private rs = new Float64Array(256);
  private ranks = new Float64Array(256);
  private flags = new Uint8Array(256);
  private next = new Int32Array(256);
  private keys: string[] = [];
  private index = new Map<string, number>();
  private maxRadius = 0;
  private boxes: Box[] = [];

  /** `width` × `height`: the viewport; discs beyond it fall in its edge cells. */
  constructor(width = 4096, height = 4096, private readonly cell = 48) {
    this.cols = Math.max(1, Math.ceil(width / cell));
    this.rows = Math.max(1, Math.ceil(height / cell));
    this.heads = new Int32Array(this.cols * this.rows).fill(-1);
  }

  private col(x: number): number {
    const c = Math.floor(x / this.cell);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private row(y: number): number {
    const r = Math.floor(y / this.cell);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  private grow(): void {
    const size = this.xs.length * 2;
    const copy = <T extends Float64Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.xs = copy(this.xs, (n) => new Float64Array(n));
    this.ys = copy(this.ys, (n) => new Float64Array(n));
    this.rs = copy(this.rs, (n) => new Float64Array(n));
    this.ranks = copy(this.ranks, (n) => new Float64Array(n));
    this.flags = copy(this.flags, (n) => new Uint8Array(n));
    this.next = copy(this.next, (n) => new Int32Array(n));
  }

  addDisc(d: Disc): void {
    this.addDiscAt(d.key, d.x, d.y, d.radius, d.rank ?? -1);
  }

  /** A disc, without an object per disc (the label pass adds thousands a frame). */
  addDiscAt(key: string, x: number, y: number, radius: number, rank: number): void {
    if (this.n === this.xs.length) this.grow();
    const i = this.n++;
    this.xs[i] = x;
    this.ys[i] = y;
    this.rs[i] = radius;
    this.ranks[i] = rank;
    this.flags[i] = 0;
    this.keys[i] = key;
    this.index.set(key, i);
    if (radius > this.maxRadius) this.maxRadius = radius;
    const c = this.row(y) * this.cols + this.col(x);
    this.next[i] = this.heads[c]!;
    this.heads[c] = i;
  }

  /** Calls `fn` with every disc whose centre cell is near enough to touch the box; stops when it returns true. */
  private someDisc(b: Box, fn: (i: number) => boolean): boolean {
    const m = this.maxRadius;
    const c1 = this.col(b.x1 - m);
    const c2 = this.col(b.x2 + m);
    const r1 = this.row(b.y1 - m);
    const r2 = this.row(b.y2 + m);
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) {
        for (let i = this.heads[r * this.cols + c]!; i !== -1; i = this.next[i]!) if (fn(i)) return true;
      }
    }
    return false;
  }

  private hits(i: number, b: Box): boolean {
    return circleHitsBox(this.xs[i]!, this.ys[i]!, this.rs[i]!, b);
  }

  /**
   * A placed label's box; `of` is the node it names, whose disc no later
   * label may cover. Discs the box covers are marked: a label of their own
   * would sit beside a disc partly hidden, and make the label over it cover a
   * labelled node after all.
   */
  addBox(b: Box, of?: string): void {
    this.boxes.push(b);
    const own = of === undefined ? -1 : (this.index.get(of) ?? -1);
    if (own >= 0) this.flags[own]! |= LABELLED;
    this.someDisc(b, (i) => {
      if (i !== own && this.hits(i, b)) this.flags[i]! |= COVERED;
      return false;
    });
  }

  /** Whether a placed label covers part of this node's disc. */
  isCovered(key: string): boolean {
    const i = this.index.get(key);
    return i !== undefined && (this.flags[i]! & COVERED) !== 0;
  }

  private boxCount(b: Box): number {
    let n = 0;
    for (const o of this.boxes) if (boxesIntersect(o, b)) n++;
    return n;
  }

  /**
   * Whether a box covers no placed label and no disc but those of `own` (the
   * labelled node or the edge's ends). With `above` (a rank), the discs of
   * unlabelled nodes ranked after it do not count: see placeLabels.
   */
  isFree(b: Box, own: readonly string[] = [], above?: number): boolean {
    for (const o of this.boxes) if (boxesIntersect(o, b)) return false;
    return !this.someDisc(
      b,
      (i) =>
        (above === undefined || (this.flags[i]! & LABELLED) !== 0 || this.ranks[i]! <= above) && this.hits(i, b) && !own.includes(this.keys[i]!),
    );
  }

  /** How badly a box collides: labels it covers weigh more than discs. */
  cost(b: Box, own: readonly string[] = []): number {
    let discs = 0;
    this.someDisc(b, (i) => {
      if (this.hits(i, b) && !own.includes(this.keys[i]!)) discs++;
      return false;
    });
    return 10 * this.boxCount(b) + discs;
  }
}
