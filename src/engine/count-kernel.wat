;; The loops of exact-pivots.ts's swingsBySizeExact in WebAssembly: filling the table of light
;; coalitions by (size, weight) (the same additions as its JavaScript loops, four cells an instruction
;; with 128-bit SIMD), its rows' prefix sums and the alternating sums read from them (compiled at once
;; and fast from the first call, where a one-shot command runs JavaScript cold for most of its reading).
;; scripts/wasm.ts assembles this file into count-kernel-wasm.ts; count-kernel.test.ts checks the two
;; agree. Addresses are byte offsets into the one memory, which count-kernel.ts sizes and lays out.
(module
  (import "env" "memory" (memory 1))

  ;; Cells [dst, dst + 4n) += cells [src, src + 4n): 32-bit cells wrapping modulo 2^32, as a
  ;; Uint32Array's do. The two ranges are different rows of the table, so they never overlap and
  ;; the order of the additions does not matter.
  (func (export "addRow") (param $dst i32) (param $src i32) (param $n i32)
    (local $end i32)
    (if (i32.le_s (local.get $n) (i32.const 0)) (then (return)))
    ;; Four cells at a time up to the last multiple of four, then one at a time.
    (local.set $end (i32.add (local.get $dst) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done4
      (loop $four
        (br_if $done4 (i32.ge_u (local.get $dst) (local.get $end)))
        (v128.store (local.get $dst) (i32x4.add (v128.load (local.get $dst)) (v128.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (br $four)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $done1
      (loop $one
        (br_if $done1 (i32.ge_u (local.get $dst) (local.get $end)))
        (i32.store (local.get $dst) (i32.add (i32.load (local.get $dst)) (i32.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (br $one))))

  ;; Prefix sums of n unsigned 32-bit cells at src into n float64 at out (out[i] = src[0] + … + src[i],
  ;; exact below 2^53); returns their total.
  (func (export "prefix") (param $out i32) (param $src i32) (param $n i32) (result f64)
    (local $acc f64)
    (local $end i32)
    (if (i32.le_s (local.get $n) (i32.const 0)) (then (return (f64.const 0))))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (local.set $acc (f64.add (local.get $acc) (f64.convert_i32_u (i32.load (local.get $src)))))
        (f64.store (local.get $out) (local.get $acc))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $next)))
    (local.get $acc))
;; One light size's reading, as exact-pivots.ts's alternateAll for every distinct weight: the row
  ;; pair (own: the size's prefix counts over [lo, hi]; comp: its complement's over [cLo, cHi]; an absent
  ;; row has lo = 2^31 − 1) is held in these globals while below() reads it.
  (global $own (mut i32) (i32.const 0))
  (global $lo (mut i32) (i32.const 0))
  (global $hi (mut i32) (i32.const 0))
  (global $comp (mut i32) (i32.const 0))
  (global $cLo (mut i32) (i32.const 0))
  (global $cHi (mut i32) (i32.const 0))
  (global $all (mut f64) (f64.const 0))
  (global $cap (mut i32) (i32.const 0))
  (global $total (mut i32) (i32.const 0))

  ;; Light coalitions of the size weighing less than x: from its own row up to the cap, beyond it all
  ;; of them less the complements (of the other size) weighing at most total − x.
  (func $below (param $x i32) (result f64)
    (local $y i32)
    (if (i32.le_s (local.get $x) (i32.const 0)) (then (return (f64.const 0))))
    (local.set $x (i32.sub (local.get $x) (i32.const 1)))
    (if (i32.le_s (local.get $x) (global.get $cap))
      (then
        (if (i32.lt_s (local.get $x) (global.get $lo)) (then (return (f64.const 0))))
        (return (f64.load (i32.add (global.get $own) (i32.shl (i32.sub
          (select (local.get $x) (global.get $hi) (i32.lt_s (local.get $x) (global.get $hi)))
          (global.get $lo)) (i32.const 3)))))))
    ;; y − 1 = total − x (x already less one)
    (local.set $y (i32.sub (global.get $total) (local.get $x)))
    (if (i32.or (i32.le_s (local.get $y) (i32.const 0)) (i32.lt_s (i32.sub (local.get $y) (i32.const 1)) (global.get $cLo)))
      (then (return (global.get $all))))
    (local.set $y (i32.sub (local.get $y) (i32.const 1)))
    (f64.sub (global.get $all) (f64.load (i32.add (global.get $comp) (i32.shl (i32.sub
      (select (local.get $y) (global.get $cHi) (i32.lt_s (local.get $y) (global.get $cHi)))
      (global.get $cLo)) (i32.const 3))))))

  ;; out[s0 + k] += (−1)^k (below(top − k·wi) − below(top − (k+1)·wi)) for k ≤ K while s0 + k < n and
  ;; the count below is not zero (out: byte address of float64 row).
  (func $alternate (param $top i32) (param $wi i32) (param $K i32) (param $out i32) (param $s0 i32) (param $n i32)
    (local $k i32) (local $prev f64) (local $next f64) (local $at i32)
    (local.set $prev (call $below (local.get $top)))
    (block $done
      (loop $next
        (br_if $done (i32.gt_s (local.get $k) (local.get $K)))
        (br_if $done (i32.ge_s (i32.add (local.get $s0) (local.get $k)) (local.get $n)))
        (br_if $done (f64.eq (local.get $prev) (f64.const 0)))
        (local.set $next (call $below (i32.sub (local.get $top) (i32.mul (i32.add (local.get $k) (i32.const 1)) (local.get $wi)))))
        (local.set $at (i32.add (local.get $out) (i32.shl (i32.add (local.get $s0) (local.get $k)) (i32.const 3))))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at))
          (select (f64.sub (local.get $next) (local.get $prev)) (f64.sub (local.get $prev) (local.get $next)) (i32.and (local.get $k) (i32.const 1)))))
        (local.set $prev (local.get $next))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; Adds light size s's share of every distinct weight's swings by size: for weight d (dist: nd i32),
  ;; for each heavy coalition j below the quota (weights hw, sizes hs: nh i32 each), alternate() from
  ;; q − hw[j] into row d of outs (nd rows of n float64).
  (func (export "readSize")
    (param $own i32) (param $lo i32) (param $hi i32) (param $comp i32) (param $cLo i32) (param $cHi i32) (param $all f64)
    (param $cap i32) (param $total i32) (param $s i32) (param $q i32)
    (param $dist i32) (param $nd i32) (param $hw i32) (param $hs i32) (param $nh i32) (param $outs i32) (param $n i32)
    (local $d i32) (local $wi i32) (local $K i32) (local $out i32) (local $j i32) (local $s0 i32)
    (global.set $own (local.get $own))
    (global.set $lo (local.get $lo))
    (global.set $hi (local.get $hi))
    (global.set $comp (local.get $comp))
    (global.set $cLo (local.get $cLo))
    (global.set $cHi (local.get $cHi))
    (global.set $all (local.get $all))
    (global.set $cap (local.get $cap))
    (global.set $total (local.get $total))
    (block $doneD
      (loop $eachD
        (br_if $doneD (i32.ge_s (local.get $d) (local.get $nd)))
        (local.set $wi (i32.load (i32.add (local.get $dist) (i32.shl (local.get $d) (i32.const 2)))))
        (local.set $K (i32.div_s (i32.sub (local.get $q) (i32.const 1)) (local.get $wi)))
        (local.set $out (i32.add (local.get $outs) (i32.shl (i32.mul (local.get $d) (local.get $n)) (i32.const 3))))
        (local.set $j (i32.const 0))
        (block $doneJ
          (loop $eachJ
            (br_if $doneJ (i32.ge_s (local.get $j) (local.get $nh)))
            (local.set $s0 (i32.add (local.get $s) (i32.load (i32.add (local.get $hs) (i32.shl (local.get $j) (i32.const 2))))))
            (if (i32.lt_s (local.get $s0) (local.get $n))
              (then (call $alternate
                (i32.sub (local.get $q) (i32.load (i32.add (local.get $hw) (i32.shl (local.get $j) (i32.const 2)))))
                (local.get $wi) (local.get $K) (local.get $out) (local.get $s0) (local.get $n))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $eachJ)))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $eachD))))
)
