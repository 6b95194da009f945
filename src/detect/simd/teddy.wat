;; The prefilter's one pass (see teddy.ts): every position of the data tested at once against
;; every anchor's first three bytes, sixteen positions per step, Teddy-style (Hyperscan's and
;; ripgrep's literal search): each byte's low and high nibble looks up a mask of the anchor
;; buckets (up to 8) that may have that byte at that place; a position whose three bytes leave a
;; bucket set is a candidate, checked exactly in JavaScript. Built from this file by
;; scripts/build-wasm.mjs (`npm run build`).
;;
;; Memory (the thread's one kernel memory, core/simd/instantiate.ts): [0, 96) the six nibble
;; tables (low then high nibble, for anchor bytes 0, 1, 2), [96, 112) scratch, then the caller's
;; data and output areas.
(module
  (import "env" "memory" (memory 1))
  ;; Where the next call should start: set when the output area fills before the data ends.
  (global $resume (export "resume") (mut i32) (i32.const 0))

  ;; Candidates among positions [from, length) of the data at `data`, written to `out` as
  ;; (position << 8 | bucket bits), at most `capacity` of them; returns how many. The bytes
  ;; after `length` must be zero for 18 bytes (no anchor has a NUL byte, so none matches there).
  (func (export "scan") (param $data i32) (param $length i32) (param $from i32) (param $out i32) (param $capacity i32) (result i32)
    (local $p i32) (local $n i32) (local $bits i32) (local $lane i32)
    (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128) (local $lo2 v128) (local $hi2 v128)
    (local $nibble v128) (local $v v128) (local $m v128)
    (local.set $lo0 (v128.load (i32.const 0)))
    (local.set $hi0 (v128.load (i32.const 16)))
    (local.set $lo1 (v128.load (i32.const 32)))
    (local.set $hi1 (v128.load (i32.const 48)))
    (local.set $lo2 (v128.load (i32.const 64)))
    (local.set $hi2 (v128.load (i32.const 80)))
    (local.set $nibble (i8x16.splat (i32.const 15)))
    (local.set $p (local.get $from))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $p) (local.get $length)))
        ;; Room for a whole step's candidates, or stop here and say where to go on.
        (if (i32.gt_u (i32.add (local.get $n) (i32.const 16)) (local.get $capacity))
          (then (global.set $resume (local.get $p)) (return (local.get $n))))
        (local.set $v (v128.load (i32.add (local.get $data) (local.get $p))))
        (local.set $m (v128.and
          (i8x16.swizzle (local.get $lo0) (v128.and (local.get $v) (local.get $nibble)))
          (i8x16.swizzle (local.get $hi0) (i8x16.shr_u (local.get $v) (i32.const 4)))))
        (local.set $v (v128.load offset=1 (i32.add (local.get $data) (local.get $p))))
        (local.set $m (v128.and (local.get $m) (v128.and
          (i8x16.swizzle (local.get $lo1) (v128.and (local.get $v) (local.get $nibble)))
          (i8x16.swizzle (local.get $hi1) (i8x16.shr_u (local.get $v) (i32.const 4))))))
        (local.set $v (v128.load offset=2 (i32.add (local.get $data) (local.get $p))))
        (local.set $m (v128.and (local.get $m) (v128.and
          (i8x16.swizzle (local.get $lo2) (v128.and (local.get $v) (local.get $nibble)))
          (i8x16.swizzle (local.get $hi2) (i8x16.shr_u (local.get $v) (i32.const 4))))))
        (if (v128.any_true (local.get $m))
          (then
            (local.set $bits (i8x16.bitmask (i8x16.ne (local.get $m) (v128.const i64x2 0 0))))
            (if (local.get $bits)
              (then
                (v128.store (i32.const 96) (local.get $m))
                (loop $each
                  (local.set $lane (i32.ctz (local.get $bits)))
                  (i32.store
                    (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
                    (i32.or
                      (i32.shl (i32.add (local.get $p) (local.get $lane)) (i32.const 8))
                      (i32.load8_u (i32.add (i32.const 96) (local.get $lane)))))
                  (local.set $n (i32.add (local.get $n) (i32.const 1)))
                  (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
                  (br_if $each (local.get $bits)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $step)))
    (global.set $resume (local.get $length))
    (local.get $n)))
