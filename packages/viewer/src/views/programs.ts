/**
 * Sigma's WebGL programs, made cheap to draw again and again.
 *
 * Sigma's stock programs are instanced (one small mesh per node or edge,
 * repeated by `drawArraysInstanced`) and upload their whole vertex array on
 * every frame. On a GPU both are fine. With software WebGL (SwiftShader:
 * virtual machines, remote desktops, CI, blocklisted GPUs) every instance is
 * drawn as a separate draw inside the rasteriser, with thread hand-offs
 * around each: a camera move over a 10k-node, 50k-edge graph took several
 * seconds a frame, nearly all of it that overhead rather than pixels.
 *
 * `fast(Program)` turns such a program into a plain one (each vertex carries
 * the item's values followed by its own per-vertex constants) and uploads the
 * array only when an item changed, so a camera move uploads nothing. It draws
 * the same pixels: only the vertex layout differs.
 */
import type { InstancedProgramDefinition, ProgramAttributeSpecification, ProgramDefinition, ProgramInfo } from "sigma/rendering";

/** What fast() uses of sigma's Program (sigma 3.0: rendering/program.ts). */
interface SigmaProgram {
  array: Float32Array;
  ATTRIBUTES: ProgramAttributeSpecification[];
  getDefinition(): ProgramDefinition | InstancedProgramDefinition;
  reallocate(capacity: number): void;
  // Node and edge programs take different arguments; fast() only passes them on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  process(...args: any[]): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  processVisibleItem(...args: any[]): void;
}

/** Program's protected members that the upload step needs. */
interface Binding {
  bindAttribute(attr: ProgramAttributeSpecification, program: ProgramInfo, offset: number): number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

interface Layout {
  vertices: number;
  /** Floats an item takes in the instanced layout (what processVisibleItem writes). */
  itemFloats: number;
  /** Per-vertex constants, one vector per vertex. */
  constants: number[][];
  scratch: Float32Array;
}

const UNSIGNED_BYTE = 0x1401; // WebGLRenderingContext.UNSIGNED_BYTE

/** Floats that attributes take in sigma's array (a colour is four bytes packed in one float). */
export function attributeFloats(attrs: readonly ProgramAttributeSpecification[]): number {
  return attrs.reduce((n, a) => n + (a.type === UNSIGNED_BYTE ? a.size / 4 : a.size), 0);
}

/**
 * Copies an item written in the instanced layout (`item`) once per vertex,
 * each copy followed by that vertex's constants.
 */
export function expandItem(item: Float32Array, constants: readonly (readonly number[])[], out: Float32Array, start: number): void {
  let o = start;
  for (const c of constants) {
    for (let j = 0; j < item.length; j++) out[o++] = item[j]!;
    for (let j = 0; j < c.length; j++) out[o++] = c[j]!;
  }
}

export function fast<C>(Program: C): C {
  const Base = Program as unknown as Constructor<SigmaProgram>;
  class FastProgram extends Base {
    /** Bumped when the vertex array changes; each GL buffer (normal, picking) remembers the version it holds. */
    version = 0;
    uploaded = new WeakMap<ProgramInfo, number>();
    layout: Layout | null | undefined = undefined;

    override getDefinition(): ProgramDefinition {
      const def = super.getDefinition();
      if (!("CONSTANT_ATTRIBUTES" in def)) return def;
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _data, ...plain } = def;
      return { ...plain, ATTRIBUTES: [...def.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
    }

    /** Computed on first use: the base constructor calls getDefinition before fields exist. */
    instancedLayout(): Layout | null {
      if (this.layout !== undefined) return this.layout;
      const def = super.getDefinition();
      if (!("CONSTANT_ATTRIBUTES" in def)) return (this.layout = null);
      const itemFloats = attributeFloats(def.ATTRIBUTES);
      return (this.layout = { vertices: def.VERTICES, itemFloats, constants: def.CONSTANT_DATA, scratch: new Float32Array(itemFloats) });
    }

    override reallocate(capacity: number): void {
      this.version++;
      super.reallocate(capacity);
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override process(...args: any[]): void {
      this.version++;
      super.process(...args);
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override processVisibleItem(index: unknown, start: number, ...rest: any[]): void {
      const layout = this.instancedLayout();
      if (!layout) return super.processVisibleItem(index, start, ...rest);
      // The stock code writes one item at `start`; have it write to a scratch array instead.
      const array = this.array;
      this.array = layout.scratch;
      try {
        super.processVisibleItem(index, 0, ...rest);
      } finally {
        this.array = array;
      }
      expandItem(layout.scratch, layout.constants, array, start);
    }

    /** Sigma's non-instanced binding, with the upload skipped when the buffer already holds this array. */
    bindProgram(program: ProgramInfo): void {
      const gl = program.gl;
      gl.bindBuffer(gl.ARRAY_BUFFER, program.buffer);
      let offset = 0;
      for (const attr of this.ATTRIBUTES) offset += (this as unknown as Binding).bindAttribute(attr, program, offset);
      if (this.uploaded.get(program) !== this.version) {
        gl.bufferData(gl.ARRAY_BUFFER, this.array, gl.DYNAMIC_DRAW);
        this.uploaded.set(program, this.version);
      }
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
    }
  }
  return FastProgram as unknown as C;
}

/** The program, drawing nothing while `skip()` says so (its data is kept). */
export function unless<C>(Program: C, skip: () => boolean): C {
  const Base = Program as unknown as Constructor<{ render(params: unknown): void }>;
  class Skippable extends Base {
    override render(params: unknown): void {
      if (!skip()) super.render(params);
    }
  }
  return Skippable as unknown as C;
}
