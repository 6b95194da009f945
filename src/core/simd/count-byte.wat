;; How many times one byte occurs in a run of whole 16-byte blocks, sixteen bytes per step
;; (see count-byte.ts; the blocks' tail is counted in JavaScript). Built from this file by
;; scripts/build-wasm.mjs (`npm run build`).
(module
  (import "env" "memory" (memory 1))

  ;; Occurrences of `byte` in [data, data + length); `length` is a multiple of 16.
  (func (export "count") (param $data i32) (param $length i32) (param $byte i32) (result i32)
    (local $p i32) (local $end i32) (local $n i32) (local $needle v128)
    (local.set $needle (i8x16.splat (local.get $byte)))
    (local.set $p (local.get $data))
    (local.set $end (i32.add (local.get $data) (local.get $length)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $n (i32.add (local.get $n)
          (i32.popcnt (i8x16.bitmask (i8x16.eq (v128.load (local.get $p)) (local.get $needle))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $step)))
    (local.get $n)))
