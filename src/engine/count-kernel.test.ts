// The WebAssembly kernels: their bytes are count-kernel.wat assembled (so the text is what runs), and
// swingsBySizeExact counts the same with them as in JavaScript on random games up to 53 players.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleCountKernel, KERNEL_MODULE, kernelModuleText } from '../../scripts/wasm.ts';
import { wasmTable } from './count-kernel.ts';
import { swingsBySizeExact } from './exact-pivots.ts';

describe('count kernel (WebAssembly)', () => {
  it('count-kernel-wasm.ts holds count-kernel.wat assembled (run scripts/wasm.ts after editing the .wat)', async () => {
    expect(readFileSync(KERNEL_MODULE, 'utf8')).toBe(kernelModuleText(await assembleCountKernel()));
  });

  it('compiles and runs here (Node 20 has WebAssembly SIMD)', () => {
    const t = wasmTable(10, 4, { q: 5, n: 3, cap: 4, total: 9, distinct: [1], hw: Int32Array.of(0), hs: Int32Array.of(0) });
    expect(t).toBeDefined();
    t!.table.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Cells 5…9 += cells 0…4: five cells, one group of four and one alone.
    t!.addRow(5, 0, 0, 4);
    expect(Array.from(t!.table)).toEqual([1, 2, 3, 4, 5, 7, 9, 11, 13, 15]);
    // 32-bit cells wrap as a Uint32Array's do.
    t!.table[0] = 2 ** 32 - 1;
    t!.addRow(1, 0, 0, 0);
    expect(t!.table[1]).toBe(1);
    expect(t!.prefix(0, 5, 3)).toBe(27);
  });

  it('swingsBySizeExact counts the same in WebAssembly as in JavaScript on random games', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 53 }),
        fc.double({ min: 0, max: 1.05, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
        (w, f, heavy) => {
          const q = Math.floor(f * w.reduce((a, b) => a + b, 0));
          const js = swingsBySizeExact(w, q, { heavy, wasm: false }).map((row) => Array.from(row));
          expect(swingsBySizeExact(w, q, { heavy }).map((row) => Array.from(row))).toEqual(js);
        },
      ),
      { numRuns: 120, seed: 20261205 },
    );
  });
});
